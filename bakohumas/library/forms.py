"""Forms validate input; services act on `cleaned_data`. Repeatable values are typed one per line."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bakohumas.core.forms import DateField, IntegerField
from bakohumas.core.uploads import check_upload, sniff_evidence
from bakohumas.library.isbn import normalize_isbn, normalize_issn
from bakohumas.library.models import (
    MAX_FILE_BYTES,
    CatalogueRecord,
    DocumentType,
    Election,
    Item,
    Language,
    PartKind,
)

LINES_HELP = _("Satu per baris.")


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def _checked_upload(upload, allowed: set[str]) -> Any:
    if upload.size and upload.size > MAX_FILE_BYTES:
        raise ValidationError(_("Berkas terlalu besar; maksimal %(mb)s MB.") % {"mb": MAX_FILE_BYTES // 1024 // 1024})
    kind = sniff_evidence(upload)
    if kind not in allowed:
        raise ValidationError(_("Jenis berkas tidak diterima; gunakan %(types)s.")
                              % {"types": ", ".join(sorted(t.upper() for t in allowed))})
    return upload


class RecordForm(forms.Form):
    title = forms.CharField(label=_("Judul"), max_length=500)
    subtitle = forms.CharField(label=_("Anak judul"), max_length=500, required=False)
    responsibility = forms.CharField(label=_("Pernyataan tanggung jawab"), max_length=500, required=False,
                                     help_text=_("Misalnya: disusun oleh Sekretariat KPU Kota Kediri"))
    authors_person = forms.CharField(label=_("Pengarang (orang)"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                     help_text=LINES_HELP)
    authors_organisation = forms.CharField(label=_("Pengarang (badan/lembaga)"), required=False,
                                           widget=forms.Textarea(attrs={"rows": 2}), help_text=LINES_HELP)
    publisher = forms.CharField(label=_("Penerbit"), max_length=255, required=False)
    place = forms.CharField(label=_("Tempat terbit"), max_length=120, required=False)
    year = IntegerField(label=_("Tahun terbit"), min_value=1900, max_value=2100, required=False)
    edition = forms.CharField(label=_("Edisi"), max_length=120, required=False)
    collation = forms.CharField(label=_("Kolasi"), max_length=255, required=False,
                                help_text=_("Misalnya: xii, 240 hlm. : ilus. ; 21 cm"))
    series = forms.CharField(label=_("Seri"), max_length=255, required=False)
    subjects = forms.CharField(label=_("Subjek"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                               help_text=LINES_HELP)
    language = forms.ChoiceField(label=_("Bahasa"), choices=Language.choices, initial=Language.INDONESIAN)
    election = forms.ChoiceField(label=_("Pemilu/pemilihan"), choices=Election.choices, initial=Election.NONE)
    election_stage = forms.CharField(label=_("Tahapan"), max_length=160, required=False)
    document_type = forms.ChoiceField(label=_("Jenis dokumen"), choices=DocumentType.choices)
    isbns = forms.CharField(label=_("ISBN"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=LINES_HELP)
    issns = forms.CharField(label=_("ISSN"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                            help_text=LINES_HELP)
    call_number = forms.CharField(label=_("Nomor panggil"), max_length=64, required=False)
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    cover = forms.FileField(label=_("Sampul (JPG/PNG)"), required=False)
    files_public = forms.BooleanField(label=_("Berkas boleh diunduh publik di OPAC"), required=False)

    @classmethod
    def for_record(cls, record: CatalogueRecord, **kwargs) -> RecordForm:
        initial = {field: getattr(record, field) for field in (
            "title", "subtitle", "responsibility", "publisher", "place", "year", "edition", "collation", "series",
            "language", "election", "election_stage", "document_type", "call_number", "notes", "files_public")}
        initial |= {
            "authors_person": "\n".join(a["name"] for a in record.authors if a["kind"] == "person"),
            "authors_organisation": "\n".join(a["name"] for a in record.authors if a["kind"] == "organisation"),
            "subjects": "\n".join(record.subjects), "isbns": "\n".join(record.isbns), "issns": "\n".join(record.issns),
        }
        return cls(initial=initial, **kwargs)

    def clean_isbns(self) -> list[str]:
        return [normalize_isbn(value) for value in _lines(self.cleaned_data["isbns"])]

    def clean_issns(self) -> list[str]:
        return [normalize_issn(value) for value in _lines(self.cleaned_data["issns"])]

    def clean_subjects(self) -> list[str]:
        return _lines(self.cleaned_data["subjects"])

    def clean_cover(self):
        upload = self.cleaned_data.get("cover")
        return _checked_upload(upload, {"jpg", "png"}) if upload else None

    def record_data(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        persons, organisations = _lines(data.pop("authors_person")), _lines(data.pop("authors_organisation"))
        data["authors"] = [{"name": n, "kind": "person"} for n in persons] + [
            {"name": n, "kind": "organisation"} for n in organisations]
        if not data.get("cover"):
            data.pop("cover", None)
        return data


class RecordFileForm(forms.Form):
    file = forms.FileField(label=_("Berkas PDF"))
    label = forms.CharField(label=_("Keterangan"), max_length=200, required=False)

    def clean_file(self):
        return _checked_upload(self.cleaned_data["file"], {"pdf"})


class ItemForm(forms.Form):
    inventory_code = forms.CharField(label=_("Kode inventaris"), max_length=64)
    location = forms.CharField(label=_("Lokasi"), max_length=160, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Item.Status.choices, initial=Item.Status.AVAILABLE)
    note = forms.CharField(label=_("Catatan"), max_length=255, required=False)


class PartForm(forms.Form):
    kind = forms.ChoiceField(label=_("Bagian"), choices=PartKind.choices)
    file = forms.FileField(label=_("Berkas (PDF, JPG atau PNG)"))

    def clean_file(self):
        return _checked_upload(self.cleaned_data["file"], {"pdf", "jpg", "png"})


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class AssignForm(forms.Form):
    isbn = forms.CharField(label=_("ISBN dari Perpusnas"), max_length=20)
    kdt = forms.CharField(label=_("KDT (Katalog Dalam Terbitan)"), widget=forms.Textarea(attrs={"rows": 4}))

    def clean_isbn(self) -> str:
        return normalize_isbn(self.cleaned_data["isbn"])


class DepositForm(forms.Form):
    deposit_on = DateField(label=_("Tanggal serah simpan"))
    note = forms.CharField(label=_("Keterangan (misalnya nomor tanda terima Perpusnas)"), max_length=255,
                           required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Berkas CSV, XLSX, MARCXML atau MARC21 (.mrc)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # MARCXML and MARC21 (.mrc) have no NUL byte and no binary signature: they count as text.
        check_upload(upload, max_bytes=settings.IMPORT_MAX_BYTES, kinds={"text", "xlsx"})
        return upload
