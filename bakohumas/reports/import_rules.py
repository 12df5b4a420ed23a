"""Who may import what (issue 15, contract section 6). A row of a report import does only what the
person importing could do without the file:

- `ADMIN`, the command line `import-reports`: the administrators' migration tool, contract section 2
  as written: tanggal_lapor from the file, a row replaces any report (the old state kept as a version).
- `REGION`, a province evaluator or KPU RI on the web, migrating the historical reports of the offices
  they verify: tanggal_lapor from the file, reports arrive sent and say "Diimpor dari <berkas>"; what
  an office has sent (or had verified) is not overwritten (it is returned instead), and a period whose
  entry is closed takes no rows (KPU RI reopens it first, which is audited).
- `OFFICE`, a kab/kota's operator or ketua on the web: the rules of the office's entry page. Rows
  become drafts, sent only when asked by someone who may send; a sent or verified report is not
  replaced; a closed period takes no rows; an answer that differs from the office's records needs a
  reason (column `<kode>__alasan`); tanggal_lapor is the server's date when the report is sent, the
  file's column is not used.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from django.utils.translation import gettext as _

from bakohumas.offices.models import Office, User
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.suggestions import Suggestion, suggestions_for


class ImportMode(enum.Enum):
    ADMIN = "admin"
    REGION = "region"
    OFFICE = "office"


@dataclass(frozen=True)
class ImportPolicy:
    mode: ImportMode
    user: User | None = None
    submit: bool = False  # OFFICE only: send the imported reports (needs the right to send)

    @property
    def keeps_file_dates(self) -> bool:
        return self.mode is not ImportMode.OFFICE

    def refuse_office(self, office: Office) -> str | None:
        """Why this person may not import a report of `office`, or None."""
        if self.mode is ImportMode.ADMIN:
            return None
        assert self.user is not None
        allowed = (self.user.can_verify_report_of(office) if self.mode is ImportMode.REGION
                   else self.user.can_edit_report_of(office))
        if not allowed:
            return _("Anda tidak berwenang mengimpor laporan %(office)s.") % {"office": office.name}
        if self.mode is ImportMode.OFFICE and self.submit and not self.user.can_submit_report_of(office):
            return _("Anda tidak berhak mengirim laporan %(office)s; laporan dikirim oleh Ketua Bakohumas. "
                     "Impor tanpa mencentang “Kirim laporan sesudah diimpor” agar tersimpan sebagai draf.") % {"office": office.name}
        return None

    def suggestions(self, office: Office, period: Period) -> dict[str, Suggestion]:
        """The suggestions the entry page would show (an answer that differs needs a reason)."""
        return suggestions_for(office, period) if self.mode is ImportMode.OFFICE else {}

    def refuse_write(self, *, period: Period | None, existing: Submission | None) -> tuple[str, str] | None:
        """The column and the reason why a row that changes a report may not be written, or None."""
        if self.mode is ImportMode.ADMIN:
            return None
        if period is not None and period.entry_closed:
            return "periode", _("Pengisian laporan periode ini sudah ditutup oleh KPU RI; baris ini tidak dapat "
                                "diimpor.")
        if existing is None:
            return None
        if existing.status == Submission.Status.VERIFIED:
            return "kode_satker", _("Laporan ini sudah diverifikasi dan terkunci; impor tidak dapat menggantinya.")
        if existing.status == Submission.Status.SUBMITTED:
            if self.mode is ImportMode.REGION:  # what the office sent is verified or returned, not overwritten
                return "kode_satker", _("Laporan ini sudah dikirim oleh kantornya dan tidak dapat diganti melalui "
                                        "impor; kembalikan laporan itu bila perlu diperbaiki.")
            return "kode_satker", _("Laporan ini sudah dikirim dan tidak dapat diganti melalui impor; "
                                    "KPU Provinsi dapat mengembalikannya bila perlu diperbaiki.")
        return None

    def result_status(self) -> str:
        """The status the imported reports get."""
        if self.mode is ImportMode.OFFICE and not self.submit:
            return Submission.Status.DRAFT
        return Submission.Status.SUBMITTED


ADMIN_POLICY = ImportPolicy(ImportMode.ADMIN)


def import_policy_for(user: User, *, submit: bool = False) -> ImportPolicy:
    """The web import's rules for this user (the view lets only these roles import)."""
    if user.role in (User.Role.EVALUATOR, User.Role.HUMAS_RI):
        return ImportPolicy(ImportMode.REGION, user)
    return ImportPolicy(ImportMode.OFFICE, user, submit=submit)
