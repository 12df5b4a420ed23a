"""Searching the catalogue: an ISBN however it is printed, over-long searches cut with a message."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bakohumas.library.selectors import QUERY_MAX_CHARS

pytestmark = pytest.mark.django_db

OPAC = reverse("library:opac_search")


@pytest.mark.parametrize("typed", ["978-602-03-3105-8", "978 602 03 3105 8", "9786020331058", " 978‐602‐03‐3105‐8 ",
                                   "602-03-3105-9"])
def test_the_opac_finds_a_book_by_its_printed_isbn(client, record, typed):
    assert client.get(OPAC, {"q": typed}).context["page"].paginator.count == 1


def test_hyphenated_words_still_match_as_written(client, record):
    assert client.get(OPAC, {"q": "2049-3630"}).context["page"].paginator.count == 1  # the ISSN
    assert client.get(OPAC, {"q": "978-602-03-3105-8 kediri"}).context["page"].paginator.count == 1
    assert client.get(OPAC, {"q": "978-602-03-3105-7"}).context["page"].paginator.count == 0


def test_the_staff_list_finds_the_isbn_too(client, operator, record):
    client.force_login(operator)
    response = client.get(reverse("library:record_list"), {"q": "978-602-03-3105-8"})
    assert [r.pk for r in response.context["records"]] == [record.pk]


def test_an_over_long_search_is_cut_with_a_message(client, record):
    response = client.get(OPAC, {"q": "laporan " + "x" * 10_000})
    assert response.status_code == 200
    assert len(response.context["query"].q) == QUERY_MAX_CHARS
    html = response.content.decode()
    assert "Kata pencarian terlalu panjang" in html and 'maxlength="200"' in html
    assert "Kata pencarian terlalu panjang" not in client.get(OPAC, {"q": "laporan"}).content.decode()
