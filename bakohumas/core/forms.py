"""How a form field is drawn everywhere: `{{ field.as_field_group }}` renders `_field.html` (label
or checkbox label, widget, help text, errors next to the field), through the project's templates."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from bakohumas.core import formatting


class FormRenderer(TemplatesSetting):
    field_template_name = "_field.html"


def use_plain_number_messages() -> None:
    """Django's Indonesian messages for a whole-number field are awkward ("Masukkan keseluruhan angka
    bilangan.", "Pastikan nilai ini lebih kecil dari atau sama dengan 9223372036854775807"). Every
    `forms.IntegerField` of the project (ModelForm fields included) gets these instead; a field that
    names its own messages keeps them. Called from `CoreConfig.ready()`, before any form is defined."""
    from django import forms
    from django.utils.translation import gettext_lazy as _

    forms.IntegerField.default_error_messages = {
        **forms.IntegerField.default_error_messages,
        "invalid": _("Isi dengan bilangan bulat, misalnya 12."),
        "max_value": _("Angka ini terlalu besar; paling banyak %(limit_value)s."),
        "min_value": _("Angka ini terlalu kecil; paling sedikit %(limit_value)s."),
    }


# Month names people type: Indonesian in full and abbreviated (with "Agu"/"Agt"), and English ones
# that an English-language page would show.
_MONTHS = {name.lower(): number for number, name in enumerate(formatting.MONTHS, start=1)}
_MONTHS.update({name[:3].lower(): number for name, number in list(_MONTHS.items())})
_MONTHS.update({"agt": 8, "ags": 8, "okt": 10, "nop": 11, "des": 12, "pebruari": 2, "nopember": 11,
                "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8,
                "october": 10, "december": 12, "feb": 2, "mar": 3, "aug": 8, "oct": 10, "dec": 12})
_WORDS = re.compile(r"^([0-9]{1,2})[\s.-]+([^\W\d_]+)\.?[\s.,-]+([0-9]{4})$")
_DMY = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")


def parse_date_id(text: str) -> dt.date | None:
    """A date as people in Indonesia type it: "17 Juli 2025", "17 Jul 2025", "17/07/2025", "17-07-2025",
    "17.07.2025", or what a date picker sends ("2025-07-17"). Day first always (never the US order).
    None when the text is not a date."""
    text = " ".join(text.split()).strip()
    if not text:
        return None
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
    elif match := _WORDS.match(text):
        month_number = _MONTHS.get(match.group(2).lower())
        if month_number is None:
            return None
        day, month, year = int(match.group(1)), month_number, int(match.group(3))
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class DateInput(forms.DateInput):
    """A date picker (`type=date`) that keeps what was typed: a value the server could not read is drawn
    back in a text box, so a typo is corrected rather than lost (a date picker would show it empty)."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, str) and (day := parse_date_id(value)) is not None:
            return day.isoformat()
        return super().format_value(value)

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        if isinstance(value, str) and value.strip() and parse_date_id(value) is None:
            context["widget"]["type"] = "text"
        return context


class DateField(forms.DateField):
    """The project's date field: a date picker that also accepts typed Indonesian dates, with one
    Indonesian message. Use it (or `model_formfield` for model forms) for every date a person enters."""

    widget = DateInput
    default_error_messages = {
        "invalid": _("Tanggal tidak dikenali; isi misalnya 17 Juli 2025, 17/07/2025, atau 2025-07-17."),
    }

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, str) and (day := parse_date_id(value)) is not None:
            return day
        if isinstance(value, str) and value.strip():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


# A sensible maximum for counts people type (participants, documents, posts): far above any real
# quarter, far below the 64-bit limit whose 19-digit number Django's default message would show.
COUNT_MAX = 1_000_000


class NumberInput(forms.NumberInput):
    """`type=number`, except when the value is not a number: then a text box (numeric keyboard), so
    "12a" stays on the page to be corrected (a number box would show it empty)."""

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        if isinstance(value, str) and value.strip() and not re.fullmatch(r"\s*-?[0-9]+\s*", value):
            context["widget"]["type"] = "text"
            context["widget"]["attrs"]["inputmode"] = "numeric"
        return context


class IntegerField(forms.IntegerField):
    """A whole number with Indonesian messages and a sensible maximum (COUNT_MAX unless given). The
    widget stays `type=number`; what was typed is drawn back as it was when it is not a number."""

    default_error_messages = {
        "invalid": _("Isi dengan bilangan bulat, misalnya 12."),
        "max_value": _("Angka terlalu besar; paling banyak %(limit_value)s."),
        "min_value": _("Angka terlalu kecil; paling sedikit %(limit_value)s."),
    }

    widget = NumberInput

    def __init__(self, *, max_value: int | None = COUNT_MAX, **kwargs: Any) -> None:
        super().__init__(max_value=max_value, **kwargs)


def model_formfield(field: Any, **kwargs: Any) -> forms.Field | None:
    """`formfield_callback` for model forms: model date fields become DateField, integers IntegerField."""
    from django.db import models

    if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
        return field.formfield(form_class=DateField, **kwargs)
    if isinstance(field, models.IntegerField) and not field.choices and not isinstance(field, models.AutoField):
        return field.formfield(form_class=IntegerField, **kwargs)
    return field.formfield(**kwargs)
