"""Every PPID page, requested by every role (same shape as bakohumas/core/tests/test_access.py).
Another office's PPID sees nothing (404); read-only roles get 403 on writes; public pages are open."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from bakohumas.access_testing import BAD, FORBIDDEN, FOUND, MISSING, OK, ROLES, check_anonymous, check_role, row
from bakohumas.library.tests.conftest import PDF
from bakohumas.ppid.services import dispute_register, objection_answer, objection_file, request_decide, request_extend

pytestmark = pytest.mark.django_db



ALL = row(OK, OK, OK, OK, OK, OK)
VIEW = row(OK, OK, OK, OK, MISSING, OK)
STAFF_PAGE = row(OK, OK, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
STAFF_WRITE = row(BAD, BAD, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)
NATIONAL_WRITE = row(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, BAD)

PAGES = {
    "ppid:public_index": ("get", "none", ALL),
    "ppid:public_request": ("get", "office", ALL),
    "ppid:public_dip": ("get", "office", ALL),
    "ppid:track": ("get", "token", ALL),
    "ppid:request_list": ("get", "office", VIEW),
    "ppid:request_new": ("get", "office", STAFF_PAGE),
    "ppid:dip_manage": ("get", "office", STAFF_PAGE),
    "ppid:request_detail": ("get", "request", VIEW),
    "ppid:power_of_attorney": ("get", "request", STAFF_PAGE),
    "ppid:request_incomplete": ("post", "request", STAFF_WRITE),
    "ppid:request_completed": ("post", "request", STAFF_WRITE),
    "ppid:request_extend": ("post", "request", STAFF_WRITE),
    "ppid:request_decide": ("post", "request", STAFF_WRITE),
    "ppid:objection_add": ("post", "request", STAFF_WRITE),
    "ppid:dispute_add": ("post", "request", STAFF_WRITE),
    "ppid:notice": ("get", "notice", row(OK, OK, OK, FORBIDDEN, MISSING, FORBIDDEN)),
    "ppid:extension_letter": ("get", "extension", row(OK, OK, OK, FORBIDDEN, MISSING, FORBIDDEN)),
    "ppid:objection_letter": ("get", "objection_letter", row(OK, OK, OK, FORBIDDEN, MISSING, FORBIDDEN)),
    "ppid:letter_number": ("post", "request", row(FOUND, FOUND, FORBIDDEN, FORBIDDEN, MISSING, FORBIDDEN)),
    "ppid:objection_answer": ("post", "objection", STAFF_WRITE),
    "ppid:dispute_update": ("post", "dispute", STAFF_WRITE),
    "ppid:monitoring": ("get", "province", row(MISSING, MISSING, MISSING, OK, MISSING, OK)),
    "ppid:report": ("get", "office", VIEW),
    "ppid:report_export": ("get", "export", VIEW),
    "ppid:exempt_list": ("get", "none", ALL),
    "ppid:exempt_add": ("post", "none", NATIONAL_WRITE),
    "ppid:non_working_days": ("get", "none", ALL),
    "ppid:non_working_day_add": ("post", "none", NATIONAL_WRITE),
}
PUBLIC = {"ppid:public_index", "ppid:public_request", "ppid:public_dip", "ppid:track"}


@pytest.fixture
def fixtures(make_request, kediri, operator):
    request = make_request(kediri, dt.date(2025, 7, 4), power_of_attorney=ContentFile(PDF, name="kuasa.pdf"))
    request_decide(request=request, decided_on=dt.date(2025, 7, 8), availability="dikuasai", outcome="diterima",
                   format="softcopy", actor=operator)
    objection = objection_file(request=request, filed_on=dt.date(2025, 7, 15), ground="35d", statement="",
                               actor=operator)
    dispute = dispute_register(request=request, commission="KI Jatim", case_number="1",
                               registered_on=dt.date(2025, 8, 1), actor=operator)
    answered = objection_file(request=request, filed_on=dt.date(2025, 7, 16), ground="35a", statement="x",
                              actor=operator)
    objection_answer(objection=answered, answered_on=dt.date(2025, 7, 30), answer="ditolak", answer_text="Tetap.",
                     answered_by_name="Atasan Uji", actor=operator)
    extended = make_request(kediri, dt.date(2025, 7, 7))
    request_extend(request=extended, notified_on=dt.date(2025, 7, 14), reasons="Arsip di gudang.", actor=operator)
    return {"request": request, "objection": objection, "dispute": dispute, "answered": answered,
            "extended": extended}


def _args(kind: str, fx: dict) -> list:
    return {
        "none": [], "office": ["3571"], "province": ["35"], "token": [fx["request"].tracking_token],
        "request": [fx["request"].id], "notice": [fx["request"].id, "docx"], "export": ["3571", "xlsx"],
        "objection": [fx["objection"].id], "dispute": [fx["dispute"].id],
        "extension": [fx["extended"].id, "pdf"], "objection_letter": [fx["answered"].id, "docx"],
    }[kind]


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("role", ROLES)
def test_it_gives_each_role_what_it_may(client, users, fixtures, name, role):
    check_role(client, PAGES, name, users[role], role, lambda kind: _args(kind, fixtures))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_it_sends_anonymous_users_to_login_except_on_public_pages(client, fixtures, name):
    if name in PUBLIC:
        method, kind, _expected = PAGES[name]
        assert getattr(client, method)(reverse(name, args=_args(kind, fixtures))).status_code == OK
    else:
        check_anonymous(client, PAGES, name, lambda kind: _args(kind, fixtures))


def test_it_shows_the_nik_only_to_the_offices_ppid_staff(client, users, fixtures):
    url = reverse("ppid:request_detail", args=[fixtures["request"].id])
    nik = fixtures["request"].nik.encode()
    for role, sees_nik, sees_name in (("operator", True, True), ("ketua", True, True), ("pimpinan", False, True),
                                      ("evaluator", False, False), ("national", False, False)):
        client.force_login(users[role])
        content = client.get(url).content
        assert (nik in content) is sees_nik, role
        assert (b"Pemohon Uji" in content) is sees_name, role


def test_another_offices_ppid_sees_nothing(client, fixtures, django_user_model):
    from bakohumas.offices.models import Office

    other = django_user_model.objects.create_user(username="op.blitar", password="x", role="operator",
                                                  office=Office.objects.get(code="3505"))
    client.force_login(other)
    request = fixtures["request"]
    assert client.get(reverse("ppid:request_detail", args=[request.id])).status_code == MISSING
    assert client.get(reverse("ppid:request_list", args=["3571"])).status_code == MISSING
    assert client.get(reverse("ppid:notice", args=[request.id, "pdf"])).status_code == MISSING
    assert b"PPID/3571" not in client.get(reverse("ppid:request_list", args=["3505"])).content
