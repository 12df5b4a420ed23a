"""Forms for the records. The web pages and the importer validate with the same classes, so both
give the same Indonesian messages; services act on `cleaned_data`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from bakohumas.core.forms import DateField, IntegerField
from bakohumas.core.uploads import check_upload, sniff_evidence
from bakohumas.offices.models import Office
from bakohumas.records.models import EARLIEST_ACTIVITY, Activity, Channel, Partnership

URL_ERRORS = {"invalid": _("Masukkan alamat tautan yang lengkap, misalnya https://...")}


def _choice(label: Any, choices: list[tuple[str, Any]]) -> forms.ChoiceField:
    """A choice whose error names the accepted codes (what an import file must contain)."""
    codes = ", ".join(value for value, _label in choices)
    message = _("%(value)s bukan pilihan yang dikenal; gunakan salah satu dari: ")
    return forms.ChoiceField(label=label, choices=choices,
                             error_messages={"invalid_choice": format_lazy("{}{}", message, codes)})


def _date(label: Any, *, required: bool = False, help_text: Any = "") -> forms.DateField:
    return DateField(label=label, required=required, help_text=help_text)


class ChannelForm(forms.Form):
    kind = _choice(_("Jenis kanal"), Channel.Kind.choices)
    handle = forms.CharField(label=_("Nama akun/kanal"), max_length=160,
                             help_text=_("Misalnya @kpukotakediri, nama grup, atau nama ruang Media Center."))
    url = forms.URLField(label=_("Tautan"), max_length=500, required=False, assume_scheme="https",
                         error_messages=URL_ERRORS)
    active_since = _date(_("Aktif sejak"), help_text=_("Kosongkan jika sudah aktif sejak sebelum dicatat."))
    active_until = _date(_("Aktif sampai"), help_text=_("Kosongkan jika masih aktif."))
    managed_by = forms.CharField(label=_("Pengelola"), max_length=160, required=False,
                                 help_text=_("Nama atau jabatan/unit yang mengelola kanal ini."))
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("active_since"), data.get("active_until")
        if since and until and until < since:
            self.add_error("active_until", _("Tanggal 'aktif sampai' tidak boleh sebelum 'aktif sejak'."))
        return data


def validate_document(upload) -> None:
    """A signed document is a PDF or a scan (JPG/PNG), judged by its bytes, within the size limit."""
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        limit = settings.EVIDENCE_MAX_BYTES // (1024 * 1024)
        raise ValidationError(_("Berkas terlalu besar; batasnya %(limit)s MB.") % {"limit": limit})
    if sniff_evidence(upload) is None:
        raise ValidationError(_("Naskah harus berupa PDF, JPG, atau PNG (isi berkas tidak sesuai)."))


class PartnershipForm(forms.Form):
    partner_name = forms.CharField(label=_("Nama mitra"), max_length=200)
    partner_type = _choice(_("Jenis mitra"), Partnership.PartnerType.choices)
    form = _choice(_("Bentuk kerja sama"), Partnership.Form.choices)
    number = forms.CharField(label=_("Nomor naskah"), max_length=120, required=False)
    scope = forms.CharField(label=_("Ruang lingkup"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    signed_on = _date(_("Tanggal ditandatangani/mulai"), required=True)
    valid_until = _date(_("Berlaku sampai"), help_text=_("Kosongkan jika tanpa batas waktu."))
    document = forms.FileField(label=_("Naskah yang ditandatangani (PDF/JPG/PNG)"), required=False,
                               validators=[validate_document])
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        signed, until = data.get("signed_on"), data.get("valid_until")
        if signed and until and until < signed:
            self.add_error("valid_until", _("Tanggal 'berlaku sampai' tidak boleh sebelum tanggal ditandatangani."))
        return data

    def record_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "document"}


class PartnershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Partnership) -> str:  # type: ignore[override]
        return f"{obj.partner_name} ({obj.signed_on:%Y})"


class ActivityForm(forms.Form):
    held_on = _date(_("Tanggal kegiatan"), required=True)
    kind = _choice(_("Jenis kegiatan"), Activity.Kind.choices)
    title = forms.CharField(label=_("Nama kegiatan"), max_length=200)
    partnership = PartnershipChoiceField(label=_("Dalam rangka kerja sama"), required=False,
                                         queryset=Partnership.objects.none(), to_field_name="id",
                                         empty_label=_("— tidak terkait kerja sama —"))
    partners = forms.CharField(label=_("Mitra yang terlibat"), max_length=300, required=False,
                               help_text=_("Pisahkan dengan koma."))
    non_budget = forms.BooleanField(label=_("Tanpa anggaran (non-budgeting)"), required=False)
    audience_size = IntegerField(label=_("Jumlah peserta/penonton"), min_value=0, required=False)
    publication_urls = forms.CharField(label=_("Tautan publikasi"), required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}),
                                       help_text=_("Satu tautan per baris (berita, unggahan, rekaman)."))
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["partnership"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Partnership.objects.filter(office=office).order_by("partner_name")

    def clean_held_on(self) -> dt.date:
        """An activity is recorded once it happened: not later than today (Jakarta), not before 2000."""
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise ValidationError(_("Tanggal kegiatan tidak boleh setelah hari ini; catat kegiatan yang sudah "
                                    "terlaksana."))
        if held_on < EARLIEST_ACTIVITY:
            raise ValidationError(_("Tanggal kegiatan tidak boleh sebelum 1 Januari 2000."))
        return held_on

    def clean_publication_urls(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["publication_urls"].splitlines() if line.strip()]
        validate = URLValidator(schemes=["http", "https"])
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(_("Tautan tidak valid: %(url)s") % {"url": line}) from None
        return lines


def activity_initial(activity: Activity) -> dict[str, Any]:
    return {"held_on": activity.held_on, "kind": activity.kind, "title": activity.title,
            "partnership": activity.partnership_id, "partners": activity.partners,
            "non_budget": activity.non_budget, "audience_size": activity.audience_size,
            "publication_urls": "\n".join(activity.publication_urls), "notes": activity.notes}


def channel_initial(channel: Channel) -> dict[str, Any]:
    return {name: getattr(channel, name) for name in ChannelForm.base_fields}


def partnership_initial(partnership: Partnership) -> dict[str, Any]:
    return {name: getattr(partnership, name) for name in PartnershipForm.base_fields if name != "document"}


KIND_CHOICES = [("partnerships", _("Kerja sama")), ("channels", _("Kanal komunikasi"))]


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis daftar"), choices=KIND_CHOICES)
    file = forms.FileField(label=_("Berkas CSV atau XLSX"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, max_bytes=settings.IMPORT_MAX_BYTES, kinds={"text", "xlsx"})
        return upload
