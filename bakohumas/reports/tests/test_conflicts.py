"""No lost updates on the report: a stale save gets the merge page (409) with both values of every
answer changed on both sides, answers changed on one side only are merged, nothing typed is lost;
workflow steps posted twice give one transition."""

import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from bakohumas.conftest import FULL_VALUES
from bakohumas.reports.models import Submission
from bakohumas.reports.services import (
    ConflictError,
    period_get_or_create,
    submission_save_draft,
    submission_start,
    submission_submit,
    submission_verify,
)

pytestmark = pytest.mark.django_db

BOOLEANS = {"wa_bakohumas_eksternal", "wa_media_center", "media_center_aktif", "kendala_sdm", "kendala_anggaran",
            "kendala_sarpras"}


def _loaded(client, submission) -> dict[str, str]:
    """The hidden fields of the entry page as the browser got it."""
    html = client.get(reverse("reports:detail", args=[submission.id])).content.decode()
    return _hidden(html)


def _hidden(html: str) -> dict[str, str]:
    return {name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1) for name in ("revision", "basis")}


def _post_data(page: dict[str, str], **overrides):
    data = {k: ("ya" if v else "tidak") if k in BOOLEANS else v for k, v in FULL_VALUES.items()}
    data.update(page, aksi="simpan")
    data.update(overrides)
    return data


@pytest.fixture
def draft(kediri, operator):
    submission = submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator)
    return submission_save_draft(submission=submission, actor=operator, values=FULL_VALUES, revision=submission.revision)


@pytest.fixture
def stale_page(client, operator, ketua, draft):
    """The operator opened the page; then the ketua saved another website count and a note."""
    client.force_login(operator)
    page = _loaded(client, draft)
    submission_save_draft(submission=draft, actor=ketua, revision=draft.revision,
                          values={**FULL_VALUES, "berita_website": 7, "catatan": "Dari ketua."})
    return page


def test_a_stale_save_is_refused_by_the_service(operator, draft):
    with pytest.raises(ConflictError) as refused:
        submission_save_draft(submission=draft, actor=operator, values=FULL_VALUES, revision=draft.revision - 1)
    assert isinstance(refused.value, ValidationError) and "baru saja disimpan oleh" in refused.value.messages[0]


def test_the_merge_page_shows_both_values_and_keeps_everything_typed(client, stale_page, draft):
    url = reverse("reports:detail", args=[draft.id])
    response = client.post(url, _post_data(stale_page, berita_website=9, unggahan_medsos=25,
                                           uraian_kendala="Diketik operator."))
    assert response.status_code == 409
    html = response.content.decode()
    assert "menyimpan perubahan pukul" in html and "Nilai Anda" in html and "Tersimpan (oleh" in html
    # Only the website count was changed on both sides: one choice, with both values.
    row = re.search(r'<tr data-conflict="berita_website">.*?</tr>', html, re.S).group(0)
    assert 'name="pilih__berita_website" value="anda"' in row and "> 9" in row and "> 7" in row
    assert html.count("data-conflict=") == 1
    # Typed by the operator only: kept. Changed by the ketua only: taken over.
    assert 'name="unggahan_medsos" value="25"' in html
    assert "Diketik operator.</textarea>" in html
    assert "Dari ketua.</textarea>" in html
    assert 'name="berita_website" value="9"' in html
    draft.refresh_from_db()
    assert draft.value_map()["berita_website"] == 7 and draft.value_map()["unggahan_medsos"] == 20
    assert _hidden(html)["revision"] == str(draft.revision)


@pytest.mark.parametrize(("choice", "expected"), [("anda", 9), ("tersimpan", 7)])
def test_choosing_mine_or_theirs_saves_the_chosen_value(client, stale_page, draft, choice, expected):
    url = reverse("reports:detail", args=[draft.id])
    merge_page = _hidden(client.post(url, _post_data(stale_page, berita_website=9, unggahan_medsos=25)).content.decode())
    response = client.post(url, _post_data(merge_page, berita_website=9, unggahan_medsos=25, catatan="Dari ketua.",
                                           pilih__berita_website=choice))
    assert response.status_code == 302
    draft.refresh_from_db()
    values = draft.value_map()
    assert values["berita_website"] == expected and values["unggahan_medsos"] == 25 and values["catatan"] == "Dari ketua."


