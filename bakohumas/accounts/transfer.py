"""The CSV/XLSX of accounts (formats/akun.md sections 1 and 2): one parser for the web page and the
`bakohumas import-users` command. Parsing writes nothing; it checks every row and names each problem by
row (the header is row 1), column and reason, so the caller can refuse the whole file."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from bakohumas.accounts.management import ROLES_BY_LEVEL, assignable_roles, can_manage_account
from bakohumas.accounts.services_onboarding import phone_international
from bakohumas.core.spreadsheet import cell_value, csv_writer, new_workbook, workbook_bytes
from bakohumas.offices.models import Office, User

COLUMNS = ("kode_satker", "nama", "email", "nomor_whatsapp", "peran", "jabatan")
REQUIRED = ("kode_satker", "nama", "email", "peran")
NATIONAL_FILE_CODE = "00"  # KPU RI in the file; Office.NATIONAL_CODE ("ID") in the database
MAX_ROWS = 10_000
EXAMPLE_ROWS = (
    ("3571", "Rina Wulandari", "rina.wulandari@contoh.kpu.go.id", "081234567890", "operator", "Pelaksana"),
    ("3571", "Ahmad Fauzi", "ahmad.fauzi@contoh.kpu.go.id", "+6281298765432", "ketua", "Sekretaris"),
    ("35", "Dewi Lestari", "dewi.lestari@contoh.kpu.go.id", "", "evaluator", "Kasubbag Parmas dan SDM"),
)


@dataclass
class RowError:
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _("baris %(row)s, kolom %(column)s: %(reason)s") % {"row": self.row, "column": self.column or "-",
                                                                   "reason": self.reason}


@dataclass
class AccountRow:
    number: int
    office: Office
    name: str
    email: str
    phone: str
    role: str
    position: str
    existing: User | None = None

    @property
    def changes(self) -> dict[str, object]:
        """The fields an existing account would change to (empty: nothing to do)."""
        if self.existing is None:
            return {}
        new = {"first_name": self.name, "last_name": "", "phone": self.phone, "office_id": self.office.pk,
               "role": self.role, "position": self.position}
        return {key: value for key, value in new.items() if getattr(self.existing, key) != value}


@dataclass
class AccountImport:
    rows: list[AccountRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def new_rows(self) -> list[AccountRow]:
        return [row for row in self.rows if row.existing is None]

    @property
    def changed_rows(self) -> list[AccountRow]:
        return [row for row in self.rows if row.existing is not None and row.changes]


def _xlsx_cell(column: str, value: object) -> str:
    """A cell as text. A spreadsheet that took a phone number for a number dropped its leading 0 (or +):
    8123… is read back as 08123…, 628123… as +628123…"""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if column == "nomor_whatsapp" and isinstance(value, int):
        return "0" + text if text.startswith("8") else "+" + text if text.startswith("62") else text
    return text


def _table(content: bytes) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV (BOM tolerated; `,` `;` or tab) or of the first sheet of an XLSX, keyed by
    lower-case header."""
    if content[:2] == b"PK":
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            values = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        except Exception as exc:  # noqa: BLE001 - any damaged workbook is one readable error
            raise ValueError("unreadable workbook") from exc
        header = [str(cell or "").strip().lower() for cell in (values[0] if values else [])]
        rows = []
        for row in values[1:]:
            cells = [_xlsx_cell(header[i] if i < len(header) else "", v) for i, v in enumerate(row)]
            if any(cell.strip() for cell in cells):
                rows.append({header[i]: cells[i] for i in range(min(len(header), len(cells)))})
        return [{h: "" for h in header}, *rows]  # first: the header's columns
    text = content.decode("utf-8-sig")
    first = text.splitlines()[0] if text else ","
    delimiter = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter if first else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [name.strip().lower() for name in reader.fieldnames or []]
    reader.fieldnames = header
    return [{h: "" for h in header}] + [{k: v or "" for k, v in row.items() if k is not None} for row in reader
                                          if any((v or "").strip() for v in row.values() if isinstance(v, str))]


