"""Import of an office's existing lists (partnerships, channels) from CSV or XLSX, with the same
behaviour as the report import: the whole file is checked first, each problem named by row
(the header is row 1), column and reason in Indonesian; one problem anywhere means nothing is
written. Rows are validated by the same forms as the web pages.

A row that matches a record the office already has (a channel by kind + name, a partnership by
partner name + signing date, both ignoring case) updates it; the preview says which, and which
columns change. On such a row a blank cell leaves the stored value as it is: a spreadsheet with gaps
must not, say, make a partnership open-ended (and so counted in later quarters' suggestions).

Reading stops after MAX_ROWS rows and MAX_COLUMNS columns: a small XLSX can describe millions of
rows, and nothing past the limit is needed to say the file is too long."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from itertools import islice
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from bakohumas.core.spreadsheet import cell_value
from bakohumas.offices.models import Office
from bakohumas.records.forms import ChannelForm, PartnershipForm
from bakohumas.records.models import Channel, Partnership
from bakohumas.records.services import channel_create, channel_update, partnership_create, partnership_update

MAX_ROWS = 2000
MAX_COLUMNS = 50
KINDS = ("partnerships", "channels")


@dataclass(frozen=True)
class Spec:
    columns: dict[str, str]  # column -> form field
    required: tuple[str, ...]
    form_class: type
    model: type[Model]


SPECS = {
    "channels": Spec(
        columns={"jenis": "kind", "nama_akun": "handle", "tautan": "url", "aktif_sejak": "active_since",
                 "aktif_sampai": "active_until", "pengelola": "managed_by", "catatan": "notes"},
        required=("jenis", "nama_akun"), form_class=ChannelForm, model=Channel),
    "partnerships": Spec(
        columns={"nama_mitra": "partner_name", "jenis_mitra": "partner_type", "bentuk": "form", "nomor": "number",
                 "ruang_lingkup": "scope", "tanggal_tanda_tangan": "signed_on", "berlaku_sampai": "valid_until",
                 "catatan": "notes"},
        required=("nama_mitra", "jenis_mitra", "bentuk", "tanggal_tanda_tangan"), form_class=PartnershipForm,
        model=Partnership),
}

# Words people write in existing spreadsheets, mapped to the stored codes.
ALIASES = {
    "kind": {"twitter": "x", "x_twitter": "x", "ig": "instagram", "fb": "facebook", "yt": "youtube",
             "web": "website", "situs": "website", "wa_bakohumas": "wa_bakohumas_eksternal",
             "grup_wa_bakohumas": "wa_bakohumas_eksternal", "grup_wa_media_center": "wa_media_center",
             "wa_media": "wa_media_center", "mediacenter": "media_center"},
    "partner_type": {"lembaga_pendidikan": "pendidikan", "perguruan_tinggi": "pendidikan", "kampus": "pendidikan",
                     "sekolah": "pendidikan", "lembaga_pemerintah": "pemerintah", "instansi_pemerintah": "pemerintah",
                     "non-pemerintah": "non_pemerintah", "nonpemerintah": "non_pemerintah",
                     "lembaga_non_pemerintah": "non_pemerintah", "ormas": "non_pemerintah", "lsm": "non_pemerintah",
                     "pers": "media"},
    "form": {"nota_kesepahaman": "mou", "perjanjian_kerja_sama": "pks", "tanpa_naskah": "informal"},
}
CHOICES = {
    "kind": {value for value, _label in Channel.Kind.choices},
    "partner_type": {value for value, _label in Partnership.PartnerType.choices},
    "form": {value for value, _label in Partnership.Form.choices},
}
DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _("baris %(row)s, kolom %(column)s: %(reason)s") % {
            "row": self.row, "column": self.column or "-", "reason": self.reason}


@dataclass
class ImportRow:
    row: int
    label: str
    data: dict[str, Any]
    existing: Any = None
    change: str = "baru"  # baru / diperbarui / sama
    changed_columns: list[str] = field(default_factory=list)  # of a "diperbarui" row


@dataclass
class ParsedRecords:
    kind: str
    rows: list[ImportRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def counts(self) -> dict[str, int]:
        out = {"baru": 0, "diperbarui": 0, "sama": 0}
        for row in self.rows:
            out[row.change] += 1
        return out


class UnreadableFile(ValueError):
    pass


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(content: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of a CSV (UTF-8, `,` `;` or tab) or XLSX file, told apart by their bytes.

    At most MAX_ROWS + 1 rows are read (one more than allowed, to tell that the file is too long)
    and at most MAX_COLUMNS columns; a wider header is refused."""
    if content[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as exc:  # noqa: BLE001 - any reader failure is one readable error
            raise UnreadableFile(_("Berkas XLSX tidak dapat dibaca.")) from exc
        if sheet is None:
            raise UnreadableFile(_("Berkas XLSX tidak memiliki lembar kerja."))
        try:
            values = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1)
            header = _header([_text(cell) for cell in next(values, ())], trim=True)
            rows = [{header[i]: _text(v) for i, v in enumerate(row) if i < len(header)}
                    for row in islice(values, MAX_ROWS + 1)]
        except UnreadableFile:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged sheet is one readable error
            raise UnreadableFile(_("Berkas XLSX tidak dapat dibaca.")) from exc
        return header, rows
    if b"\x00" in content[:4096]:
        raise UnreadableFile(_("Berkas ini bukan CSV atau XLSX (berisi data biner)."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(_("Berkas bukan teks UTF-8. Simpan ulang sebagai CSV UTF-8 atau XLSX.")) from None
    first_line = text.splitlines()[0] if text.strip() else ""
    try:
        delimiter = csv.Sniffer().sniff(first_line, delimiters=",;\t").delimiter if first_line else ","
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = _header(next(reader, []), trim=False)
        rows = []
        for values in islice(reader, MAX_ROWS + 1):
            row = {header[i]: v for i, v in enumerate(values) if i < len(header)}
            if len(values) > len(header) and any(v.strip() for v in values[len(header):]):
                row["\x00extra"] = "1"
            rows.append(row)
    except csv.Error:  # a cell longer than the csv module allows, e.g. after an unclosed quote
        raise UnreadableFile(_("Berkas CSV tidak dapat dibaca: ada sel yang terlalu panjang atau tanda kutip "
                               "yang tidak ditutup.")) from None
    return header, rows


def _header(cells: list[str], *, trim: bool) -> list[str]:
    """Column names; `trim` drops blank cells at the end (a sheet's formatting reaches past the data)."""
    header = [cell.strip().lower() for cell in cells]
    named = len(header)
    while named and not header[named - 1]:
        named -= 1
    if named > MAX_COLUMNS:
        raise UnreadableFile(_("Terlalu banyak kolom (maks %(n)s).") % {"n": MAX_COLUMNS})
    return header[:named] if trim else header


def _choice(form_field: str, raw: str) -> str:
    key = raw.strip().lower().replace(" ", "_")
    if key in CHOICES[form_field]:
        return key
    alias = ALIASES[form_field].get(key) or ALIASES[form_field].get(key.replace("-", "_"))
    if alias:
        return alias
    return key.replace("-", "_") if key.replace("-", "_") in CHOICES[form_field] else raw.strip()


def _date_text(raw: str) -> str:
    match = DMY.match(raw.strip())
    if match:  # 17/07/2025: Indonesian spreadsheets write the day first
        day, month, year = match.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return raw.strip()[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[ T]00:00:00$", raw.strip()) else raw.strip()


def _form_data(spec: Spec, header: list[str], raw: dict[str, str]) -> dict[str, str]:
    data = {}
    for column in header:
        form_field = spec.columns.get(column)
        if form_field is None:
            continue
        value = cell_value((raw.get(column) or "").strip())
        if form_field in CHOICES and value:
            value = _choice(form_field, value)
        elif form_field in ("active_since", "active_until", "signed_on", "valid_until") and value:
            value = _date_text(value)
        data[form_field] = value
    return data


def _key(kind: str, data: dict[str, Any]) -> tuple:
    if kind == "channels":
        return (data["kind"], data["handle"].strip().lower())
    return (data["partner_name"].strip().lower(), data["signed_on"])


def _label(kind: str, data: dict[str, Any]) -> str:
    if kind == "channels":
        return f"{Channel.Kind(data['kind']).label} {data['handle']}"
    return f"{data['partner_name']} ({data['signed_on']:%Y-%m-%d})"


def parse_records_file(content: bytes, *, kind: str, office: Office) -> ParsedRecords:
    """Check a whole file for `office`; nothing is written."""
    if kind not in SPECS:
        raise ValueError(f"unknown kind {kind!r}")
    spec = SPECS[kind]
    result = ParsedRecords(kind)
    try:
        header, rows = read_table(content)
    except UnreadableFile as exc:
        result.errors.append(RowError(1, "", str(exc)))
        return result
    if not any(header):
        result.errors.append(RowError(1, "", _("Berkas kosong atau tidak memiliki baris judul (header).")))
        return result
    for column in spec.required:
        if column not in header:
            result.errors.append(RowError(1, column, _("Kolom wajib tidak ada di baris judul.")))
    for column in sorted({c for c in header if c and c not in spec.columns}):
        result.errors.append(RowError(1, column, _("Kolom tidak dikenal.")))
    for column in sorted({c for c in header if c and header.count(c) > 1}):
        result.errors.append(RowError(1, column, _("Kolom muncul lebih dari sekali.")))
    if result.errors:
        return result
    if len(rows) > MAX_ROWS:  # the first row past the limit (the header is row 1)
        result.errors.append(RowError(MAX_ROWS + 2, "", _("Terlalu banyak baris (maks %(n)s).") % {"n": MAX_ROWS}))
        return result
    field_column = {form_field: column for column, form_field in spec.columns.items()}
    existing = _existing(kind, office)
    seen: dict[tuple, int] = {}
    for number, raw in enumerate(rows, start=2):
        if not any((v or "").strip() for k, v in raw.items() if k != "\x00extra"):
            continue  # a blank line, common at the end of spreadsheets
        if "\x00extra" in raw:
            result.errors.append(RowError(number, "", _("Baris ini memiliki lebih banyak kolom daripada baris judul.")))
            continue
        data = _form_data(spec, header, raw)
        form = spec.form_class(data=data)
        if not form.is_valid():
            for form_field, messages in form.errors.items():
                column = field_column.get(form_field, "")
                result.errors.extend(RowError(number, column, str(m)) for m in messages)
            continue
        cleaned = {name: value for name, value in form.cleaned_data.items() if name in data}
        key = _key(kind, cleaned)
        if key in seen:
            column = "nama_akun" if kind == "channels" else "nama_mitra"
            result.errors.append(RowError(number, column, _("Sama dengan baris %(row)s.") % {"row": seen[key]}))
            continue
        seen[key] = number
        match = existing.get(key)
        change, changed_columns = "baru", []
        if match is not None:
            # Updating: a blank cell leaves the stored value alone (required columns are never blank).
            cleaned = {name: value for name, value in cleaned.items() if data[name] != ""}
            changed_columns = [field_column[k] for k, v in cleaned.items() if getattr(match, k) != v]
            change = "diperbarui" if changed_columns else "sama"
        result.rows.append(ImportRow(number, _label(kind, cleaned), cleaned, match, change, changed_columns))
    return result


def _existing(kind: str, office: Office) -> dict[tuple, Any]:
    if kind == "channels":
        return {(c.kind, c.handle.strip().lower()): c for c in Channel.objects.filter(office=office)}
    return {(p.partner_name.strip().lower(), p.signed_on): p for p in Partnership.objects.filter(office=office)}


@transaction.atomic
def records_import(parsed: ParsedRecords, *, office: Office, actor: Any, source: str) -> dict[str, int]:
    """Write a checked file: every row or none."""
    if parsed.errors:
        raise ValueError("An import with errors cannot be written.")
    note = _("impor %(source)s") % {"source": source}
    for row in parsed.rows:
        if row.change == "sama":
            continue
        if parsed.kind == "channels":
            if row.existing is None:
                channel_create(office=office, actor=actor, data=row.data, note=note)
            else:
                channel_update(channel=row.existing, actor=actor, data=row.data, note=note)
        elif row.existing is None:
            partnership_create(office=office, actor=actor, data=row.data, note=note)
        else:
            partnership_update(partnership=row.existing, actor=actor, data=row.data, note=note)
    return parsed.counts()
