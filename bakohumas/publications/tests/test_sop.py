"""The SOP table, ticking steps (and who may), and when a step is overdue."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from bakohumas.audit.models import AuditEntry
from bakohumas.publications import selectors as s
from bakohumas.publications.models import ChecklistMark, OutputKind
from bakohumas.publications.services import checklist_tick, checklist_untick
from bakohumas.publications.sop import SOP, Phase, SopOutput, SopRole, step_for, steps_for
from bakohumas.records.models import ActivityKind

DAY = dt.date(2025, 7, 17)


# --- the table --------------------------------------------------------------------------------

def test_every_activity_kind_has_steps_in_every_phase():
    assert set(SOP) == set(ActivityKind.values)
    for kind, steps in SOP.items():
        assert {step.phase for step in steps} == set(Phase.values), kind
        codes = [step.code for step in steps]
        assert len(codes) == len(set(codes)), f"duplicate step code in {kind}"


def test_every_step_names_a_known_role_output_and_a_sensible_deadline():
    for steps in SOP.values():
        for step in steps:
            assert step.who in SopRole.values
            assert set(step.outputs) <= set(SopOutput.values)
            assert step.published_by in ("", *OutputKind.values)
            assert -7 <= step.due_days <= 14
            if step.phase == Phase.BEFORE:
                assert step.due_days <= 0, step.code
            if step.phase == Phase.AFTER:
                assert step.due_days >= 0, step.code


def test_a_step_code_means_the_same_step_in_every_kind():
    seen: dict[str, tuple] = {}
    for steps in SOP.values():
        for step in steps:
            key = (step.phase, step.needs_approval, step.published_by)
            assert seen.setdefault(step.code, key) == key, step.code


def test_the_house_deadlines_hold():
    news = step_for(ActivityKind.OUTREACH, "berita_website")
    assert news and news.due_label == "H+1" and news.needs_approval and news.published_by == "berita_website"
    assert step_for(ActivityKind.OUTREACH, "unggah_medsos").due_days == 0
    assert step_for(ActivityKind.OUTREACH, "arsip").due_label == "H+7"
    assert step_for(ActivityKind.PRESS_CONFERENCE, "kirim_siaran_pers").needs_approval


def test_live_streaming_adds_its_own_items():
    codes = {step.code for step in steps_for(ActivityKind.LIVE_STREAM)}
    assert {"etika_penyiaran", "hak_musik_footage", "persetujuan_tampil", "uji_teknis", "arsip_rekaman"} <= codes
    ethics = step_for(ActivityKind.LIVE_STREAM, "etika_penyiaran")
    assert ethics.needs_approval and "P3SPS" in str(ethics.title)
    other = {step.code for step in steps_for(ActivityKind.OUTREACH)}
    assert not {"etika_penyiaran", "hak_musik_footage", "persetujuan_tampil"} & other


def test_an_unknown_kind_falls_back_to_the_general_sop():
    assert steps_for("tidak_ada") == SOP[ActivityKind.OTHER]


# --- overdue on the boundary days -------------------------------------------------------------

@pytest.mark.parametrize(("today", "state"), [
    (DAY, s.UPCOMING),                            # H: news is due H+1
    (DAY + dt.timedelta(days=1), s.DUE_TODAY),    # H+1: the last day
    (DAY + dt.timedelta(days=2), s.OVERDUE),      # H+2: late
])
def test_a_step_is_overdue_from_the_day_after_its_deadline(today, state):
    news = step_for(ActivityKind.OUTREACH, "berita_website")
    assert s.step_state(news, DAY, False, today) == state
    assert s.step_state(news, DAY, True, today + dt.timedelta(days=30)) == s.DONE


def test_a_before_step_is_late_on_the_activity_day():
    plan = step_for(ActivityKind.OUTREACH, "rencana_dokumentasi")
    assert s.step_state(plan, DAY, False, DAY - dt.timedelta(days=1)) == s.DUE_TODAY
    assert s.step_state(plan, DAY, False, DAY) == s.OVERDUE


def test_the_activity_page_counts_done_and_overdue(kediri, operator, make_activity):
    activity = make_activity(kediri, DAY, "sosialisasi")
    checklist_tick(activity=activity, step_code="rencana_dokumentasi", actor=operator)
    phases, progress = s.activity_sop(activity, operator, today=DAY + dt.timedelta(days=2))
    total = len(steps_for("sosialisasi"))
    assert (progress.done, progress.total) == (1, total)
    # Everything but the archive (H+7) and the ticked plan is late on H+2.
    assert progress.overdue == total - 2
    assert [p.phase for p in phases] == ["sebelum", "saat", "sesudah"]


# --- ticking ----------------------------------------------------------------------------------

def test_an_operator_ticks_and_unticks_a_step_with_an_audit_row(kediri, operator, make_activity):
    activity = make_activity(kediri, DAY)
    mark = checklist_tick(activity=activity, step_code="foto_kegiatan", actor=operator, note="  12 foto ")
    assert (mark.done_by, mark.note) == (operator, "12 foto")
    assert checklist_tick(activity=activity, step_code="foto_kegiatan", actor=operator).pk == mark.pk
    assert ChecklistMark.objects.filter(activity=activity).count() == 1
    checklist_untick(activity=activity, step_code="foto_kegiatan", actor=operator)
    assert not ChecklistMark.objects.filter(activity=activity).exists()
    assert list(AuditEntry.objects.filter(target_id=str(activity.pk), action__startswith="publications.sop")
                .order_by("created_at").values_list("action", flat=True)) == [
        "publications.sop.tick", "publications.sop.untick"]


def test_a_step_needing_approval_is_ticked_by_the_ketua_only(kediri, operator, ketua, pimpinan, make_activity):
    activity = make_activity(kediri, DAY, "siaran_langsung")
    for user in (operator, pimpinan):
        with pytest.raises(PermissionDenied):
            checklist_tick(activity=activity, step_code="etika_penyiaran", actor=user)
    checklist_tick(activity=activity, step_code="etika_penyiaran", actor=ketua)
    with pytest.raises(PermissionDenied):
        checklist_untick(activity=activity, step_code="etika_penyiaran", actor=operator)
    assert ChecklistMark.objects.filter(activity=activity, step="etika_penyiaran").exists()


def test_read_only_roles_and_other_offices_cannot_tick(kediri, evaluator, national, make_activity):
    activity = make_activity(kediri, DAY)
    for user in (evaluator, national):
        with pytest.raises(PermissionDenied):
            checklist_tick(activity=activity, step_code="foto_kegiatan", actor=user)


def test_a_step_of_another_kind_is_refused(kediri, operator, make_activity):
    activity = make_activity(kediri, DAY, "sosialisasi")
    with pytest.raises(ValidationError):
        checklist_tick(activity=activity, step_code="etika_penyiaran", actor=operator)


def test_the_page_ticks_by_post_and_shows_the_overdue_step(client, kediri, operator, ketua, make_activity):
    activity = make_activity(kediri, dt.date(2020, 1, 6), "siaran_langsung")
    client.force_login(operator)
    url = reverse("publications:sop_mark", args=[activity.id, "uji_teknis"])
    response = client.post(url, {"done": "1", "note": "Aman"})
    assert response.status_code == 302 and response.url.endswith("#langkah-uji_teknis")
    assert ChecklistMark.objects.get(activity=activity, step="uji_teknis").note == "Aman"
    assert client.post(reverse("publications:sop_mark", args=[activity.id, "etika_penyiaran"]),
                       {"done": "1"}).status_code == 403
    page = client.get(reverse("publications:activity_sop", args=[activity.id])).content.decode()
    assert 'id="langkah-etika_penyiaran"' in page and "step-terlambat" in page
    assert "Hanya Ketua Bakohumas yang dapat mencentang langkah ini." in page
    client.post(url, {"done": ""})
    assert not ChecklistMark.objects.filter(activity=activity, step="uji_teknis").exists()
    client.force_login(ketua)
    assert client.post(reverse("publications:sop_mark", args=[activity.id, "etika_penyiaran"]),
                       {"done": "1"}).status_code == 302
