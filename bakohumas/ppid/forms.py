"""Forms for PPID. Forms validate input (clear Indonesian messages); services act on cleaned_data."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidComponent, InvalidFormat, InvalidLength
from stdnum.id import nik as stdnum_nik

from bakohumas.core.forms import DateField, model_formfield
from bakohumas.core.uploads import sniff_evidence
from bakohumas.ppid.models import Decision, DipEntry, Dispute, ExemptEntry, InformationRequest, Objection

ATTACHMENT_MAX_BYTES = getattr(settings, "PPID_ATTACHMENT_MAX_BYTES", 2 * 1024 * 1024)


def validate_nik(value: str) -> str:
    """16 digits, a known province/regency code and a plausible date of birth (python-stdnum)."""
    compact = stdnum_nik.compact(value)
    if not compact.isdigit():
        raise ValidationError(_("NIK hanya berisi angka."))
    if len(compact) != 16:
        raise ValidationError(_("NIK terdiri atas 16 angka (yang diisi %(n)s angka).") % {"n": len(compact)})
    try:
        stdnum_nik.validate(compact)
        stdnum_nik.get_birth_date(compact)
    except InvalidFormat:
        raise ValidationError(_("NIK hanya berisi angka.")) from None
    except InvalidLength:
        raise ValidationError(_("NIK terdiri atas 16 angka (yang diisi %(n)s angka).") % {"n": len(compact)}) from None
    except InvalidComponent:
        raise ValidationError(_("NIK tidak sah: kode wilayah atau tanggal lahir di dalamnya tidak dikenal.")) from None
    return compact


class PastDateField(DateField):
    """A date that cannot be in the future."""

    def validate(self, value: dt.date | None) -> None:
        super().validate(value)
        if value and value > timezone.localdate():
            raise ValidationError(_("Tanggal tidak boleh di masa depan."))


def validate_attachment(upload) -> None:
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise ValidationError(_("Berkas terlalu besar; batasnya %(limit)s MB.")
                              % {"limit": ATTACHMENT_MAX_BYTES // (1024 * 1024)})
    if sniff_evidence(upload) is None:
        raise ValidationError(_("Surat kuasa harus berupa PDF, JPG, atau PNG (isi berkas tidak sesuai)."))


class RequestForm(forms.Form):
    """The request as the requester states it (Perki 1/2021 form)."""

    requester_kind = forms.ChoiceField(label=_("Pemohon sebagai"), choices=InformationRequest.RequesterKind.choices,
                                       initial=InformationRequest.RequesterKind.PERSON)
    requester_name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    nik = forms.CharField(label=_("NIK"), max_length=24, required=False,
                          help_text=_("16 angka, untuk pemohon perorangan. Hanya dilihat petugas PPID."))
    legal_entity_decree = forms.CharField(label=_("Nomor SK pengesahan badan hukum"), max_length=150, required=False,
                                          help_text=_("Untuk pemohon badan hukum."))
    address = forms.CharField(label=_("Alamat"), max_length=300)
    phone = forms.CharField(label=_("Nomor telepon/WhatsApp"), max_length=32, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False,
                             error_messages={"invalid": _("Alamat e-mail tidak valid.")})
    information_sought = forms.CharField(label=_("Rincian informasi yang dibutuhkan"), max_length=5000,
                                         widget=forms.Textarea(attrs={"rows": 4}))
    purpose = forms.CharField(label=_("Tujuan penggunaan informasi"), max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    obtain_method = forms.ChoiceField(label=_("Cara memperoleh informasi"),
                                      choices=InformationRequest.ObtainMethod.choices)
    delivery = forms.ChoiceField(label=_("Cara mendapatkan salinan informasi"),
                                 choices=InformationRequest.Delivery.choices)
    is_election_information = forms.BooleanField(
        label=_("Informasi kepemiluan yang diminta pada tahapan pemilu/pemilihan"), required=False,
        help_text=_("Dilayani lebih cepat menurut Perki 1/2019."))
    power_of_attorney = forms.FileField(label=_("Surat kuasa (jika mewakili orang lain; PDF/JPG/PNG)"),
                                        required=False, validators=[validate_attachment])

    require_identity = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_nik(self) -> str:
        value = self.cleaned_data.get("nik", "").strip()
        return validate_nik(value) if value else ""

    def clean_phone(self) -> str:
        value = self.cleaned_data.get("phone", "").strip()
        digits = value.replace(" ", "").replace("-", "").removeprefix("+")
        if value and not (digits.isdigit() and 8 <= len(digits) <= 15):
            raise ValidationError(_("Nomor telepon hanya berisi 8–15 angka, misalnya 0812 3456 7890."))
        return value

    def clean(self) -> dict[str, Any]:
        # Form.clean returns cleaned_data; the stubs say "| None" because an override may return None.
        cleaned = cast("dict[str, Any]", super().clean())
        kind = cleaned.get("requester_kind")
        if self.require_identity:
            if kind == InformationRequest.RequesterKind.LEGAL_ENTITY and not cleaned.get("legal_entity_decree"):
                self.add_error("legal_entity_decree", _("Badan hukum wajib mencantumkan nomor SK pengesahannya."))
            if kind != InformationRequest.RequesterKind.LEGAL_ENTITY and not cleaned.get("nik") \
                    and "nik" not in self.errors:
                self.add_error("nik", _("Pemohon perorangan wajib mengisi NIK."))
        if kind == InformationRequest.RequesterKind.LEGAL_ENTITY:
            cleaned["nik"] = ""  # least data: a legal entity is identified by its decree
        else:
            cleaned["legal_entity_decree"] = ""
        if not cleaned.get("phone") and not cleaned.get("email") and "phone" not in self.errors \
                and "email" not in self.errors:
            self.add_error("phone", _("Isi nomor telepon atau e-mail agar kami dapat menghubungi Anda."))
        return cleaned

    def requester_data(self) -> dict[str, Any]:
        fields = ("requester_kind", "requester_name", "nik", "legal_entity_decree", "address", "phone", "email",
                  "information_sought", "purpose", "obtain_method", "delivery")
        data = {name: self.cleaned_data[name] for name in fields}
        if self.cleaned_data.get("power_of_attorney"):
            data["power_of_attorney"] = self.cleaned_data["power_of_attorney"]
        return data


class PublicRequestForm(RequestForm):
    # Honeypot: hidden from people by CSS; a bot that fills it in is refused.
    website = forms.CharField(label=_("Jangan diisi"), required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
    # A new one-time token for every blank form: the same form posted twice registers one request.
    form_token = forms.UUIDField(required=False, initial=uuid.uuid4, widget=forms.HiddenInput)

    def is_spam(self) -> bool:
        return bool(self.data.get("website"))


class StaffRequestForm(RequestForm):
    """Requests that came in person, by letter, e-mail or WhatsApp. The NIK is optional here: a
    letter may not carry one, and we store no more than we were given."""

    require_identity = False
    channel = forms.ChoiceField(label=_("Diterima melalui"),
                                choices=[c for c in InformationRequest.Channel.choices if c[0] != "web"])
    received_on = PastDateField(label=_("Tanggal diterima"))

    field_order = ["channel", "received_on"]


class IncompleteForm(forms.Form):
    flagged_on = PastDateField(label=_("Tanggal permintaan kelengkapan"))
    note = forms.CharField(label=_("Yang perlu dilengkapi"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class CompletedForm(forms.Form):
    completed_on = PastDateField(label=_("Tanggal pemohon melengkapi"))


LETTER_NUMBER_HELP = _("Kosongkan untuk mengambil nomor berikutnya dari penomoran surat kantor (profil kantor). "
                       "Tanda \"-\" tidak diterima: surat resmi wajib bernomor.")


def validate_letter_number(value: str) -> None:
    from bakohumas.offices.numbering import is_real_number

    if (value or "").strip() and not is_real_number(value):
        raise forms.ValidationError(_("Tulis nomor surat yang sebenarnya, atau kosongkan untuk mengambil nomor "
                                      "berikutnya."))


def clean_letter_number(value: str) -> str:
    validate_letter_number(value)
    return (value or "").strip()


def letter_number_field(label: Any = None) -> forms.CharField:
    return forms.CharField(label=label or _("Nomor surat"), max_length=100, required=False, help_text=LETTER_NUMBER_HELP,
                           validators=[validate_letter_number])


class ExtensionForm(forms.Form):
    notified_on = PastDateField(label=_("Tanggal pemberitahuan perpanjangan"))
    reasons = forms.CharField(label=_("Alasan perpanjangan (tertulis)"), max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 2}))
    letter_number = letter_number_field(_("Nomor surat perpanjangan"))


class DecisionForm(forms.ModelForm):
    decided_on = PastDateField(label=_("Tanggal pemberitahuan"))

    class Meta:
        formfield_callback = model_formfield
        model = Decision
        fields = ["decided_on", "letter_number", "attachment", "availability", "outcome", "other_body",
                  "exemption_ground", "consequence_test", "redactions", "format", "fee", "fee_note", "delivery_time",
                  "notes"]
        help_texts = {"letter_number": LETTER_NUMBER_HELP,
                      "attachment": _("Misalnya 1 (satu) berkas; tulis - bila tidak ada lampiran."),
                      "delivery_time": _("Misalnya 3 hari kerja sejak surat ini atau tanggal tertentu; kosong: paling "
                                         "lambat batas waktu pemberitahuan.")}
        widgets = {"consequence_test": forms.Textarea(attrs={"rows": 3}), "redactions": forms.Textarea(attrs={"rows": 2}),
                   "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fee = cast(forms.DecimalField, self.fields["fee"])  # Decision.fee is a DecimalField
        fee.min_value = 0
        fee.widget.attrs["min"] = 0

    def clean_letter_number(self) -> str:
        return clean_letter_number(self.cleaned_data.get("letter_number", ""))

    def clean_attachment(self) -> str:
        return (self.cleaned_data.get("attachment") or "").strip() or "-"

    def _post_clean(self) -> None:
        """The service validates the decision as a whole (it knows the request)."""


class ObjectionForm(forms.Form):
    filed_on = PastDateField(label=_("Tanggal keberatan diterima"))
    ground = forms.ChoiceField(label=_("Alasan keberatan (Pasal 35 ayat 1 UU 14/2008)"), choices=Objection.Ground.choices)
    statement = forms.CharField(label=_("Uraian keberatan"), max_length=5000, required=False,
                                widget=forms.Textarea(attrs={"rows": 2}))


class ObjectionAnswerForm(forms.Form):
    answered_on = PastDateField(label=_("Tanggal tanggapan"))
    answer = forms.ChoiceField(label=_("Tanggapan atasan PPID"), choices=Objection.Answer.choices)
    answered_by_name = forms.CharField(label=_("Nama atasan PPID"), max_length=150, required=False,
                                       help_text=_("Kosong: atasan PPID pada profil kantor."))
    answer_text = forms.CharField(label=_("Isi tanggapan"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    delivery_time = forms.CharField(label=_("Waktu penyediaan informasi"), max_length=200, required=False,
                                    help_text=_("Bila keberatan diterima: kapan informasi diberikan."))
    letter_number = letter_number_field(_("Nomor surat tanggapan"))


class LetterNumberForm(forms.Form):
    """Which letter of a request gets a number: the notice, the extension or an objection's answer."""

    letter = forms.RegexField(regex=r"^(notice|extension|objection:[0-9a-f-]{36})$", max_length=50,
                              widget=forms.HiddenInput)
    letter_number = letter_number_field()


