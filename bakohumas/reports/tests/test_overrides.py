"""Suggestions from the office's records: accepted or overridden with a reason on the entry page,
kept with the value and in every version, and shown to the province."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bakohumas.conftest import FULL_VALUES
from bakohumas.offices.models import Office
from bakohumas.reports import suggestions
from bakohumas.reports.models import ReportValue, Submission
from bakohumas.reports.services import (
    period_get_or_create,
    submission_import,
    submission_save_draft,
    submission_start,
    SubmitRefused,
    submission_submit,
)

pytestmark = pytest.mark.django_db

BOOLEANS = {"wa_bakohumas_eksternal", "wa_media_center", "media_center_aktif", "kendala_sdm", "kendala_anggaran",
            "kendala_sarpras"}
REASON = "Dua permohonan lewat surel belum dicatat di PPID."


@pytest.fixture(autouse=True)
def suggester(monkeypatch):
    """Suggests 7 information requests and an active Media Center WhatsApp group, for every office."""
    monkeypatch.setattr(suggestions, "_registry", [])
    suggestions.register_suggester(
        source="catatan uji", function=lambda office, period: {"permohonan_informasi": 7, "wa_media_center": 1},
        records_url=lambda office: reverse("offices:detail", args=[office.code]),
    )


def _post_data(submission, **overrides):
    data = {k: ("ya" if v else "tidak") if k in BOOLEANS else v for k, v in FULL_VALUES.items()}
    data.update(revision=submission.revision, aksi="simpan")
    data.update(overrides)
    return data


@pytest.fixture
def draft(kediri, operator):
    return submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator)


def _save(client, user, draft, **overrides):
    client.force_login(user)
    return client.post(reverse("reports:detail", args=[draft.id]), _post_data(draft, **overrides))


def _overridden_report(client, operator, ketua, draft) -> Submission:
    response = _save(client, operator, draft, permohonan_informasi=4, permohonan_informasi__alasan=REASON,
                     wa_media_center="ya")
    assert response.status_code == 302
    draft.refresh_from_db()
    submission_submit(submission=draft, actor=ketua)
    draft.refresh_from_db()
    return draft


def test_it_shows_the_suggestion_a_button_and_a_reason_field(client, operator, draft):
    client.force_login(operator)
    html = client.get(reverse("reports:detail", args=[draft.id])).content.decode()
    assert 'data-suggestion="permohonan_informasi" data-value="7"' in html
    assert 'data-suggestion="wa_media_center" data-value="ya"' in html
    assert 'name="permohonan_informasi__alasan"' in html
    assert 'value="pakai_saran"' in html and "reports/suggestions.js" in html


def test_it_records_an_override_with_its_reason(client, operator, draft):
    response = _save(client, operator, draft, permohonan_informasi=4, permohonan_informasi__alasan=REASON,
                     wa_media_center="ya")
    assert response.status_code == 302
    value = ReportValue.objects.get(submission=draft, code="permohonan_informasi")
    assert (value.number, value.suggested_number, value.override_reason) == (4, 7, REASON)
    assert value.suggestion_source == "catatan uji" and value.suggestion_url == "/kantor/3571/"
    assert value.overridden and not value.accepted


def test_a_draft_keeps_a_changed_value_without_a_reason_until_it_is_sent(client, operator, ketua, draft):
    assert _save(client, operator, draft, permohonan_informasi=4, wa_media_center="ya").status_code == 302
    value = ReportValue.objects.get(submission=draft, code="permohonan_informasi")
    assert (value.number, value.suggested_number, value.override_reason) == (4, 7, "")
    draft.refresh_from_db()
    with pytest.raises(SubmitRefused) as refused:
        submission_submit(submission=draft, actor=ketua)
    assert refused.value.needs_reason == ["permohonan_informasi"] and refused.value.missing == []
    draft.refresh_from_db()
    assert draft.status == Submission.Status.DRAFT


def test_the_sender_is_asked_for_the_reason_next_to_the_answer(client, operator, ketua, draft):
    _save(client, operator, draft, permohonan_informasi=7, wa_media_center="tidak")
    client.force_login(ketua)
    url = reverse("reports:submit", args=[draft.id])
    page = client.get(url).content.decode()
    assert "1 jawaban berbeda dari saran" in page and "Diisi oleh Operator" in page
    draft.refresh_from_db()
    response = client.post(url, {"revision": draft.revision})
    assert response.status_code == 400
    html = response.content.decode()
    row = html[html.index('id="kirim-wa_media_center"'):]
    assert "Tuliskan alasannya, atau centang “Pakai saran Ya”." in row[:3000]
    assert client.post(url, {"revision": draft.revision, "wa_media_center__alasan": "Grup dibubarkan Juni."}
                       ).status_code == 302
    value = ReportValue.objects.get(submission=draft, code="wa_media_center")
    draft.refresh_from_db()
    assert draft.status == Submission.Status.SUBMITTED and value.override_reason == "Grup dibubarkan Juni."


def test_it_stores_an_accepted_suggestion(client, operator, draft):
    assert _save(client, operator, draft, permohonan_informasi=7, wa_media_center="ya",
                 permohonan_informasi__alasan="tidak perlu").status_code == 302
    values = {v.code: v for v in ReportValue.objects.filter(submission=draft)}
    assert values["permohonan_informasi"].accepted and values["permohonan_informasi"].override_reason == ""
    assert values["wa_media_center"].accepted and values["wa_media_center"].suggested_number == 1
    assert values["berita_website"].suggested_number is None  # no suggestion, nothing recorded


def test_the_service_refuses_a_missing_reason_when_asked_to_an_import_row(operator, draft):
    values = {**FULL_VALUES, "permohonan_informasi": 4, "wa_media_center": 1}
    with pytest.raises(ValidationError, match="belum diberi alasan: permohonan_informasi"):
        submission_save_draft(submission=draft, actor=operator, values=values, revision=draft.revision,
                              suggestions=suggestions.suggestions_for(draft.office, draft.period), reasons={},
                              require_reasons=True)
    assert not ReportValue.objects.filter(submission=draft).exists()


def test_use_all_suggestions_fills_the_empty_answers_without_saving(client, operator, draft):
    client.force_login(operator)
    data = _post_data(draft, aksi="pakai_saran", permohonan_informasi="", wa_media_center="", berita_website=9)
    response = client.post(reverse("reports:detail", args=[draft.id]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="permohonan_informasi" value="7"' in html
    assert 'name="wa_media_center" value="ya" id="id_wa_media_center_0" checked' in html
    assert 'name="berita_website" value="9"' in html  # what was typed stays
    assert "2 isian kosong diisi dengan nilai saran" in html
    assert not ReportValue.objects.filter(submission=draft).exists()


def test_the_reason_is_shown_again_when_the_operator_returns(client, operator, draft):
    _save(client, operator, draft, permohonan_informasi=4, permohonan_informasi__alasan=REASON, wa_media_center="ya")
    html = client.get(reverse("reports:detail", args=[draft.id])).content.decode()
    assert f'value="{REASON}"' in html


def test_versions_keep_the_suggestion_and_the_reason(client, operator, ketua, draft):
    report = _overridden_report(client, operator, ketua, draft)
    version = report.versions.get()
    assert version.suggestions["permohonan_informasi"] == {
        "value": 7, "source": "catatan uji", "url": "/kantor/3571/", "reason": REASON}
    assert version.suggestions["wa_media_center"]["reason"] == ""
    html = client.get(reverse("reports:version", args=[report.id, version.number])).content.decode()
    assert "Diubah dari saran" in html and REASON in html


def test_the_province_sees_which_values_were_overridden(client, operator, ketua, evaluator, draft):
    report = _overridden_report(client, operator, ketua, draft)
    client.force_login(evaluator)
    html = client.get(reverse("reports:detail", args=[report.id])).content.decode()
    assert "1 nilai berbeda dari saran" in html and "Diubah dari saran" in html and REASON in html
    assert "1 saran lain dipakai apa adanya." in html


def test_the_overrides_page_lists_the_provinces_overrides_only(client, operator, ketua, evaluator, draft,
                                                                 django_user_model):
    report = _overridden_report(client, operator, ketua, draft)
    semarang = Office.objects.get(code="3374")
    other = submission_start(office=semarang, period=report.period, actor=None)
    submission_save_draft(submission=other, actor=None,
                          values={**FULL_VALUES, "permohonan_informasi": 1, "wa_media_center": 1},
                          revision=other.revision, suggestions=suggestions.suggestions_for(semarang, report.period),
                          reasons={"permohonan_informasi": "Alasan Semarang."})
    submission_submit(submission=other, actor=None)
    client.force_login(evaluator)
    response = client.get(reverse("reports:overrides", args=["35", "2025Q3"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "KPU Kota Kediri" in html and REASON in html and reverse("reports:detail", args=[report.id]) in html
    assert "Alasan Semarang." not in html
    national = django_user_model.objects.create_user(username="ri", password="x", role="humas_ri",
                                                     office=Office.objects.get(code="ID"))
    client.force_login(national)
    html = client.get(reverse("reports:overrides", args=["ID", "2025Q3"])).content.decode()
    assert REASON in html and "Alasan Semarang." in html


def test_the_overrides_page_counts_reported_reports_only(client, operator, ketua, evaluator, draft):
    """A draft's answers may still change before it is sent: it is neither listed nor counted."""
    report = _overridden_report(client, operator, ketua, draft)
    blitar = Office.objects.get(code="3572")
    other = submission_start(office=blitar, period=report.period, actor=None)
    submission_save_draft(submission=other, actor=None,
                          values={**FULL_VALUES, "permohonan_informasi": 1, "wa_media_center": 1},
                          revision=other.revision, suggestions=suggestions.suggestions_for(blitar, report.period),
                          reasons={"permohonan_informasi": "Alasan draf."})
    client.force_login(evaluator)
    response = client.get(reverse("reports:overrides", args=["35", "2025Q3"]))
    overview = response.context["overview"]
    assert (len(overview.rows), overview.with_suggestion, overview.accepted, overview.offices) == (1, 2, 1, 1)
    assert "Alasan draf." not in response.content.decode()
    submission_submit(submission=other, actor=None)
    overview = client.get(reverse("reports:overrides", args=["35", "2025Q3"])).context["overview"]
    assert (len(overview.rows), overview.with_suggestion, overview.offices) == (2, 4, 2)

