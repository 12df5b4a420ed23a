"""Forms built from the form definition (elements and rules are data). The same form class
validates the web entry page and every row of a CSV import, so both give the same messages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bakohumas.core.uploads import sniff_evidence
from bakohumas.reports.default_form import DEFAULT_MAX
from bakohumas.reports.models import Element, FormVersion
from bakohumas.reports.suggestions import Suggestion

YES = {"ya", "y", "1", "true"}
NO = {"tidak", "t", "0", "false"}


class YesNoField(forms.Field):
    """ya/tidak stored as 1/0. Accepts ya/tidak (any case), y/t, 1/0, true/false."""

    widget = forms.RadioSelect(choices=[("ya", _("Ya")), ("tidak", _("Tidak"))])
    default_error_messages = {
        "required": _("Pilih ya atau tidak."),
        "invalid": _("Nilai %(value)s tidak dikenal; gunakan ya atau tidak."),
    }

    def to_python(self, value: Any) -> int | None:
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return int(value)
        lowered = str(value).strip().lower()
        if lowered in YES:
            return 1
        if lowered in NO:
            return 0
        raise ValidationError(self.error_messages["invalid"], code="invalid", params={"value": repr(str(value))})

    def prepare_value(self, value: Any) -> Any:
        if value in (1, True, "1"):
            return "ya"
        if value in (0, False, "0"):
            return "tidak"
        return value


class CountField(forms.IntegerField):
    """A count (integer >= 0) typed on a phone. A text box with the numeric keyboard, not
    `type=number`: a browser sends nothing for letters typed into a number box, so what was typed
    was lost after the error; here it comes back with the message next to it. The upper limit is the
    element's (`Element.max_value`), and the message names it the way people write numbers."""

    widget = forms.TextInput

    def __init__(self, *, limit: int, **kwargs: Any) -> None:
        super().__init__(min_value=0, **kwargs)
        self.limit = limit
        self.widget.attrs.update({"inputmode": "numeric", "pattern": "[0-9]*", "autocomplete": "off"})

    def to_python(self, value: Any) -> int | None:
        return super().to_python(value.strip() if isinstance(value, str) else value)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if isinstance(value, int) and value > self.limit:
            raise ValidationError(self.error_messages["max_value"], code="max_value",
                                  params={"limit_value": intcomma(self.limit)})


def element_field(element: Element, *, draft: bool = False) -> forms.Field:
    """The field of one element. In a draft (`draft`) nothing is required: completeness is checked
    when the report is sent."""
    common: dict[str, Any] = {"label": element.label, "help_text": element.help_text,
                              "required": element.required and not draft}
    if element.kind == Element.Kind.BOOLEAN:
        return YesNoField(**common)
    if element.kind == Element.Kind.INTEGER:
        return CountField(
            limit=element.max_value or DEFAULT_MAX,
            error_messages={
                "required": _("Wajib diisi; isi 0 jika tidak ada."),
                "invalid": _("Isi dengan bilangan bulat, misalnya 12."),
                "min_value": _("Tidak boleh negatif."),
                "max_value": _("Angka ini terlalu besar untuk butir ini: paling banyak %(limit_value)s dalam satu "
                               "triwulan. Periksa lagi angkanya."),
            },
            **common,
        )
    return forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 3}), **common)


def reason_field_name(code: str) -> str:
    return f"{code}__alasan"


def suggestion_display(element: Element, value: int) -> str:
    """A suggested value as the operator types it: ya/tidak for yes/no, digits for counts."""
    if element.kind == Element.Kind.BOOLEAN:
        return "ya" if value else "tidak"
    return str(value)


