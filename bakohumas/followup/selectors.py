"""Reads for follow-up: an office's actions, and the actions an evaluation shows."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from bakohumas.followup.models import Action
from bakohumas.followup.services import can_update_action
from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Period

DONE, NOT_DONE, OVERDUE = "done", "not_done", "overdue"


def get_action_for_user(user: User, action_id: UUID) -> tuple[Action, bool]:
    """The action if the user may see it (404 otherwise), and whether they may update it."""
    action = get_object_or_404(Action.objects.visible_to(user).select_related("office", "due_period"), id=action_id)
    return action, can_update_action(user, action)


def _with_related(actions: QuerySet[Action]) -> QuerySet[Action]:
    return actions.select_related("office", "indicator", "due_period", "agreed_period", "updated_by")


def open_actions_for_office(office: Office) -> list[Action]:
    """The office's actions not done yet, the earliest due first (the handover page lists them)."""
    return list(_with_related(Action.objects.filter(office=office).open()).order_by("due_period", "created_at"))


def actions_for_office(office: Office) -> list[Action]:
    """All the office's actions: open ones first, then done ones, most recent due first."""
    actions = list(_with_related(Action.objects.filter(office=office)).order_by("-due_period", "created_at"))
    return sorted(actions, key=lambda a: a.is_done)


@dataclass(frozen=True)
class EvaluatedAction:
    action: Action
    state: str  # done / not_done / overdue

    @property
    def done_late(self) -> bool:
        """Done, but after the end of the quarter it was due in."""
        return bool(self.action.done_on and self.action.done_on > self.action.due_period.end)


def evaluate_action(action: Action, period: Period) -> EvaluatedAction:
    if action.is_done:
        return EvaluatedAction(action, DONE)
    return EvaluatedAction(action, OVERDUE if action.due_period_id < period.code else NOT_DONE)


class EvaluationActions(list[EvaluatedAction]):
    """The evaluated actions, with their counts per state for the summary line."""

    @property
    def counts(self) -> dict[str, int]:
        counts = {DONE: 0, NOT_DONE: 0, OVERDUE: 0}
        for item in self:
            counts[item.state] += 1
        return counts


def actions_for_evaluation(*, region: Office | None, period: Period) -> EvaluationActions:
    """The actions the evaluation of `period` checks, for the kab/kota of a province or the nation
    (None or KPU RI): those due in that quarter, and those due earlier that were still open when it
    began (done since, or still not done: overdue). One query."""
    offices = Office.objects.in_region(region)
    actions = _with_related(
        Action.objects.filter(office__in=offices, due_period_id__lte=period.code)
        .filter(Q(due_period=period) | Q(done_on__isnull=True) | Q(done_on__gte=period.start))
    ).order_by("office__code", "due_period", "created_at")
    return EvaluationActions(evaluate_action(a, period) for a in actions)
