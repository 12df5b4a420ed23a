"""Reads of the SOP progress and the outputs, scoped to what the user may see, and who may do what.

The overview of a province loads its activities in one query and their ticks in a second; the
percentages and overdue counts are computed from the SOP table in Python (the table is code)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bakohumas.core.formatting import whole_percent
from bakohumas.offices.models import Office, User
from bakohumas.publications.models import ChecklistMark, Output
from bakohumas.publications.sop import Phase, Step, steps_for
from bakohumas.records import selectors as records_selectors
from bakohumas.records.models import Activity
from bakohumas.reports import selectors as reports_selectors

RECENT_DAYS = 60  # the overview: activities of the last two months
UPCOMING_DAYS = 14  # and those planned for the next two weeks (their "before" steps are due)

DONE, OVERDUE, DUE_TODAY, UPCOMING = "selesai", "terlambat", "hari_ini", "belum"


# --- who may do what -------------------------------------------------------------------------

def may_write(user, office: Office) -> bool:
    """The office's operator and ketua write outputs and tick steps (as in records)."""
    return records_selectors.may_edit_records(user, office)


def may_approve(user, office: Office) -> bool:
    return may_write(user, office) and user.role == User.Role.KETUA


def may_tick(user, office: Office, step: Step) -> bool:
    return may_approve(user, office) if step.needs_approval else may_write(user, office)


def get_activity_for_user(user, activity_id: UUID) -> tuple[Activity, bool]:
    """The activity if the user may see it (404 otherwise), and whether they may write for it."""
    return records_selectors.get_activity_for_user(user, activity_id)


def get_output_for_user(user, output_id: UUID) -> tuple[Output, bool]:
    output = get_object_or_404(
        Output.objects.visible_to(user).select_related(*_OUTPUT_RELATED), id=output_id)
    return output, may_write(user, output.office)


def get_province_for_user(user, code: str) -> Office:
    """A province the user oversees (its evaluator, KPU RI): a kab/kota or KPU RI itself is 404."""
    region = reports_selectors.get_region_for_user(user, code)
    if not region.is_province:
        raise Http404("Hanya untuk KPU Provinsi.")
    return region


_OUTPUT_RELATED = ("office", "activity", "channel", "photo", "approved_by", "created_by")


def outputs_for_activity(activity: Activity) -> QuerySet[Output]:
    return Output.objects.filter(activity=activity).select_related(*_OUTPUT_RELATED).order_by("kind", "-created_at")


# --- SOP progress of one activity ----------------------------------------------------------------

def step_state(step: Step, held_on: dt.date, done: bool, today: dt.date) -> str:
    """Done; overdue the day after its deadline; due today; or not yet due."""
    if done:
        return DONE
    due = step.due_on(held_on)
    if today > due:
        return OVERDUE
    return DUE_TODAY if today == due else UPCOMING


@dataclass
class StepRow:
    step: Step
    due_on: dt.date
    state: str
    mark: ChecklistMark | None
    may_tick: bool


@dataclass
class PhaseRows:
    phase: str
    label: str
    rows: list[StepRow] = field(default_factory=list)


@dataclass
class Progress:
    done: int
    total: int
    overdue: int

    @property
    def percent(self) -> int:
        return whole_percent(self.done, self.total) or 0


def _progress(activity_kind: str, held_on: dt.date, done_codes: set[str], today: dt.date) -> Progress:
    steps = steps_for(activity_kind)
    done = sum(1 for step in steps if step.code in done_codes)
    overdue = sum(1 for step in steps if step_state(step, held_on, step.code in done_codes, today) == OVERDUE)
    return Progress(done=done, total=len(steps), overdue=overdue)


def activity_sop(activity: Activity, user, *, today: dt.date | None = None) -> tuple[list[PhaseRows], Progress]:
    """The activity's SOP steps by phase with their ticks and states, and the totals."""
    today = today or timezone.localdate()
    marks = {m.step: m for m in ChecklistMark.objects.filter(activity=activity).select_related("done_by")}
    phases = {p.value: PhaseRows(p.value, str(p.label)) for p in Phase}
    for step in steps_for(activity.kind):
        phases[step.phase].rows.append(StepRow(
            step=step, due_on=step.due_on(activity.held_on), mark=marks.get(step.code),
            state=step_state(step, activity.held_on, step.code in marks, today),
            may_tick=may_tick(user, activity.office, step)))
    return [p for p in phases.values() if p.rows], _progress(activity.kind, activity.held_on, set(marks), today)


# --- the province overview -----------------------------------------------------------------------

@dataclass
class ActivityProgress:
    activity: Activity
    progress: Progress


@dataclass
class OfficeProgress:
    office: Office
    activities: list[ActivityProgress] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(a.progress.done for a in self.activities)

    @property
    def total(self) -> int:
        return sum(a.progress.total for a in self.activities)

    @property
    def percent(self) -> int | None:
        return whole_percent(self.done, self.total)

    @property
    def overdue(self) -> int:
        return sum(a.progress.overdue for a in self.activities)


def sop_overview(region: Office, *, today: dt.date | None = None) -> list[OfficeProgress]:
    """Every office of the province (itself and its kab/kota) with its recent activities' SOP
    progress: three queries, whatever the number of offices and activities."""
    return sop_progress(Office.objects.filter(Q(pk=region.pk) | Q(parent=region)), today=today)


def sop_progress(offices: QuerySet[Office], *, today: dt.date | None = None) -> list[OfficeProgress]:
    """The offices (by code) with their recent activities' SOP progress: one query for the offices,
    one for their activities, one for the ticks."""
    today = today or timezone.localdate()
    window = (today - dt.timedelta(days=RECENT_DAYS), today + dt.timedelta(days=UPCOMING_DAYS))
    rows = {o.pk: OfficeProgress(o) for o in offices.order_by("code")}
    activities = list(Activity.objects.filter(office_id__in=list(rows), held_on__range=window)
                      .order_by("-held_on", "title"))
    done: dict[UUID, set[str]] = defaultdict(set)
    for activity_id, step in ChecklistMark.objects.filter(
            activity__office_id__in=list(rows), activity__held_on__range=window).values_list("activity_id", "step"):
        done[activity_id].add(step)
    for activity in activities:
        activity.office = rows[activity.office_id].office  # no query per row
        rows[activity.office_id].activities.append(
            ActivityProgress(activity, _progress(activity.kind, activity.held_on, done[activity.id], today)))
    return list(rows.values())