def parse_accounts(content: bytes, *, actor: User | None = None) -> AccountImport:
    """Check every row. With an `actor` (the web page), a row outside the actor's reach, or giving a role the
    actor may not give, is a row error too; the command (actor None) is the server's administrator."""
    result = AccountImport()
    try:
        header_row, *rows = _table(content)
    except (UnicodeDecodeError, csv.Error, ValueError, OSError, KeyError):
        result.errors.append(RowError(0, "", _("Berkas tidak dapat dibaca; gunakan CSV (UTF-8) atau XLSX.")))
        return result
    missing = [column for column in REQUIRED if column not in header_row]
    result.errors += [RowError(1, column, _("Kolom wajib tidak ada.")) for column in missing]
    if missing:
        return result
    if len(rows) > MAX_ROWS:
        result.errors.append(RowError(0, "", _("Paling banyak %(n)s baris per berkas.") % {"n": MAX_ROWS}))
        return result
    offices = {office.code: office for office in Office.objects.all()}
    emails = [cell_value((row.get("email") or "").strip()).lower() for row in rows]
    existing: dict[str, User] = {user.email_lower: user for user in User.objects.annotate(email_lower=Lower("email"))
                .filter(email_lower__in=[e for e in emails if e]).select_related("office")}
    seen: dict[str, int] = {}
    reach: dict[int, list[str]] = {}  # office pk -> the roles the actor may give there (one query per office)
    for number, row in enumerate(rows, start=2):
        parsed = _parse_row(number, row, offices, existing, seen, actor, reach, result.errors)
        if parsed is not None:
            result.rows.append(parsed)
    return result


def _reach(reach: dict[int, list[str]], actor: User, office: Office) -> list[str]:
    if office.pk not in reach:
        reach[office.pk] = assignable_roles(actor, office)
    return reach[office.pk]


def _parse_row(number: int, row: dict[str, str], offices: dict[str, Office], existing: dict[str, User],
               seen: dict[str, int], actor: User | None, reach: dict[int, list[str]],
               errors: list[RowError]) -> AccountRow | None:
    values = {column: cell_value((row.get(column) or "").strip()) for column in COLUMNS}
    problems = [RowError(number, column, _("Wajib diisi.")) for column in REQUIRED if not values[column]]
    code = values["kode_satker"]
    # "00" is KPU RI; a spreadsheet that took the column for numbers shows it as "0".
    office = offices.get(Office.NATIONAL_CODE if code in (NATIONAL_FILE_CODE, "0") else code)
    if code and office is None:
        problems.append(RowError(number, "kode_satker", _("Satuan kerja %(code)s tidak dikenal.") % {"code": code}))
    role = values["peran"]
    if role and role not in User.Role.values:
        problems.append(RowError(number, "peran", _("Peran tidak dikenal; pilih salah satu dari %(roles)s.")
                                 % {"roles": ", ".join(User.Role.values)}))
    elif role and office is not None and role not in ROLES_BY_LEVEL[office.level]:
        problems.append(RowError(number, "peran", _("%(office)s tidak memiliki peran %(role)s.")
                                 % {"office": office, "role": role}))
    elif role and office is not None and actor is not None and role not in _reach(reach, actor, office):
        problems.append(RowError(number, "peran", _("Anda tidak dapat memberikan peran %(role)s di %(office)s.")
                                 % {"office": office, "role": role}))
    email = values["email"]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(RowError(number, "email", _("Alamat e-mail tidak valid.")))
        if email.lower() in seen:
            problems.append(RowError(number, "email", _("Alamat e-mail ini sudah ada di baris %(row)s.")
                                     % {"row": seen[email.lower()]}))
        seen.setdefault(email.lower(), number)
    account = existing.get(email.lower()) if email else None
    if account is not None and actor is not None and not can_manage_account(actor, account):
        problems.append(RowError(number, "email", _("Akun dengan alamat e-mail ini di luar kewenangan Anda.")))
    phone = phone_international(values["nomor_whatsapp"])
    if phone is None:
        problems.append(RowError(number, "nomor_whatsapp", _("Nomor WhatsApp harus diawali 08 atau +628.")))
    if len(values["nama"]) > 150:
        problems.append(RowError(number, "nama", _("Paling banyak 150 karakter.")))
    if len(values["jabatan"]) > 120:
        problems.append(RowError(number, "jabatan", _("Paling banyak 120 karakter.")))
    if problems or office is None or phone is None:
        errors.extend(problems)
        return None
    return AccountRow(number=number, office=office, name=values["nama"], email=email, phone=phone, role=role,
                      position=values["jabatan"], existing=account)


def template_csv() -> str:
    out = io.StringIO()
    writer = csv_writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(EXAMPLE_ROWS)
    return out.getvalue()


def template_xlsx() -> bytes:
    book = new_workbook()
    sheet = book.active
    sheet.title = "akun"
    sheet.append(list(COLUMNS))
    for row in EXAMPLE_ROWS:
        sheet.append(list(row))
    return workbook_bytes(book)


def error_lines(errors: Iterable[RowError]) -> list[str]:
    return [str(error) for error in errors]