class ReportValuesForm(forms.Form):
    """The answers of one report. Subclassed per form version by `report_form_class`.

    With `suggestions` (element code -> Suggestion from the office's records) every suggested
    element gets a reason field (`<code>__alasan`). A complete form (an import row) requires every
    required answer and a reason where the answer differs; a draft (`draft`, the entry page) saves
    whatever is there, and both are checked when the report is sent (`submission_submit`)."""

    form_version: FormVersion
    element_list: list[Element]
    draft: bool = False

    def __init__(self, *args: Any, suggestions: Mapping[str, Suggestion] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        by_code = {element.code: element for element in self.element_list}
        self.suggestions: dict[str, Suggestion] = {
            code: suggestion for code, suggestion in (suggestions or {}).items()
            if code in by_code and by_code[code].kind != Element.Kind.TEXT
        }
        for code in self.suggestions:
            self.fields[reason_field_name(code)] = forms.CharField(
                label=_("Alasan berbeda dari saran"), required=False, max_length=1000,
                widget=forms.TextInput(attrs={"data-reason-for": code}),
                help_text=(_("Boleh diisi nanti; wajib sebelum laporan dikirim.") if self.draft
                           else _("Wajib diisi jika nilai yang Anda isi berbeda dari saran.")),
            )

    def clean(self) -> dict[str, Any]:
        # Form.clean returns cleaned_data; the stubs say "| None" because an override may return None.
        cleaned = cast("dict[str, Any]", super().clean())
        for rule in self.form_version.rules.all():
            left, right = cleaned.get(rule.left), cleaned.get(rule.right)
            if isinstance(left, int) and isinstance(right, int) and left > right:
                self.add_error(rule.left, rule.message)
        if self.draft:
            return cleaned
        elements = {element.code: element for element in self.element_list}
        for code, suggestion in self.suggestions.items():
            value = cleaned.get(code)
            if isinstance(value, int) and value != suggestion.value and not cleaned.get(reason_field_name(code)):
                self.add_error(reason_field_name(code), _(
                    "Nilai ini berbeda dari saran (%(value)s dari %(source)s). Tuliskan alasannya, misalnya "
                    "kegiatan yang belum dicatat, atau pakai nilai saran."
                ) % {"value": suggestion_display(elements[code], suggestion.value), "source": suggestion.source})
        return cleaned

    def element_values(self) -> dict[str, int | str | None]:
        return {element.code: self.cleaned_data.get(element.code) for element in self.element_list}

    def reasons(self) -> dict[str, str]:
        """The operator's reason per suggested element (empty where none was given)."""
        return {code: self.cleaned_data.get(reason_field_name(code), "") for code in self.suggestions}


def report_form_class(form_version: FormVersion, *, with_evidence: bool = False,
                      draft: bool = False) -> type[ReportValuesForm]:
    elements = list(form_version.elements.all())
    fields: dict[str, Any] = {}
    for element in elements:
        fields[element.code] = element_field(element, draft=draft)
        if with_evidence and element.kind != Element.Kind.TEXT:
            fields[f"{element.code}__bukti_url"] = forms.URLField(
                label=_("Tautan bukti"), required=False, max_length=500, assume_scheme="https",
                error_messages={"invalid": _("Masukkan alamat tautan yang lengkap, misalnya https://...")},
            )
            fields[f"{element.code}__bukti_berkas"] = forms.FileField(
                label=_("Berkas bukti (PDF/JPG/PNG)"), required=False, validators=[validate_evidence_file]
            )
    attrs = {**fields, "form_version": form_version, "element_list": elements, "draft": draft}
    return type("ReportForm", (ReportValuesForm,), attrs)


def validate_evidence_file(upload) -> None:
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        limit = settings.EVIDENCE_MAX_BYTES // (1024 * 1024)
        raise ValidationError(_("Berkas terlalu besar; batasnya %(limit)s MB.") % {"limit": limit})
    if sniff_evidence(upload) is None:
        raise ValidationError(_("Berkas bukti harus berupa PDF, JPG, atau PNG (isi berkas tidak sesuai)."))


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Catatan untuk kantor"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
        error_messages={"required": _("Tuliskan catatan agar kantor tahu apa yang perlu diperbaiki.")},
    )


class VerifyForm(forms.Form):
    comment = forms.CharField(label=_("Catatan (opsional)"), widget=forms.Textarea(attrs={"rows": 2}),
                              required=False, max_length=5000)


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas CSV laporan"))
    submit = forms.BooleanField(
        label=_("Kirim laporan sesudah diimpor"), required=False,
        help_text=_("Hanya untuk Ketua Bakohumas atau operator yang diberi hak mengirim. Tanpa centang, "
                    "laporan tersimpan sebagai draf."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise ValidationError(_("Berkas terlalu besar; batasnya %(limit)s MB.")
                                  % {"limit": settings.IMPORT_MAX_BYTES // (1024 * 1024)})
        raw = upload.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("Berkas bukan teks UTF-8. Simpan ulang sebagai CSV UTF-8.")) from None
        if "\x00" in text:
            raise ValidationError(_("Berkas ini bukan CSV (berisi data biner)."))
        return text


class DeadlineForm(forms.Form):
    deadline = forms.DateField(label=_("Batas waktu"), widget=forms.DateInput(attrs={"type": "date"}))
