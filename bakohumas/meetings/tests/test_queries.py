"""The main meeting pages in a fixed number of queries, however many offices are invited and attended."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.meetings.services import attendee_add, direction_add, direction_to_actions, invitee_mark
from bakohumas.reports.services import period_get_or_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(meeting, evaluator, operator):
    attendee_add(invitee=meeting.invitees.get(office__code="3571"), actor=operator, name="Staf", position="Staf",
                 role="staf")
    for invitee in meeting.invitees.exclude(office__code="3571")[:20]:
        invitee_mark(invitee=invitee, actor=evaluator, presence="present")
    direction = direction_add(item=meeting.agenda.first(), actor=evaluator, text="Evaluasi internal.")
    direction_to_actions(direction=direction, actor=evaluator, due_period=period_get_or_create("2025Q3"))
    return meeting


@pytest.mark.parametrize("name, limit", [("meetings:detail", 14), ("meetings:minutes", 14),
                                         ("meetings:attendance_list", 12)])
def test_the_page_takes_a_fixed_number_of_queries(client, busy, evaluator, name, limit,
                                                  django_assert_max_num_queries):
    client.force_login(evaluator)
    args = [busy.id, "xlsx"] if name == "meetings:attendance_list" else [busy.id]
    with django_assert_max_num_queries(limit):
        assert client.get(reverse(name, args=args)).status_code == 200


def test_the_list_and_the_office_page_take_a_fixed_number_of_queries(client, busy, operator,
                                                                     django_assert_max_num_queries):
    client.force_login(operator)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("meetings:list")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("meetings:attendance", args=[busy.id, "3571"])).status_code == 200
