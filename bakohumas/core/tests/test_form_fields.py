"""The shared form fields: dates typed the Indonesian way or picked, whole numbers with a sensible maximum,
Indonesian messages at the field, and what was typed kept on the page."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms

from bakohumas.core.forms import COUNT_MAX, DateField, IntegerField, parse_date_id


class SampleForm(forms.Form):
    day = DateField(label="Tanggal")
    count = IntegerField(label="Jumlah", min_value=0, required=False)


@pytest.mark.parametrize("text", ["17 Juli 2025", "17 juli 2025", "17 Jul 2025", "17/07/2025", "17-07-2025",
                                  "17.07.2025", "2025-07-17", " 17  Juli  2025 ", "17 July 2025", "17/7/2025"])
def test_it_reads_the_ways_people_type_a_date(text):
    assert parse_date_id(text) == dt.date(2025, 7, 17)


@pytest.mark.parametrize("text", ["", "kemarin", "31/02/2025", "17 Juliii 2025", "07/17/2025", "2025/13/01"])
def test_it_refuses_what_is_not_a_date(text):
    assert parse_date_id(text) is None


def test_the_agustus_abbreviations_are_august():
    assert parse_date_id("17 Agu 2025") == parse_date_id("17 Agt 2025") == dt.date(2025, 8, 17)


def test_a_typed_date_is_accepted_and_redrawn_for_the_date_picker():
    form = SampleForm({"day": "17 Juli 2025", "count": "x"})
    assert not form.is_valid()
    html = str(form["day"])
    assert 'type="date"' in html and 'value="2025-07-17"' in html


def test_an_unreadable_date_stays_on_the_page_in_a_text_box_with_an_indonesian_message():
    form = SampleForm({"day": "17 Jully 2025"})
    assert not form.is_valid()
    assert "Tanggal tidak dikenali" in form.errors["day"][0]
    html = str(form["day"])
    assert 'type="text"' in html and 'value="17 Jully 2025"' in html


def test_letters_in_a_number_stay_on_the_page_with_an_indonesian_message():
    form = SampleForm({"day": "2025-07-17", "count": "12a"})
    assert not form.is_valid()
    assert form.errors["count"] == ["Isi dengan bilangan bulat, misalnya 12."]
    html = str(form["count"])
    assert 'value="12a"' in html and 'type="text"' in html and 'inputmode="numeric"' in html


def test_a_huge_number_is_refused_at_the_field_with_a_readable_limit():
    form = SampleForm({"day": "2025-07-17", "count": "99999999999999999999"})
    assert not form.is_valid()
    assert form.errors["count"] == [f"Angka terlalu besar; paling banyak {COUNT_MAX}."]
    assert 'type="number"' in str(SampleForm()["count"])


def test_the_error_is_drawn_next_to_its_field():
    form = SampleForm({"day": "nanti"})
    form.is_valid()
    html = form["day"].as_field_group()
    assert 'class="field has-error"' in html and "Tanggal tidak dikenali" in html


def test_the_apps_use_the_shared_fields():
    from bakohumas.audit.forms import AuditFilterForm
    from bakohumas.governance.forms import PlannedPostForm
    from bakohumas.ppid.forms import ExemptEntryForm
    from bakohumas.records.forms import ActivityForm

    assert isinstance(PlannedPostForm().fields["planned_on"], DateField)
    assert isinstance(AuditFilterForm.base_fields["date_from"], DateField)
    assert isinstance(ExemptEntryForm().fields["decided_on"], DateField)
    assert isinstance(ActivityForm.base_fields["audience_size"], IntegerField)
