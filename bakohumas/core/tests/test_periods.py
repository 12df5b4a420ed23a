import datetime as dt

import pytest

from bakohumas.core.formatting import angka_kapital, join_id, percent, tanggal, whole_percent
from bakohumas.core.periods import InvalidPeriod, Quarter


def test_it_parses_a_period_and_knows_its_dates():
    q = Quarter.parse("2025Q2")
    assert (q.start, q.end, q.default_deadline) == (dt.date(2025, 4, 1), dt.date(2025, 6, 30), dt.date(2025, 7, 10))
    assert q.label == "Triwulan II 2025"


def test_it_rolls_the_fourth_quarter_deadline_into_next_year():
    q = Quarter.parse("2025Q4")
    assert q.end == dt.date(2025, 12, 31)
    assert q.default_deadline == dt.date(2026, 1, 10)
    assert q.next() == Quarter(2026, 1) and Quarter(2026, 1).previous() == q


@pytest.mark.parametrize("bad", ["2025Q5", "2025Q0", "2025-Q2", "25Q2", "", "2025q2x", "1999Q1"])
def test_it_rejects_malformed_periods(bad):
    with pytest.raises(InvalidPeriod):
        Quarter.parse(bad)


def test_it_formats_dates_and_numbers_the_indonesian_way():
    assert tanggal(dt.date(2025, 7, 17)) == "17 Juli 2025"
    assert angka_kapital(2) == "Dua"
    assert join_id(["a", "b", "c"]) == "a, b, dan c"
    assert join_id(["a", "b"]) == "a dan b"


def test_it_rounds_percentages_half_up():
    assert percent(4, 38) == 10.5
    assert percent(1, 8) == 12.5  # exactly .5 at the second decimal stays
    assert percent(1, 16) == 6.3  # 6.25 -> 6.3 (half up, not banker's rounding)
    assert percent(3, 0) is None
    assert whole_percent(5, 38) == 13 and whole_percent(19, 38) == 50 and whole_percent(1, 8) == 13


def test_the_date_filter_shows_the_jakarta_date_of_a_utc_time():
    from django.template import Context, Template
    from django.utils import timezone

    late_utc = dt.datetime(2025, 7, 10, 20, 0, tzinfo=dt.UTC)  # 11 July, 03:00 in Jakarta
    with timezone.override("Asia/Jakarta"):
        rendered = Template("{% load bakohumas %}{{ when|tanggal }}").render(Context({"when": late_utc}))
    assert rendered == "11 Juli 2025"
