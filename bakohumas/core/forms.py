"""How a form field is drawn everywhere: `{{ field.as_field_group }}` renders `_field.html` (label
or checkbox label, widget, help text, errors next to the field), through the project's templates."""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


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
