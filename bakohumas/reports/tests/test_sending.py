"""A draft filled by the operator and sent later by the Ketua (issue 18): the draft keeps who
entered each answer and the suggestion it was entered against; whoever opens it sees which
suggestions changed since; the Ketua is asked for a reason only where an answer differs from the
records now, on the send confirmation, which lists what goes to the province."""

import pytest
from django.urls import reverse

from bakohumas.audit.models import AuditEntry
from bakohumas.conftest import FULL_VALUES
from bakohumas.reports import suggestions
from bakohumas.reports.models import ReportValue, Submission
from bakohumas.reports.services import period_get_or_create, submission_start

pytestmark = pytest.mark.django_db

BOOLEANS = {"wa_bakohumas_eksternal", "wa_media_center", "media_center_aktif", "kendala_sdm", "kendala_anggaran",
            "kendala_sarpras"}
RECORDS = {"kerja_sama_media": 1, "kerja_sama_pemerintah": 2, "permohonan_informasi": 4}


@pytest.fixture
def records(monkeypatch):
    """The office's records, as a dict the test changes (a partnership recorded after the save)."""
    current = dict(RECORDS)
    monkeypatch.setattr(suggestions, "_registry", [])
    suggestions.register_suggester(source="catatan uji", function=lambda office, period: dict(current),
                                   records_url=lambda office: reverse("offices:detail", args=[office.code]))
    return current


@pytest.fixture
def draft(kediri, operator):
    return submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator)


def _post(client, draft, values, **extra):
    data = {k: ("ya" if v else "tidak") if k in BOOLEANS else ("" if v is None else v) for k, v in values.items()}
    draft.refresh_from_db()
    data.update({"revision": draft.revision, "aksi": "simpan", **extra})
    return client.post(reverse("reports:detail", args=[draft.id]), data)


