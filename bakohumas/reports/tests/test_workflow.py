"""Draft -> submitted -> returned/verified, through the pages, with the rules of each role."""


import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from bakohumas.audit.models import AuditEntry
from bakohumas.conftest import FULL_VALUES
from bakohumas.core.periods import Quarter
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.services import period_get_or_create, submission_start

pytestmark = pytest.mark.django_db

BOOLEANS = {"wa_bakohumas_eksternal", "wa_media_center", "media_center_aktif", "kendala_sdm", "kendala_anggaran",
            "kendala_sarpras"}


def _post_data(submission, **overrides):
    data = {k: ("ya" if v else "tidak") if k in BOOLEANS else v for k, v in FULL_VALUES.items()}
    data.update(revision=submission.revision, aksi="simpan")
    data.update(overrides)
    return data


def _save_and_send(client, draft, **overrides):
    """"Simpan & periksa untuk dikirim", then "Kirim" on the confirmation page."""
    response = client.post(reverse("reports:detail", args=[draft.id]), _post_data(draft, aksi="kirim", **overrides))
    if response.status_code == 302 and response["Location"] == reverse("reports:submit", args=[draft.id]):
        draft.refresh_from_db()
        response = client.post(reverse("reports:submit", args=[draft.id]), {"revision": draft.revision})
    return response


@pytest.fixture
def draft(kediri, operator):
    return submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator)


def test_the_operator_saves_a_draft(client, operator, draft):
    client.force_login(operator)
    response = client.post(reverse("reports:detail", args=[draft.id]), _post_data(draft))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Submission.Status.DRAFT and draft.value_map()["berita_website"] == 5
    assert AuditEntry.objects.filter(action="submission.save_draft", target_id=str(draft.id)).exists()