class DisputeForm(forms.Form):
    commission = forms.CharField(label=_("Komisi Informasi"), max_length=150)
    case_number = forms.CharField(label=_("Nomor register"), max_length=100, required=False)
    registered_on = PastDateField(label=_("Tanggal registrasi"))


class DisputeUpdateForm(forms.Form):
    stage = forms.ChoiceField(label=_("Tahap"), choices=Dispute.Stage.choices)
    ended_on = PastDateField(label=_("Tanggal selesai"), required=False)
    outcome = forms.CharField(label=_("Hasil/putusan"), max_length=5000, required=False,
                              widget=forms.Textarea(attrs={"rows": 2}))

    @classmethod
    def for_dispute(cls, dispute: Dispute) -> DisputeUpdateForm:
        """The dispute as stored, for the merge box of a refused update."""
        return cls(initial={"stage": dispute.stage, "ended_on": dispute.ended_on, "outcome": dispute.outcome})


class DipEntryForm(forms.ModelForm):
    link = forms.URLField(label=_("Tautan"), required=False, max_length=500, assume_scheme="https")

    class Meta:
        formfield_callback = model_formfield
        model = DipEntry
        fields = ["category", "title", "holder_unit", "responsible", "made_when_where", "form", "retention", "link",
                  "is_published"]

    def _post_clean(self) -> None:
        """Validated by the service (which knows the office)."""