def test_another_province_sees_neither_the_report_nor_the_overrides(client, operator, ketua, outsider, draft):
    report = _overridden_report(client, operator, ketua, draft)
    client.force_login(outsider)
    assert client.get(reverse("reports:detail", args=[report.id])).status_code == 404
    assert client.get(reverse("reports:overrides", args=["35", "2025Q3"])).status_code == 404


def test_an_import_clears_what_was_recorded_about_suggestions(client, operator, ketua, draft):
    report = _overridden_report(client, operator, ketua, draft)
    submission_import(office=report.office, period=report.period, reported_on=report.reported_on,
                      values={**FULL_VALUES, "permohonan_informasi": 5}, actor=None, source="uji.csv")
    value = ReportValue.objects.get(submission=report, code="permohonan_informasi")
    assert value.suggested_number is None and value.override_reason == ""
    assert report.versions.order_by("number").first().suggestions["permohonan_informasi"]["reason"] == REASON


def test_the_overrides_page_has_a_fixed_number_of_queries(client, evaluator, make_report,
                                                          django_assert_max_num_queries):
    for code in ("3571", "3572", "3573", "3574"):
        report = make_report(code, "2025Q2")
        ReportValue.objects.filter(submission=report, code="permohonan_informasi").update(
            suggested_number=9, suggestion_source="catatan uji", override_reason="Alasan.")
    client.force_login(evaluator)
    with django_assert_max_num_queries(10):  # + the 2FA device (django-otp)
        response = client.get(reverse("reports:overrides", args=["35", "2025Q2"]))
    assert response.content.decode().count("Alasan.") == 4


