import datetime as dt

import pytest
from django.db import IntegrityError
from django.urls import reverse

from bakohumas.offices.models import Office, PositionTerm
from bakohumas.offices.reference import offices_load_reference

pytestmark = pytest.mark.django_db


def test_migrate_loads_the_national_hierarchy():
    assert Office.objects.filter(level=Office.Level.NATIONAL).count() == 1
    assert Office.objects.provinces().count() == 38
    assert Office.objects.regencies().count() == 514
    assert Office.objects.get(code="3571").name == "KPU Kota Kediri"
    assert Office.objects.get(code="35").name == "KPU Provinsi Jawa Timur"
    assert Office.objects.get(code="11").name == "KIP Aceh"
    assert Office.objects.get(code="1101").name == "KIP Kabupaten Aceh Selatan"
    assert Office.objects.get(code="3172").name == "KPU Kota Administrasi Jakarta Utara"


def test_loading_the_hierarchy_again_creates_nothing():
    assert offices_load_reference() == 0
    assert Office.objects.count() == 553


@pytest.mark.parametrize("role,visible", [
    ("operator", {"3571"}), ("evaluator", None), ("outsider", None), ("national", None),
])
def test_visibility_follows_the_hierarchy(users, role, visible):
    seen = set(Office.objects.visible_to(users[role]).values_list("code", flat=True))
    if role == "operator":
        assert seen == visible
    elif role == "evaluator":
        assert seen == {"35"} | set(Office.objects.filter(parent__code="35").values_list("code", flat=True))
        assert len(seen) == 39
    elif role == "outsider":
        assert "3571" not in seen and "33" in seen
    else:
        assert len(seen) == 553


def test_handover_closes_the_previous_term_and_keeps_the_note(client, ketua, kediri):
    client.force_login(ketua)
    url = reverse("offices:handover", args=["3571"])
    client.post(url, {"position": "ketua_bakohumas", "holder_name": "Sekretaris A", "started_on": "2022-01-03"})
    response = client.post(url, {"position": "ketua_bakohumas", "holder_name": "Sekretaris B",
                                 "started_on": "2025-02-01", "handover_note": "Perpanjang PKS kampus."})
    assert response.status_code == 302
    old, new = PositionTerm.objects.filter(office=kediri).order_by("started_on")
    assert old.ended_on == dt.date(2025, 2, 1) and old.handover_note == "Perpanjang PKS kampus."
    assert new.ended_on is None
    page = client.get(reverse("offices:detail", args=["3571"])).content.decode()
    assert "Perpanjang PKS kampus." in page and "Sekretaris B" in page


def test_the_database_allows_one_current_ketua_per_office(kediri):
    PositionTerm.objects.create(office=kediri, position="ketua_bakohumas", holder_name="A",
                                started_on=dt.date(2024, 1, 1))
    with pytest.raises(IntegrityError):
        PositionTerm.objects.create(office=kediri, position="ketua_bakohumas", holder_name="B",
                                    started_on=dt.date(2024, 2, 1))
