from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from bakohumas.library.isbn import check, hyphenate, with_check_digit


@pytest.mark.parametrize(("value", "isbn13", "hyphenated", "group"), [
    ("978-602-03-3105-8", "9786020331058", "978-602-03-3105-8", "Indonesia"),
    ("9786236501009", "9786236501009", "978-623-6501-00-9", "Indonesia"),
    ("979-3520-02-7", "9789793520025", "978-979-3520-02-5", "Indonesia"),  # an old Indonesian ISBN-10
    ("0-8044-2957-X", "9780804429573", "978-0-8044-2957-3", "English language"),  # ISBN-10 ending in X
    ("080442957x", "9780804429573", "978-0-8044-2957-3", "English language"),
    ("ISBN 978-0-306-40615-7", "9780306406157", "978-0-306-40615-7", "English language"),
])
def test_it_accepts_valid_isbns_and_hyphenates_by_the_range_table(value, isbn13, hyphenated, group):
    result = check(value)
    assert result.valid, result.reason
    assert (result.isbn13, result.hyphenated, result.group) == (isbn13, hyphenated, group)


def test_it_converts_isbn10_to_isbn13_and_back():
    result = check("080442957X")
    assert result.isbn13 == "9780804429573" and result.isbn10 == "080442957X"


@pytest.mark.parametrize(("value", "reason"), [
    ("978-602-03-3105-9", "Digit pemeriksa"),  # wrong check digit
    ("0-8044-2957-1", "Digit pemeriksa"),  # ISBN-10 whose check digit should be X
    ("978602033105", "Panjang"),
    ("977-602-03-3105-9", "978 atau 979"),
    ("abc", "angka"),
])
def test_it_rejects_invalid_isbns_with_a_reason(value, reason):
    result = check(value)
    assert not result.valid and reason in result.reason


def test_it_computes_check_digits_for_demo_numbers():
    assert with_check_digit("978602033105") == "9786020331058"
    assert hyphenate("9786020331058") == "978-602-03-3105-8"


def test_it_prints_the_contract_json(capsys):
    call_command("isbn_check", "978-602-03-3105-8", "--format", "json")
    assert json.loads(capsys.readouterr().out) == {
        "input": "978-602-03-3105-8", "valid": True, "isbn13": "9786020331058",
        "hyphenated": "978-602-03-3105-8", "group": "Indonesia"}


def test_it_prints_invalid_with_a_reason_and_exits_zero(capsys):
    call_command("isbn_check", "9786020000000", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["valid"] is False and data["input"] == "9786020000000" and data["reason"]
    assert set(data) == {"input", "valid", "reason"}


def test_it_fails_only_on_usage_errors():
    from bakohumas.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["bakohumas", "isbn-check"])
    assert exit_info.value.code != 0
