"""Properties of the ISBN parser: every ISBN built with a correct check digit is accepted however it
is written (ISBN-10 or -13, hyphens, spaces, an "ISBN" prefix) and normalises to the same ISBN-13;
a changed digit is refused; any text gives a valid result or an Indonesian reason, never an exception."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import example, given, settings
from hypothesis import strategies as st
from stdnum import isbn as stdisbn

from bakohumas.library.isbn import check, hyphenate, normalize_isbn, with_check_digit

FAST = settings(max_examples=200, deadline=None, database=None)
isbn13s = st.builds(lambda prefix, rest: with_check_digit(prefix + rest), st.sampled_from(["978", "979"]),
                    st.text("0123456789", min_size=9, max_size=9))
REASONS = ("Digit pemeriksa", "Panjang ISBN", "Awalan ISBN-13", "ISBN hanya boleh", "ISBN tidak valid")


@FAST
@given(isbn13s, st.sampled_from(["{}", "ISBN {}", "ISBN-13: {}", " {} ", "isbn:{}"]), st.booleans())
@example("9780306406157", "ISBN-13: {}", False)  # was refused: "-" stripped before "-13" was looked for
def test_a_valid_isbn_is_accepted_however_it_is_written(isbn13, template, hyphens):
    written = template.format(hyphenate(isbn13) if hyphens else isbn13)
    result = check(written)
    assert result.valid and result.isbn13 == isbn13 and normalize_isbn(written) == isbn13
    assert result.hyphenated.replace("-", "") == isbn13
    if result.isbn10:  # 978 numbers: the ISBN-10 form means the same book
        assert check(result.isbn10).isbn13 == isbn13 and isbn13.startswith("978")


@FAST
@given(isbn13s, st.integers(0, 12), st.integers(1, 9))
def test_one_changed_digit_is_refused(isbn13, position, change):
    digits = list(isbn13)
    digits[position] = str((int(digits[position]) + change) % 10)
    changed = "".join(digits)
    result = check(changed)
    assert not result.valid and result.reason.startswith(REASONS)
    with pytest.raises(ValidationError, match="tidak valid"):
        normalize_isbn(changed)


@FAST
@given(st.text(max_size=30) | st.text("0123456789X- ", max_size=20))
@example("ISBN")
@example("978-0-306-40615-")
@example("٩٧٨٠٣٠٦٤٠٦١٥٧")  # Arabic-Indic digits
def test_any_text_gives_a_result_or_an_indonesian_reason(text):
    result = check(text)
    if result.valid:
        assert stdisbn.is_valid(result.isbn13) and len(result.isbn13) == 13 and result.isbn13.isascii()
    else:
        assert result.reason.startswith(REASONS) and result.as_contract()["valid"] is False