def test_the_ketua_finishes_the_operators_draft_after_a_suggestion_changed(client, operator, ketua, draft, records):
    half = {code: value for code, value in FULL_VALUES.items() if code < "m"}  # a partial draft
    client.force_login(operator)
    assert _post(client, draft, half).status_code == 302
    assert ReportValue.objects.get(submission=draft, code="kerja_sama_media").suggested_number == 1
    records["kerja_sama_media"] = 2  # the operator records a partnership after saving

    client.force_login(ketua)
    page = client.get(reverse("reports:detail", args=[draft.id])).content.decode()
    assert "1 saran berubah sejak jawabannya disimpan" in page
    assert "Saran berubah sejak jawaban ini disimpan: dari 1 menjadi 2." in page
    assert "Diisi oleh Operator" in page
    rest = {code: value for code, value in FULL_VALUES.items() if code >= "m"}
    response = _post(client, draft, {**half, **rest}, aksi="kirim")
    assert response.status_code == 302 and response["Location"] == reverse("reports:submit", args=[draft.id])

    url = reverse("reports:submit", args=[draft.id])
    summary = client.get(url).content.decode()
    assert "Semua jawaban wajib sudah diisi" in summary
    assert "1 jawaban berbeda dari saran" in summary  # only the one whose suggestion changed
    assert "Saran berubah sejak jawaban ini diisi: dari 1 menjadi 2." in summary
    draft.refresh_from_db()
    refused = client.post(url, {"revision": draft.revision})
    assert refused.status_code == 400
    assert refused.content.decode().count('class="error"') == 1  # one clear question, not three errors

    # The Ketua takes the new suggestion: no reason needed, and the value counts as theirs.
    assert client.post(url, {"revision": draft.revision, "kerja_sama_media__pakai_saran": "1"}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Submission.Status.SUBMITTED
    value = draft.values.get(code="kerja_sama_media")
    assert (value.number, value.suggested_number, value.entered_by) == (2, 2, ketua)
    assert draft.values.get(code="berita_website").entered_by == operator
    assert draft.versions.get().suggestions["kerja_sama_media"]["value"] == 2
    entry = AuditEntry.objects.get(action="submission.submit", target_id=str(draft.id))
    assert entry.data["used_suggestion"] == ["kerja_sama_media"]


def test_a_reason_given_by_the_operator_is_kept_and_shown_to_the_ketua(client, operator, ketua, draft, records):
    client.force_login(operator)
    _post(client, draft, {**FULL_VALUES, "permohonan_informasi": 6},
          permohonan_informasi__alasan="Dua permohonan lewat surel.")
    client.force_login(ketua)
    url = reverse("reports:submit", args=[draft.id])
    summary = client.get(url).content.decode()
    assert 'value="Dua permohonan lewat surel."' in summary and "Alasan tersimpan bersama jawaban" in summary
    draft.refresh_from_db()
    assert client.post(url, {"revision": draft.revision,
                             "permohonan_informasi__alasan": "Dua permohonan lewat surel."}).status_code == 302
    value = ReportValue.objects.get(submission=draft, code="permohonan_informasi")
    assert (value.number, value.suggested_number, value.override_reason) == (6, 4, "Dua permohonan lewat surel.")


def test_a_report_changed_after_the_summary_was_opened_is_shown_again(client, operator, ketua, draft, records):
    client.force_login(ketua)
    _post(client, draft, FULL_VALUES)
    draft.refresh_from_db()
    opened = draft.revision
    client.force_login(operator)
    _post(client, draft, {**FULL_VALUES, "berita_website": 9})
    client.force_login(ketua)
    response = client.post(reverse("reports:submit", args=[draft.id]), {"revision": opened})
    assert response.status_code == 409
    assert "setelah Anda membuka ringkasan ini" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Submission.Status.DRAFT


def test_the_summary_lists_the_values_and_the_missing_answers(client, ketua, draft, records):
    client.force_login(ketua)
    _post(client, draft, {"berita_website": 12, "kendala_sdm": 1})
    html = client.get(reverse("reports:submit", args=[draft.id])).content.decode()
    assert "Periksa sebelum mengirim" in html and "akan dikirim ke" in html
    assert "Jumlah berita yang dipublikasikan di website" in html and "<dd>12" in html
    assert f'href="{reverse("reports:detail", args=[draft.id])}#butir-unggahan_medsos"' in html
    assert "Kirim ke" not in html  # nothing to send while answers are missing


def test_the_entry_page_bar_holds_only_the_safe_action(client, ketua, draft):
    client.force_login(ketua)
    html = client.get(reverse("reports:detail", args=[draft.id])).content.decode()
    bar = html[html.index('<div class="savebar">'):]
    bar = bar[:bar.index("</div>")]
    assert "Simpan draf" in bar and "kirim" not in bar.lower()
    assert html.index('value="simpan"') < html.index('value="kirim"')  # Enter saves a draft
    assert 'inputmode="numeric"' in html and 'type="number"' not in html


def test_a_draft_started_from_last_quarter_flags_nothing_until_the_records_change(client, ketua, kediri, records,
                                                                                  make_report):
    make_report("3571", "2025Q2")
    draft = submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=ketua, copy_previous=True)
    client.force_login(ketua)
    url = reverse("reports:detail", args=[draft.id])
    assert "saran berubah sejak" not in client.get(url).content.decode()
    assert "berbeda dari saran" not in client.get(reverse("reports:submit", args=[draft.id])).content.decode()
    records["permohonan_informasi"] = 5
    assert "1 saran berubah sejak jawabannya disimpan" in client.get(url).content.decode()


def test_the_province_sees_who_entered_each_answer(client, operator, ketua, evaluator, draft, records):
    client.force_login(operator)
    _post(client, draft, FULL_VALUES)
    client.force_login(ketua)
    draft.refresh_from_db()
    assert client.post(reverse("reports:submit", args=[draft.id]), {"revision": draft.revision}).status_code == 302
    client.force_login(evaluator)
    html = client.get(reverse("reports:detail", args=[draft.id])).content.decode()
    assert "diisi oleh Operator" in html
