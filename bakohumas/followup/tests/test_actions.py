"""Agreed actions: the province records them, the office reports progress, and the next evaluation
shows which were done, not done, or overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from bakohumas.audit.models import AuditEntry
from bakohumas.followup.models import Action
from bakohumas.followup.selectors import DONE, NOT_DONE, OVERDUE, actions_for_evaluation, open_actions_for_office
from bakohumas.followup.services import action_create, action_update
from bakohumas.offices.models import Office
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def periods(db):
    return {code: period_get_or_create(code) for code in ("2025Q2", "2025Q3", "2025Q4")}


def test_the_province_records_an_action_and_it_is_audited(kediri, evaluator, periods):
    action = action_create(office=kediri, text=" Aktifkan grup WA Media Center. ", due_period=periods["2025Q3"],
                           agreed_period=periods["2025Q2"], actor=evaluator)
    assert action.text == "Aktifkan grup WA Media Center." and action.status == Action.Status.OPEN
    assert AuditEntry.objects.filter(action="followup.action.create", target_id=str(action.id)).exists()


def test_only_the_province_or_kpu_ri_agree_actions(kediri, operator, outsider, national, periods):
    with pytest.raises(PermissionDenied):
        action_create(office=kediri, text="x", due_period=periods["2025Q3"], actor=operator)
    with pytest.raises(PermissionDenied):
        action_create(office=kediri, text="x", due_period=periods["2025Q3"], actor=outsider)
    assert action_create(office=kediri, text="x", due_period=periods["2025Q3"], actor=national)


def test_the_due_quarter_cannot_precede_the_evaluation(kediri, evaluator, periods):
    with pytest.raises(ValidationError):
        action_create(office=kediri, text="x", due_period=periods["2025Q2"], agreed_period=periods["2025Q3"],
                      actor=evaluator)


def test_the_office_marks_progress_and_done(kediri, evaluator, operator, pimpinan, periods):
    action = action_create(office=kediri, text="Mulai podcast.", due_period=periods["2025Q3"], actor=evaluator)
    action_update(action=action, status="in_progress", note="Episode pertama direkam.", actor=operator)
    assert action.progress_note == "Episode pertama direkam." and action.done_on is None
    action_update(action=action, status="done", note="", actor=operator, today=dt.date(2025, 9, 1))
    assert action.done_on == dt.date(2025, 9, 1) and action.progress_note == "Episode pertama direkam."
    with pytest.raises(PermissionDenied):
        action_update(action=action, status="open", note="", actor=pimpinan)
    action_update(action=action, status="open", note="Belum ada bukti.", actor=evaluator)  # the province reopens
    assert action.done_on is None
    assert open_actions_for_office(kediri) == [action]


def test_the_next_evaluation_shows_done_not_done_and_overdue(kediri, evaluator, operator, periods):
    blitar = Office.objects.get(code="3572")
    done = action_create(office=kediri, text="Podcast", due_period=periods["2025Q3"], actor=evaluator)
    action_update(action=done, status="done", note="", actor=operator, today=dt.date(2025, 8, 20))
    open_q3 = action_create(office=blitar, text="Media Center", due_period=periods["2025Q3"], actor=evaluator)
    due_q2 = action_create(office=kediri, text="Website", due_period=periods["2025Q2"], actor=evaluator)
    action_create(office=kediri, text="Kelak", due_period=periods["2025Q4"], actor=evaluator)  # not due yet
    action_create(office=Office.objects.get(code="3301"), text="Lain provinsi", due_period=periods["2025Q3"],
                  actor=None)

    items = actions_for_evaluation(region=Office.objects.get(code="35"), period=periods["2025Q3"])
    states = {item.action.text: item.state for item in items}
    assert states == {"Podcast": DONE, "Media Center": NOT_DONE, "Website": OVERDUE}
    assert items.counts == {DONE: 1, NOT_DONE: 1, OVERDUE: 1}
    assert open_q3 and due_q2


def test_an_action_done_before_the_quarter_began_is_not_shown_again(kediri, evaluator, operator, periods):
    early = action_create(office=kediri, text="Website", due_period=periods["2025Q2"], actor=evaluator)
    action_update(action=early, status="done", note="", actor=operator, today=dt.date(2025, 6, 1))
    assert [i.state for i in actions_for_evaluation(region=None, period=periods["2025Q2"])] == [DONE]
    assert list(actions_for_evaluation(region=None, period=periods["2025Q3"])) == []


def test_the_evaluation_partial_renders_the_states(client, kediri, evaluator, operator, periods,
                                                   django_assert_max_num_queries):
    done = action_create(office=kediri, text="Podcast bulanan", due_period=periods["2025Q3"], actor=evaluator)
    action_update(action=done, status="done", note="Tiga episode.", actor=operator, today=dt.date(2025, 8, 20))
    action_create(office=kediri, text="Website", due_period=periods["2025Q2"], actor=evaluator)
    client.force_login(evaluator)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("followup:region_actions", args=["35", "2025Q3"]))
    html = response.content.decode()
    assert "1 dari 2 tindak lanjut selesai; 0 belum selesai; 1 terlambat." in html
    assert "Podcast bulanan" in html and "Tiga episode." in html and "20 Agustus 2025" in html
    assert reverse("evaluation:scorecard", args=["3571", "2025Q3"]) in html


def test_the_office_page_lets_the_province_add_and_the_office_update(client, kediri, evaluator, operator, periods):
    client.force_login(evaluator)
    url = reverse("followup:office_actions", args=["3571"])
    response = client.post(reverse("followup:action_add", args=["3571"]),
                           {"text": "Jajaki kerja sama radio.", "due_period": "2025Q3", "indicator": "kerja_sama_media"})
    assert response.status_code == 302 and response.url == url
    action = Action.objects.get()
    assert action.indicator.code == "kerja_sama_media"
    client.force_login(operator)
    assert "Jajaki kerja sama radio." in client.get(url).content.decode()
    response = client.post(reverse("followup:action_progress", args=[action.id]), {"status": "done", "note": "MoU."})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.is_done and action.progress_note == "MoU."


def test_a_bad_action_form_says_what_is_wrong(client, kediri, evaluator, periods):
    client.force_login(evaluator)
    response = client.post(reverse("followup:action_add", args=["3571"]), {"text": "", "due_period": "2025Q3"})
    assert response.status_code == 400
    assert "Bidang ini tidak boleh kosong." in response.content.decode()


def test_the_office_cannot_reopen_what_the_province_closed(kediri, evaluator, operator, periods):
    action = action_create(office=kediri, text="Mulai podcast.", due_period=periods["2025Q3"], actor=evaluator)
    action_update(action=action, status="done", note="Sudah dicek.", actor=evaluator)
    with pytest.raises(ValidationError, match="KPU Provinsi"):
        action_update(action=action, status="open", note="", actor=operator)
    action.refresh_from_db()
    assert action.status == "done"
    action_update(action=action, status="done", note="Tautan episode ketiga.", actor=operator)  # a note is fine
    assert action.progress_note == "Tautan episode ketiga."
