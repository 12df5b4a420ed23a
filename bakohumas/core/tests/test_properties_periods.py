"""Properties of the period codes (`2025Q2`) and of the Indonesian date format: every code of a valid
quarter round-trips, quarters tile the calendar without gaps, and any other text is refused with
InvalidPeriod (an Indonesian message), never another exception."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bakohumas.core.formatting import MONTHS, tanggal
from bakohumas.core.periods import InvalidPeriod, Quarter

quarters = st.builds(Quarter, st.integers(2000, 2099), st.integers(1, 4))
FAST = settings(max_examples=200, deadline=None, database=None)


@FAST
@given(quarters)
def test_a_code_round_trips(quarter):
    assert Quarter.parse(quarter.code) == quarter
    assert Quarter.parse(f"  {quarter.code}\n") == quarter


@FAST
@given(quarters)
def test_quarters_tile_the_year(quarter):
    assert quarter.start.day == 1 and quarter.start.month == 3 * quarter.quarter - 2
    assert quarter.end + dt.timedelta(days=1) == quarter.next().start
    assert Quarter.containing(quarter.start) == Quarter.containing(quarter.end) == quarter
    assert quarter.next().previous() == quarter == quarter.previous().next()
    assert quarter.end < quarter.default_deadline == quarter.next().start + dt.timedelta(days=9)
    assert quarter.label.startswith("Triwulan ") and quarter.label.endswith(str(quarter.year))


@FAST
@given(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
def test_every_day_is_in_exactly_its_quarter(day):
    quarter = Quarter.containing(day)
    assert quarter.start <= day <= quarter.end


@FAST
@given(st.text(max_size=12) | st.from_regex(r"\A[0-9]{4}Q[0-9]\Z") | st.builds(str, st.integers()))
@example("٢٠٢٥Q2")  # Arabic-Indic digits: `\d` matched them, and "٢٠٢٥Q2" was read as 2025Q2
@example("2025Q2\n\n")
@example("1999Q4")
def test_any_other_text_is_refused_with_invalid_period(text):
    try:
        quarter = Quarter.parse(text)
    except InvalidPeriod as exc:
        assert "periode" in str(exc).lower()
    else:
        assert quarter.code == text.strip()


@FAST
@given(st.dates())
def test_dates_are_written_the_indonesian_way(day):
    text = tanggal(day)
    number, month, year = text.split(" ")
    assert (int(number), MONTHS.index(month) + 1, int(year)) == (day.day, day.month, day.year)