def test_the_entry_page_with_suggestions_has_a_fixed_number_of_queries(client, operator, draft,
                                                                       django_assert_max_num_queries):
    client.force_login(operator)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("reports:detail", args=[draft.id])).status_code == 200


def test_the_api_shows_the_suggestion_and_the_reason(client, operator, ketua, evaluator, draft):
    report = _overridden_report(client, operator, ketua, draft)
    client.force_login(evaluator)
    data = client.get(f"/api/v1/reports/{report.id}").json()
    assert data["suggestions"]["permohonan_informasi"] == {
        "suggested": 7, "source": "catatan uji", "overridden": True, "reason": REASON}
    assert data["suggestions"]["wa_media_center"]["overridden"] is False
    listed = client.get("/api/v1/reports", {"period": "2025Q3"}).json()["items"]
    assert listed[0]["suggestions"]["permohonan_informasi"]["reason"] == REASON


def test_the_province_home_links_to_the_overrides(client, evaluator, make_report):
    make_report("3571", "2025Q2")
    client.force_login(evaluator)
    assert reverse("reports:overrides", args=["35", "2025Q2"]) in client.get(reverse("home")).content.decode()


def test_masih_sama_takes_the_records_suggestions_over_last_quarters_answers(kediri, operator, make_report):
    make_report("3571", "2025Q2", berita_website=12, permohonan_informasi=2, wa_media_center=0)
    draft = submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator, copy_previous=True)
    values = draft.value_map()
    assert values["berita_website"] == 12  # nothing suggests it: copied
    assert values["permohonan_informasi"] == 7 and values["wa_media_center"] == 1  # from the records
