"""How a form field is drawn everywhere: `{{ field.as_field_group }}` renders `_field.html` (label
or checkbox label, widget, help text, errors next to the field), through the project's templates."""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "_field.html"