def test_saving_the_merge_page_without_a_choice_asks_again(client, stale_page, draft):
    url = reverse("reports:detail", args=[draft.id])
    merge_page = _hidden(client.post(url, _post_data(stale_page, berita_website=9)).content.decode())
    response = client.post(url, _post_data(merge_page, berita_website=9, catatan="Dari ketua."))
    assert response.status_code == 409
    html = response.content.decode()
    assert "Pilih salah satu nilai" in html and 'data-conflict="berita_website"' in html
    draft.refresh_from_db()
    assert draft.value_map()["berita_website"] == 7


def test_changes_on_different_answers_merge_without_a_choice(client, stale_page, draft):
    url = reverse("reports:detail", args=[draft.id])
    html = client.post(url, _post_data(stale_page, unggahan_medsos=25)).content.decode()
    assert "data-conflict=" not in html and "Tidak ada isian yang bertabrakan" in html
    response = client.post(url, _post_data(_hidden(html), unggahan_medsos=25, berita_website=7, catatan="Dari ketua."))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.value_map()["unggahan_medsos"] == 25 and draft.value_map()["berita_website"] == 7


def test_a_page_without_basis_shows_every_difference(client, stale_page, draft):
    url = reverse("reports:detail", args=[draft.id])
    html = client.post(url, _post_data({"revision": stale_page["revision"]}, unggahan_medsos=25)).content.decode()
    assert 'data-conflict="unggahan_medsos"' in html and 'data-conflict="berita_website"' in html


def test_a_validation_error_keeps_the_loaded_revision(client, stale_page, draft):
    """Fixing a typo after someone else saved must not turn into a silent overwrite."""
    url = reverse("reports:detail", args=[draft.id])
    response = client.post(url, _post_data(stale_page, berita_website=-1))
    assert response.status_code == 400
    assert _hidden(response.content.decode()) == stale_page


def test_save_and_submit_clicked_twice_gives_one_submission(client, ketua, draft):
    client.force_login(ketua)
    url = reverse("reports:detail", args=[draft.id])
    page = _loaded(client, draft)
    response = client.post(url, _post_data(page, aksi="kirim"))
    assert response.status_code == 302 and response["Location"] == reverse("reports:submit", args=[draft.id])
    draft.refresh_from_db()
    confirm = {"revision": draft.revision}
    assert client.post(reverse("reports:submit", args=[draft.id]), confirm).status_code == 302
    second = client.post(reverse("reports:submit", args=[draft.id]), confirm, follow=True)
    assert second.status_code == 200 and "sudah terkirim" in second.content.decode()
    draft.refresh_from_db()
    assert draft.status == Submission.Status.SUBMITTED and draft.versions.count() == 1


def test_verify_and_return_twice_give_one_transition(client, evaluator, ketua, draft):
    submission_submit(submission=draft, actor=ketua)
    client.force_login(evaluator)
    for _ in range(2):
        assert client.post(reverse("reports:return", args=[draft.id]), {"comment": "Perbaiki."}).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Submission.Status.RETURNED and draft.versions.count() == 2
    assert draft.comments.count() == 1
    submission_submit(submission=draft, actor=ketua)
    for _ in range(2):
        assert client.post(reverse("reports:verify", args=[draft.id])).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Submission.Status.VERIFIED and draft.versions.count() == 4
    submission_verify(submission=draft, actor=evaluator)  # and once more through the service
    assert draft.versions.count() == 4


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_on_postgresql_one_wins_one_conflicts(kediri, operator, ketua):
    """Two threads, two connections, the same loaded revision: the row lock lets one through."""
    if connection.vendor != "postgresql":
        pytest.skip("threads with their own connections need a server database")
    submission = submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator)
    revision = submission.revision
    barrier, outcomes = threading.Barrier(2), []

    def save(actor, count):
        from django.db import connections
        try:
            barrier.wait()
            submission_save_draft(submission=submission, actor=actor, revision=revision,
                                  values={**FULL_VALUES, "berita_website": count})
            outcomes.append("saved")
        except ConflictError:
            outcomes.append("conflict")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(actor, count)) for actor, count in ((operator, 1), (ketua, 2))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "saved"]
    submission.refresh_from_db()
    assert submission.revision == revision + 1