class ExemptEntryForm(forms.ModelForm):
    decided_on = PastDateField(label=_("Tanggal penetapan"))
    expires_on = DateField(label=_("Berlaku sampai"), required=False,
                                 help_text=_("Kosongkan jika tanpa batas waktu."))

    class Meta:
        formfield_callback = model_formfield
        model = ExemptEntry
        fields = ["title", "ground", "consequence_test", "decree", "decided_on", "expires_on"]
        widgets = {"consequence_test": forms.Textarea(attrs={"rows": 3})}

    def clean(self) -> dict[str, Any]:
        # Form.clean returns cleaned_data; the stubs say "| None" because an override may return None.
        cleaned = cast("dict[str, Any]", super().clean())
        if cleaned.get("expires_on") and cleaned.get("decided_on") and cleaned["expires_on"] <= cleaned["decided_on"]:
            self.add_error("expires_on", _("Tanggal berakhir harus setelah tanggal penetapan."))
        return cleaned


class NonWorkingDayForm(forms.Form):
    date = DateField(label=_("Tanggal"),
                           error_messages={"invalid": _("Isi tanggal dengan benar, misalnya 2025-11-27.")})
    reason = forms.CharField(label=_("Keterangan"), max_length=200)
    office_code = forms.CharField(label=_("Kode wilayah satker (kosong: seluruh Indonesia)"), max_length=8,
                                  required=False)


class PeriodForm(forms.Form):
    start = DateField(label=_("Dari"))
    end = DateField(label=_("Sampai"))

    def clean(self) -> dict[str, Any]:
        # Form.clean returns cleaned_data; the stubs say "| None" because an override may return None.
        cleaned = cast("dict[str, Any]", super().clean())
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            raise ValidationError(_("Tanggal akhir harus sama dengan atau setelah tanggal awal."))
        return cleaned
