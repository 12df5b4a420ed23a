"""Every library page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
Staff pages: outsiders 404 on Kota Kediri's records, read-only roles 403 on writes, anonymous users
the login page. OPAC and OAI are public."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from bakohumas.access_testing import FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.library.models import PartKind, RecordFile
from bakohumas.library.services import application_submit, record_update
from bakohumas.library.tests.conftest import PNG

pytestmark = pytest.mark.django_db



ALL_OK = row(OK, OK, OK, OK, OK, OK)
EDIT_GET = row(OK, OK, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
EDIT_POST = row(FOUND, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
SEE = row(OK, OK, OK, OK, MISSING, OK)
REVIEW_POST = row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING, FOUND)

# name: (method, args builder key, expected status per role)
PAGES = {
    "library:record_list": ("get", "none", ALL_OK),
    "library:record_create": ("get", "none", row(OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
    "library:record_detail": ("get", "record", SEE),
    "library:record_edit": ("get", "record", EDIT_GET),
    "library:record_delete": ("post", "record", EDIT_POST),
    "library:item_add": ("post", "record", EDIT_POST),
    "library:file_add": ("post", "record", EDIT_POST),
    "library:file_download": ("get", "file", SEE),
    "library:application_create": ("post", "record", EDIT_POST),
    "library:export": ("get", "export", ALL_OK),
    "library:import": ("get", "none", row(OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
    "library:application_list": ("get", "none", ALL_OK),
    "library:application_detail": ("get", "application", SEE),
    "library:application_submit": ("post", "application", EDIT_POST),
    "library:application_return": ("post", "application", REVIEW_POST),
    "library:application_forward": ("post", "application", REVIEW_POST),
    "library:application_assign": ("post", "application", REVIEW_POST),
    "library:application_deposit": ("post", "application", EDIT_POST),
    "library:part_download": ("get", "part", SEE),
    "library:opac_search": ("get", "none", ALL_OK),
    "library:opac_detail": ("get", "record", ALL_OK),
    "library:opac_file": ("get", "file", ALL_OK),
    "library:cover": ("get", "record", ALL_OK),
    "library:opac_cite": ("get", "cite", ALL_OK),
    "oai": ("get", "none", ALL_OK),
}
PUBLIC = {"library:opac_search", "library:opac_detail", "library:opac_file", "library:cover", "library:opac_cite",
          "oai"}


@pytest.fixture
def objects(record, complete_application):
    application_submit(application=complete_application, actor=None)
    record_update(record=record, actor=None, data={"cover": ContentFile(PNG, name="sampul.png")})
    return {"record": record, "application": complete_application,
            "file": RecordFile.objects.get(record=record)}


def _args(kind: str, objects: dict) -> list:
    return {
        "none": [], "record": [objects["record"].id], "application": [objects["application"].id],
        "file": [objects["record"].id, objects["file"].id], "export": ["csv"], "cite": [objects["record"].id, "ris"],
        "part": [objects["application"].id, PartKind.COVER.value],
    }[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_what_it_may(client, users, objects, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, objects))


@pytest.mark.parametrize("name", sorted(set(PAGES) - PUBLIC))
def test_anonymous_users_are_sent_to_login(client, objects, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, objects))


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_pages_need_no_login(client, objects, name):
    method, kind, _expected = PAGES[name]
    assert getattr(client, method)(reverse(name, args=_args(kind, objects))).status_code == OK
