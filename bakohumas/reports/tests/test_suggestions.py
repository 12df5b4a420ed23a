import pytest
from django.urls import reverse

from bakohumas.reports import suggestions
from bakohumas.reports.services import period_get_or_create, submission_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggester(monkeypatch):
    monkeypatch.setattr(suggestions, "_registry", [])

    def count(office, period):
        return {"permohonan_informasi": 7} if office.code == "3571" else {}

    suggestions.register_suggester(source="catatan uji", function=count,
                                   records_url=lambda office: reverse("offices:detail", args=[office.code]))


def test_the_entry_page_shows_a_suggestion_with_its_source(client, operator, kediri, suggester):
    draft = submission_start(office=kediri, period=period_get_or_create("2025Q3"), actor=operator)
    client.force_login(operator)
    html = client.get(reverse("reports:detail", args=[draft.id])).content.decode()
    assert "catatan uji" in html and 'data-value="7"' in html
    assert reverse("offices:detail", args=["3571"]) in html


def test_registering_twice_keeps_one(suggester):
    function = suggestions._registry[0].function
    suggestions.register_suggester(source="lagi", records_url=lambda office: "/", function=function)
    assert len(suggestions._registry) == 1
