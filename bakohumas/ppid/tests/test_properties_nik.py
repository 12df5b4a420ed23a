"""Properties of the NIK check of PPID requests (bakohumas.ppid.forms.validate_nik): a NIK made of a
known regency code, a real date of birth (day + 40 for women) and a serial is accepted however it is
spaced; any other text is refused with Django's ValidationError in Indonesian, never another exception."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bakohumas.ppid.forms import validate_nik

FAST = settings(max_examples=200, deadline=None, database=None)
REGENCIES = ["357101", "350501", "337401", "330101", "317101"]  # district codes inside Kediri, Blitar, …


@st.composite
def niks(draw) -> str:
    born = draw(st.dates(dt.date(1930, 1, 1), dt.date(2009, 12, 31)))
    day = born.day + (40 if draw(st.booleans()) else 0)
    serial = draw(st.integers(1, 9999))
    return f"{draw(st.sampled_from(REGENCIES))}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


@FAST
@given(niks(), st.sampled_from(["{}", " {} ", "{0:.6}.{1}"]))
def test_a_plausible_nik_is_accepted(nik, template):
    written = template.format(nik, nik[6:]) if "{1}" in template else template.format(nik)
    assert validate_nik(written) == nik


@FAST
@given(st.text(max_size=20) | st.text("0123456789 .-", max_size=20))
@example("3571010101900001")
@example("٣٥٧١٠١٠١٠١٩٠٠٠٠١")  # Arabic-Indic digits
@example("3571013102900001")  # 31 February
def test_any_text_is_accepted_as_sixteen_digits_or_refused_in_indonesian(text):
    try:
        nik = validate_nik(text)
    except ValidationError as exc:
        assert "NIK" in " ".join(exc.messages)
    else:
        assert len(nik) == 16 and nik.isascii() and nik.isdigit()
