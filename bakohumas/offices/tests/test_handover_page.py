"""The handover page a new Ketua Bakohumas, operator or PPID starts from, and the home-page notice
that points them to it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from bakohumas.core.periods import Quarter
from bakohumas.followup.models import Action
from bakohumas.offices.models import PositionTerm
from bakohumas.offices.services import position_handover
from bakohumas.records.models import Channel, Partnership
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db

NOTE = "PKS dengan Radio Kediri habis Maret; perpanjang lewat Sekretaris."


@pytest.fixture
def handed_over(kediri, ketua):
    """Sekretaris Lama handed over to the `ketua` user ten days ago, leaving a note and a contact."""
    today = timezone.localdate()
    PositionTerm.objects.create(office=kediri, position="ketua_bakohumas", holder_name="Sekretaris Lama",
                                contact="lama@kpu.go.id / 0812-0000-1111", started_on=today - dt.timedelta(days=900))
    return position_handover(office=kediri, position="ketua_bakohumas", holder_name="Sekretaris Baru",
                             started_on=today - dt.timedelta(days=10), actor=None, user=ketua,
                             handover_note=NOTE)


@pytest.fixture
def records(kediri, make_report):
    today = timezone.localdate()
    Channel.objects.create(office=kediri, kind="instagram", handle="@kpukotakediri", managed_by="Subbag Humas")
    Partnership.objects.create(office=kediri, partner_name="Radio Kediri FM", partner_type="media", form="pks",
                               signed_on=today - dt.timedelta(days=300), valid_until=today + dt.timedelta(days=20))
    # Quarters relative to today: the page shows the last four, whatever the day the suite runs on.
    current = Quarter.containing(today)
    Action.objects.create(office=kediri, text="Aktifkan grup WA Media Center.",
                          due_period=period_get_or_create(current.code))
    Action.objects.create(office=kediri, text="Sudah beres.", due_period=period_get_or_create(current.previous().code),
                          status="done", done_on=today)
    make_report("3571", current.previous().code)
    return current.previous()


def test_it_shows_what_a_new_holder_needs(client, ketua, handed_over, records):
    reported = records
    client.force_login(ketua)
    response = client.get(reverse("offices:handover_page", args=["3571"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sekretaris Baru" in html and "Sekretaris Lama" in html
    assert NOTE in html and "lama@kpu.go.id / 0812-0000-1111" in html
    assert "@kpukotakediri" in html and "Subbag Humas" in html
    assert "Radio Kediri FM" in html and "segera berakhir" in html
    assert "Aktifkan grup WA Media Center." in html and "Sudah beres." not in html
    assert reported.label in html and "Dikirim" in html


def test_the_province_may_read_it_and_another_province_may_not(client, evaluator, outsider, handed_over):
    client.force_login(evaluator)
    assert NOTE in client.get(reverse("offices:handover_page", args=["3571"])).content.decode()
    client.force_login(outsider)
    assert client.get(reverse("offices:handover_page", args=["3571"])).status_code == 404


def test_the_new_holder_finds_it_from_the_home_page(client, ketua, handed_over):
    client.force_login(ketua)
    html = client.get(reverse("home")).content.decode()
    assert "Selamat bertugas sebagai Ketua Bakohumas" in html
    assert reverse("offices:handover_page", args=["3571"]) in html


def test_colleagues_see_that_the_office_had_a_handover(client, operator, handed_over):
    client.force_login(operator)
    html = client.get(reverse("home")).content.decode()
    assert "Ada serah terima jabatan di kantor ini" in html and "Sekretaris Baru" in html


def test_the_notice_goes_after_sixty_days(client, ketua, handed_over):
    PositionTerm.objects.filter(pk=handed_over.pk).update(started_on=timezone.localdate() - dt.timedelta(days=61))
    client.force_login(ketua)
    html = client.get(reverse("home")).content.decode()
    assert "Selamat bertugas" not in html and "Ada serah terima jabatan" not in html


def test_an_office_without_history_gets_an_honest_page(client, operator):
    client.force_login(operator)
    html = client.get(reverse("offices:handover_page", args=["3571"])).content.decode()
    assert "Belum ada pemegang jabatan yang dicatat." in html
    assert "Belum ada kanal yang dicatat." in html and "Tidak ada tindak lanjut yang terbuka." in html


def test_the_handover_page_has_a_fixed_number_of_queries(client, ketua, handed_over, records, kediri,
                                                         django_assert_max_num_queries):
    for n in range(5):
        Channel.objects.create(office=kediri, kind="website", handle=f"situs-{n}.example")
    client.force_login(ketua)
    with django_assert_max_num_queries(11):
        assert client.get(reverse("offices:handover_page", args=["3571"])).status_code == 200


def test_a_term_that_already_ended_is_not_shown_as_current(client, operator, kediri, handed_over):
    """An acting operator who started after the new Ketua and has already left: the notice names the
    Ketua, who holds the position now, not the newest term."""
    today = timezone.localdate()
    PositionTerm.objects.create(office=kediri, position="operator_humas", holder_name="Pelaksana Tugas",
                                started_on=today - dt.timedelta(days=3), ended_on=today - dt.timedelta(days=1))
    client.force_login(operator)
    html = client.get(reverse("home")).content.decode()
    assert "Pelaksana Tugas" not in html
    assert "Sekretaris Baru menjabat sebagai Ketua Bakohumas" in html

def test_no_notice_when_every_recent_term_has_ended(client, operator, handed_over):
    PositionTerm.objects.filter(pk=handed_over.pk).update(ended_on=timezone.localdate())
    client.force_login(operator)
    html = client.get(reverse("home")).content.decode()
    assert "Ada serah terima jabatan" not in html and "menjabat sebagai" not in html
