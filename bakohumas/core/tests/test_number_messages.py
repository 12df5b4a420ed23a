"""Every whole-number field of the project speaks plainly (issue 18): not Django's "Masukkan
keseluruhan angka bilangan." nor a limit of 9223372036854775807."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils import translation


class _Form(forms.Form):
    count = forms.IntegerField(min_value=0, max_value=500)


def _errors(data: dict) -> list[str]:
    with translation.override("id"):
        form = _Form(data)
        form.is_valid()
        return [str(e) for e in form.errors.get("count", [])]


def test_letters_get_a_plain_indonesian_message():
    assert _errors({"count": "dua"}) == ["Isi dengan bilangan bulat, misalnya 12."]


def test_limits_are_named_plainly():
    assert _errors({"count": "501"}) == ["Angka ini terlalu besar; paling banyak 500."]
    assert _errors({"count": "-1"}) == ["Angka ini terlalu kecil; paling sedikit 0."]


def test_model_form_fields_get_the_message_too():
    field = models.PositiveIntegerField().formfield()  # what a ModelForm builds
    with translation.override("id"):
        assert [str(m) for m in field.error_messages.values() if "bulat" in str(m)] == [
            "Isi dengan bilangan bulat, misalnya 12."]
