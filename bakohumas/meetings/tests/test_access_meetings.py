"""Every meeting page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
The Rakor is Jawa Timur's; Kota Kediri (the operator's, ketua's and pimpinan's office) is invited;
the outsider is an evaluator of Jawa Tengah. The province's evaluator manages it; each invited office
records its own attendance and writes its news item; KPU RI reads."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bakohumas.access_testing import BAD, FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.library.tests.conftest import PDF
from bakohumas.meetings.services import agenda_item_add, attendee_add, direction_add

pytestmark = pytest.mark.django_db

EVERYONE_INVITED = row(OK, OK, OK, OK, MISSING, OK)
MANAGER_GET = row(FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, MISSING, FORBIDDEN)
MANAGER_POST = row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FOUND, MISSING, FORBIDDEN)

PAGES = {
    "meetings:list": ("get", "none", row(OK, OK, OK, OK, OK, OK)),
    "meetings:create": ("get", "none", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK, OK)),
    "meetings:national": ("get", "none", row(MISSING, MISSING, MISSING, MISSING, MISSING, OK)),
    "meetings:detail": ("get", "meeting", EVERYONE_INVITED),
    "meetings:edit": ("get", "meeting", MANAGER_GET),
    "meetings:invite": ("post", "meeting", MANAGER_POST),
    "meetings:cancel": ("post", "meeting", MANAGER_POST),
    "meetings:ics": ("get", "meeting", EVERYONE_INVITED),
    "meetings:letter": ("get", "meeting", EVERYONE_INVITED),
    "meetings:agenda_add": ("post", "meeting", MANAGER_POST),
    "meetings:material": ("get", "item", EVERYONE_INVITED),
    "meetings:material_evaluation": ("get", "item", EVERYONE_INVITED),
    "meetings:attendance": ("get", "office", EVERYONE_INVITED),
    "meetings:attendee_delete": ("post", "attendee", row(FOUND, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)),
    "meetings:presence": ("post", "office", MANAGER_POST),
    "meetings:news_draft": ("post", "office", row(FOUND, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)),
    "meetings:attendance_list": ("get", "xlsx", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, MISSING, OK)),
    "meetings:minutes": ("get", "meeting", MANAGER_GET),
    "meetings:item_minutes": ("post", "item", MANAGER_POST),
    "meetings:direction_add": ("post", "item", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, BAD, MISSING, FORBIDDEN)),
    "meetings:direction_actions": ("post", "direction",
                                   row(FORBIDDEN, FORBIDDEN, FORBIDDEN, BAD, MISSING, FORBIDDEN)),
    "meetings:minutes_approve": ("post", "meeting", row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, MISSING,
                                                        FORBIDDEN)),
    "meetings:minutes_document": ("get", "docx", MANAGER_GET),
}


@pytest.fixture
def objects(meeting, evaluator, operator):
    item = agenda_item_add(meeting=meeting, actor=evaluator, data={"title": "Arahan", "evaluation_document": "xlsx"},
                           material=SimpleUploadedFile("arahan.pdf", PDF, content_type="application/pdf"))
    attendee = attendee_add(invitee=meeting.invitees.get(office__code="3571"), actor=operator, name="Staf Humas",
                            position="Operator humas", role="staf")
    direction = direction_add(item=item, actor=evaluator, text="Lakukan evaluasi internal.")
    return {"meeting": meeting, "item": item, "attendee": attendee, "direction": direction}


def _args(kind: str, objects) -> list:
    meeting = objects["meeting"].id
    return {
        "none": [], "meeting": [meeting], "item": [meeting, objects["item"].id], "office": [meeting, "3571"],
        "attendee": [meeting, "3571", objects["attendee"].id], "xlsx": [meeting, "xlsx"], "docx": [meeting, "docx"],
        "direction": [meeting, objects["direction"].id],
    }[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, objects, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, objects))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login(client, objects, name):
    check_anonymous(client, PAGES, name, lambda kind: _args(kind, objects))