def test_validation_messages_are_indonesian_and_next_to_the_field(client, operator, draft):
    client.force_login(operator)
    response = client.post(reverse("reports:detail", args=[draft.id]),
                           _post_data(draft, unggahan_seremonial=30, unggahan_medsos=10, berita_website=-2,
                                      episode_podcast="dua belas", siaran_langsung="9223372036854775808"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Jumlah ucapan seremonial tidak boleh melebihi jumlah unggahan media sosial." in html
    assert "Tidak boleh negatif." in html
    podcast = html[html.index('id="butir-episode_podcast"'):html.index('id="butir-media_center_aktif"')]
    assert "Isi dengan bilangan bulat, misalnya 12." in podcast and 'value="dua belas"' in podcast  # kept
    live = html[html.index('id="butir-siaran_langsung"'):html.index('id="butir-permohonan_informasi"')]
    assert "paling banyak 1.000 dalam satu triwulan" in live and "9223372036854775807" not in html
    draft.refresh_from_db()
    assert draft.value_map() == {}  # nothing half-written


def test_a_draft_saves_whatever_is_there(client, operator, draft):
    client.force_login(operator)
    data = {"revision": draft.revision, "aksi": "simpan", "berita_website": "5", "kendala_sdm": "ya"}
    response = client.post(reverse("reports:detail", args=[draft.id]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    values = draft.value_map()
    assert values["berita_website"] == 5 and values["kendala_sdm"] == 1 and values["unggahan_medsos"] is None
    assert draft.values.get(code="berita_website").entered_by == operator
    html = client.get(reverse("reports:detail", args=[draft.id])).content.decode()
    assert "Wajib diisi" not in html and "Diisi oleh Operator" in html


def test_an_operator_may_not_submit_unless_the_office_allows(client, operator, draft, kediri):
    client.force_login(operator)
    _save_and_send(client, draft)
    draft.refresh_from_db()
    assert draft.status == Submission.Status.DRAFT
    assert client.post(reverse("reports:submit", args=[draft.id])).status_code == 403
    kediri.operators_may_submit = True
    kediri.save()
    draft.refresh_from_db()
    _save_and_send(client, draft)
    draft.refresh_from_db()
    assert draft.status == Submission.Status.SUBMITTED


def test_the_ketua_submits_and_submitting_twice_is_harmless(client, ketua, draft):
    client.force_login(ketua)
    _save_and_send(client, draft)
    draft.refresh_from_db()
    assert draft.status == Submission.Status.SUBMITTED and draft.reported_on is not None
    versions = draft.versions.count()
    assert client.post(reverse("reports:submit", args=[draft.id])).status_code == 302
    assert draft.versions.count() == versions


def test_an_incomplete_draft_cannot_be_submitted(client, ketua, draft):
    client.force_login(ketua)
    client.post(reverse("reports:detail", args=[draft.id]), {"revision": draft.revision, "aksi": "simpan",
                                                              "berita_website": "5"})
    page = client.get(reverse("reports:submit", args=[draft.id])).content.decode()
    assert "19 jawaban belum diisi" in page
    assert "Kirim ke" not in page
    response = client.post(reverse("reports:submit", args=[draft.id]))
    assert response.status_code == 400 and "Lengkapi dulu jawaban berikut" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Submission.Status.DRAFT


def test_a_stale_save_is_refused_with_a_clear_message(client, operator, ketua, draft):
    client.force_login(ketua)
    client.post(reverse("reports:detail", args=[draft.id]), _post_data(draft, berita_website=7))
    client.force_login(operator)
    response = client.post(reverse("reports:detail", args=[draft.id]), _post_data(draft, berita_website=1))
    assert response.status_code == 409
    assert "menyimpan perubahan pukul" in response.content.decode()  # the merge page (see test_conflicts.py)
    draft.refresh_from_db()
    assert draft.value_map()["berita_website"] == 7


def test_the_province_returns_with_comments_then_verifies_and_locks(client, ketua, evaluator, draft):
    client.force_login(ketua)
    _save_and_send(client, draft)
    client.force_login(evaluator)
    assert client.post(reverse("reports:return", args=[draft.id]), {"comment": ""}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Submission.Status.SUBMITTED  # a return needs a comment
    client.post(reverse("reports:return", args=[draft.id]),
                {"comment": "Lengkapi bukti.", "catatan__kerja_sama_media": "Lampirkan PKS."})
    draft.refresh_from_db()
    assert draft.status == Submission.Status.RETURNED
    client.force_login(ketua)
    page = client.get(reverse("reports:detail", args=[draft.id])).content.decode()
    assert "Lengkapi bukti." in page and "Lampirkan PKS." in page
    first_date = draft.reported_on
    _save_and_send(client, draft, kerja_sama_media=2)
    draft.refresh_from_db()
    assert draft.status == Submission.Status.SUBMITTED and draft.reported_on == first_date
    client.force_login(evaluator)
    client.post(reverse("reports:verify", args=[draft.id]))
    draft.refresh_from_db()
    assert draft.status == Submission.Status.VERIFIED
    client.force_login(ketua)
    response = client.post(reverse("reports:detail", args=[draft.id]), _post_data(draft, berita_website=99))
    assert response.status_code == 302  # an old tab: told plainly that the report is locked, nothing changed
    draft.refresh_from_db()
    assert draft.value_map()["berita_website"] != 99
    assert [v.status for v in draft.versions.order_by("number")] == ["submitted", "returned", "submitted", "verified"]
    version_page = client.get(reverse("reports:version", args=[draft.id, 2]))
    assert version_page.status_code == 200


def test_a_new_draft_can_start_from_the_previous_report(client, operator, make_report):
    make_report("3571", "2025Q2", berita_website=12)
    client.force_login(operator)
    response = client.post(reverse("reports:start", args=["3571", "2025Q3"]), {"salin": "1"})
    submission = Submission.objects.get(office__code="3571", period_id="2025Q3")
    assert response.url == reverse("reports:detail", args=[submission.id])
    assert submission.status == Submission.Status.DRAFT
    assert submission.value_map()["berita_website"] == 12


def test_evidence_files_are_judged_by_their_bytes(client, operator, draft):
    client.force_login(operator)
    fake = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    response = client.post(reverse("reports:detail", args=[draft.id]),
                           {**_post_data(draft), "kerja_sama_media__bukti_berkas": fake})
    assert response.status_code == 400
    assert "isi berkas tidak sesuai" in response.content.decode()
    real = SimpleUploadedFile("scan.jpg", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n", content_type="image/jpeg")
    response = client.post(reverse("reports:detail", args=[draft.id]),
                           {**_post_data(draft), "kerja_sama_media__bukti_berkas": real,
                            "kerja_sama_media__bukti_url": "https://kpu.go.id/pks.pdf"})
    assert response.status_code == 302
    value = draft.values.get(code="kerja_sama_media")
    assert value.evidence_file.name.endswith(".pdf") and value.evidence_url == "https://kpu.go.id/pks.pdf"


def test_a_closed_period_refuses_new_reports(client, operator, kediri):
    period = period_get_or_create("2025Q3")
    period.entry_closed = True
    period.save()
    client.force_login(operator)
    client.post(reverse("reports:start", args=["3571", "2025Q3"]))
    assert not Submission.objects.filter(office=kediri, period=period).exists()


def test_it_refuses_an_office_a_period_that_has_not_started(client, operator, kediri):
    client.force_login(operator)
    next_quarter = Quarter.containing(timezone.localdate()).next().code
    for code in ("2099Q4", next_quarter):
        response = client.post(reverse("reports:start", args=["3571", code]), follow=True)
        assert response.redirect_chain[-1][0] == reverse("home")
        assert "belum dimulai" in response.content.decode()
        assert not Period.objects.filter(code=code).exists()
    assert not Submission.objects.exists()


def test_it_starts_the_quarter_under_way(client, operator, kediri):
    client.force_login(operator)
    current = Quarter.containing(timezone.localdate()).code
    response = client.post(reverse("reports:start", args=["3571", current]))
    assert response.url == reverse("reports:detail", args=[Submission.objects.get(period_id=current).id])


def test_an_office_may_start_a_future_period_kpu_ri_opened(client, operator, national, kediri):
    future = Quarter.containing(timezone.localdate()).next().code
    client.force_login(national)
    assert client.post(reverse("reports:periods"), {"code": future}).status_code == 302
    client.force_login(operator)
    client.post(reverse("reports:start", args=["3571", future]))
    assert Submission.objects.filter(office=kediri, period_id=future).exists()


def test_the_report_page_has_a_fixed_number_of_queries(client, operator, draft, django_assert_max_num_queries):
    client.force_login(operator)
    # The page's own queries plus the registered suggesters' (records, PPID, library; posts take two:
    # the office's own websites, then one aggregate). Fixed whatever the number of records.
    with django_assert_max_num_queries(19):  # + whether the user has a 2FA device
        assert client.get(reverse("reports:detail", args=[draft.id])).status_code == 200


def test_the_home_page_shows_the_current_quarter_and_its_deadline(client, operator):
    client.force_login(operator)
    html = client.get("/").content.decode()
    assert "Laporan triwulan ini" in html and "Batas waktu" in html
