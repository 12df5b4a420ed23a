from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from collections.abc import Iterable


class OfficeQuerySet(models.QuerySet["Office"]):
    def visible_to(self, user) -> OfficeQuerySet:
        """Rule 1: kab/kota sees itself; a province itself and its kab/kota; KPU RI everything."""
        office = getattr(user, "office", None) if getattr(user, "is_authenticated", False) else None
        if office is None:
            return self.all() if getattr(user, "is_superuser", False) else self.none()
        if office.level == Office.Level.NATIONAL:
            return self.all()
        if office.level == Office.Level.PROVINCE:
            return self.filter(Q(pk=office.pk) | Q(parent=office))
        return self.filter(pk=office.pk)

    def regencies(self) -> OfficeQuerySet:
        return self.filter(level=Office.Level.REGENCY)

    def provinces(self) -> OfficeQuerySet:
        return self.filter(level=Office.Level.PROVINCE)

    def in_region(self, region: Office | None) -> OfficeQuerySet:
        """Kab/kota offices within a region: the nation (None or KPU RI), a province, or one office."""
        offices = self.regencies()
        if region is None or region.level == Office.Level.NATIONAL:
            return offices
        if region.level == Office.Level.PROVINCE:
            return offices.filter(parent=region)
        return offices.filter(pk=region.pk)


class Office(models.Model):
    """One KPU office (satuan kerja). Identified in URLs and files by its Kemendagri region
    code (`35`, `3571`); KPU RI has the code `ID`."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("KPU RI")
        PROVINCE = "province", _("KPU Provinsi")
        REGENCY = "regency", _("KPU Kabupaten/Kota")

    NATIONAL_CODE = "ID"

    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(_("nama satker"), max_length=160)
    region_name = models.CharField(_("nama wilayah"), max_length=120)
    level = models.CharField(max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    operators_may_submit = models.BooleanField(
        _("operator boleh mengirim laporan"),
        default=False,
        help_text=_("Jika dicentang, operator humas dapat mengirim laporan tanpa Ketua Bakohumas."),
    )

    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("satuan kerja")
        verbose_name_plural = _("satuan kerja")
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=["national", "province", "regency"]), name="office_level_valid"
            ),
            models.CheckConstraint(
                condition=Q(level="national", parent__isnull=True) | (~Q(level="national") & Q(parent__isnull=False)),
                name="office_parent_matches_level",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_regency(self) -> bool:
        return self.level == self.Level.REGENCY

    @property
    def is_province(self) -> bool:
        return self.level == self.Level.PROVINCE

    @property
    def is_national(self) -> bool:
        return self.level == self.Level.NATIONAL

    @property
    def province(self) -> Office | None:
        if self.is_province:
            return self
        return self.parent if self.is_regency else None

    def oversees(self, other: Office) -> bool:
        """True if this office is `other` or above it in the hierarchy."""
        if self.is_national or self.pk == other.pk:
            return True
        return self.is_province and other.parent_id == self.pk


class User(AbstractUser):
    class Role(models.TextChoices):
        OPERATOR = "operator", _("Operator humas")
        KETUA = "ketua", _("Ketua Bakohumas")
        PIMPINAN = "pimpinan", _("Pimpinan")
        EVALUATOR = "evaluator", _("Evaluator provinsi")
        HUMAS_RI = "humas_ri", _("Humas KPU RI")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(
        Office, null=True, blank=True, on_delete=models.PROTECT, related_name="users",
        verbose_name=_("satuan kerja"),
    )
    role = models.CharField(_("peran"), max_length=16, choices=Role.choices, blank=True)
    phone = models.CharField(_("nomor WhatsApp"), max_length=32, blank=True)
    position = models.CharField(_("jabatan"), max_length=120, blank=True,
                                help_text=_("Misalnya Sekretaris atau Kasubbag Parmas dan SDM."))

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            # One account per e-mail address, whatever its case (formats/akun.md section 1).
            models.UniqueConstraint(Lower("email"), condition=~Q(email=""), name="user_email_unique_ci"),
            models.CheckConstraint(
                condition=Q(role="") | Q(role__in=["operator", "ketua", "pimpinan", "evaluator", "humas_ri"]),
                name="user_role_valid",
            ),
            models.CheckConstraint(
                condition=Q(role="") | Q(office__isnull=False), name="user_role_needs_office"
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def has_role(self, *roles: Iterable[str]) -> bool:
        return self.role in roles

    def can_edit_report_of(self, office: Office) -> bool:
        return self.office_id == office.pk and self.role in (self.Role.OPERATOR, self.Role.KETUA)

    def can_submit_report_of(self, office: Office) -> bool:
        if self.office_id != office.pk:
            return False
        return self.role == self.Role.KETUA or (self.role == self.Role.OPERATOR and office.operators_may_submit)

    def can_verify_report_of(self, office: Office) -> bool:
        """The province's evaluators verify their kab/kota; KPU RI's humas may step in anywhere."""
        if self.office is None:
            return False
        if self.role == self.Role.EVALUATOR:
            return office.parent_id == self.office_id
        return self.role == self.Role.HUMAS_RI and self.office.is_national

    def can_import_reports_for(self, office: Office) -> bool:
        return self.can_verify_report_of(office) or self.can_edit_report_of(office)

    def can_edit_profile_of(self, office: Office) -> bool:
        """The office profile (letterhead, PPID, signatories, letter numbering) is the office's own
        Ketua Bakohumas's to keep: it goes on every letter the office signs."""
        return self.office_id == office.pk and self.role == self.Role.KETUA

    def can_manage_positions_of(self, office: Office) -> bool:
        if self.office is None:
            return False
        if self.office_id == office.pk:
            return self.role == self.Role.KETUA
        return self.role in (self.Role.EVALUATOR, self.Role.HUMAS_RI) and self.office.oversees(office)


class PositionTerm(models.Model):
    """Who held a position at an office and when, with the note left for the next holder."""

    class Position(models.TextChoices):
        KETUA_BAKOHUMAS = "ketua_bakohumas", _("Ketua Bakohumas (Sekretaris)")
        OPERATOR_HUMAS = "operator_humas", _("Operator humas")
        PPID = "ppid", _("PPID pelaksana")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="position_terms")
    position = models.CharField(_("jabatan"), max_length=32, choices=Position.choices)
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="position_terms"
    )
    holder_name = models.CharField(_("nama pemegang jabatan"), max_length=150)
    contact = models.CharField(_("kontak"), max_length=150, blank=True)
    started_on = models.DateField(_("mulai menjabat"))
    ended_on = models.DateField(_("selesai menjabat"), null=True, blank=True)
    handover_note = models.TextField(_("catatan serah terima"), blank=True)

    class Meta:
        ordering = ["office", "position", "-started_on"]
        verbose_name = _("masa jabatan")
        verbose_name_plural = _("masa jabatan")
        constraints = [
            models.UniqueConstraint(
                fields=["office"],
                condition=Q(position="ketua_bakohumas", ended_on__isnull=True),
                name="one_current_ketua_bakohumas_per_office",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="position_term_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_position_display()} {self.office}: {self.holder_name}"


class OfficeStamp(models.Model):
    """A counter per office that the database itself increments on every insert, update or delete of
    a row the office's home page shows (reports, records, position terms, the office and its users;
    `office_id` 0 stands for rows every office shows, such as periods). Triggers made after every
    migrate keep it (bakohumas/offices/stamps.py), so bulk imports and raw SQL count too; the home
    page's cache key includes it
    (bakohumas/offices/home_cache.py). Not a foreign key: 0 is no office, and a stamp may outlive one."""

    office_id = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("versi data kantor")
        verbose_name_plural = _("versi data kantor")

    def __str__(self) -> str:
        return f"{self.office_id}: {self.version}"


def validate_nip(value: str) -> None:
    """A civil servant's NIP: 18 digits, of which the first 8 are a birth date (YYYYMMDD), the next 6
    the month of appointment (YYYYMM) and the 15th the sex (1 or 2). No library knows the NIP
    (python-stdnum has the NIK, not the NIP), so the format is checked here."""
    import datetime as dt

    from django.core.exceptions import ValidationError

    message = _("NIP harus 18 angka (tanggal lahir, TMT pengangkatan, jenis kelamin, nomor urut).")
    if not (len(value) == 18 and value.isascii() and value.isdigit()):
        raise ValidationError(message, code="nip")
    try:
        dt.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise ValidationError(message, code="nip") from None
    if not 1 <= int(value[12:14]) <= 12 or value[14] not in "12":
        raise ValidationError(message, code="nip")


class OfficeProfile(models.Model):
    """What every letter and document of an office prints: the letterhead, the PPID officer and the
    atasan PPID, and how the office numbers its letters. Edited by the office's Ketua Bakohumas;
    read through bakohumas.offices.letterhead (docs/office-profile.md)."""

    DEFAULT_PATTERN = "{nomor}/PP.05-SD/{kode}/{tahun}"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.OneToOneField(Office, on_delete=models.CASCADE, related_name="profile")
    full_name = models.CharField(_("nama lengkap kantor pada kop surat"), max_length=200,
                                 help_text=_("Misalnya KOMISI PEMILIHAN UMUM KOTA KEDIRI."))
    address = models.CharField(_("alamat"), max_length=300, blank=True)
    phone = models.CharField(_("telepon"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("situs web"), max_length=200, blank=True)
    city = models.CharField(_("tempat penandatanganan"), max_length=80, blank=True,
                            help_text=_("Kota yang ditulis sebelum tanggal surat, misalnya Kediri."))
    logo = models.FileField(_("logo"), upload_to="offices/logo/", blank=True, max_length=300)
    ppid_name = models.CharField(_("nama PPID"), max_length=150, blank=True)
    ppid_nip = models.CharField(_("NIP PPID"), max_length=18, blank=True, validators=[validate_nip])
    ppid_position = models.CharField(_("jabatan PPID"), max_length=150, blank=True,
                                     help_text=_("Misalnya Sekretaris KPU Kota Kediri selaku PPID."))
    atasan_name = models.CharField(_("nama atasan PPID"), max_length=150, blank=True)
    atasan_nip = models.CharField(_("NIP atasan PPID"), max_length=18, blank=True, validators=[validate_nip],
                                  help_text=_("Kosongkan bila atasan PPID bukan pegawai negeri (misalnya Ketua KPU)."))
    atasan_position = models.CharField(_("jabatan atasan PPID"), max_length=150, blank=True,
                                       help_text=_("Misalnya Ketua KPU Kota Kediri selaku Atasan PPID."))
    letter_code = models.CharField(_("kode kantor pada nomor surat"), max_length=40, blank=True,
                                   help_text=_("Mengisi {kode} pada pola nomor surat; kosong: kode wilayah kantor."))
    letter_number_pattern = models.CharField(
        _("pola nomor surat"), max_length=120, default=DEFAULT_PATTERN,
        help_text=_("Wajib memuat {nomor}. Juga tersedia {nomor3} (tiga digit), {kode}, {kode_wilayah}, "
                    "{bulan} (angka Romawi) dan {tahun}."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil kantor")
        verbose_name_plural = _("profil kantor")
        constraints = [
            models.CheckConstraint(condition=Q(ppid_nip="") | Q(ppid_nip__regex=r"^[0-9]{18}$"),
                                   name="office_profile_ppid_nip_18"),
            models.CheckConstraint(condition=Q(atasan_nip="") | Q(atasan_nip__regex=r"^[0-9]{18}$"),
                                   name="office_profile_atasan_nip_18"),
            models.CheckConstraint(condition=Q(letter_number_pattern__contains="{nomor"),
                                   name="office_profile_pattern_has_number"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        from bakohumas.offices.numbering import validate_pattern

        validate_pattern(self.letter_number_pattern)


class Signatory(models.Model):
    """Someone who signs the office's letters (Ketua, Sekretaris, a Kasubbag), in the order offered."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(_("nama"), max_length=150)
    nip = models.CharField(_("NIP"), max_length=18, blank=True, validators=[validate_nip],
                           help_text=_("18 angka; kosongkan untuk anggota KPU yang bukan pegawai negeri."))
    position = models.CharField(_("jabatan"), max_length=150)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["office", "order", "name"]
        verbose_name = _("penanda tangan")
        verbose_name_plural = _("penanda tangan")
        constraints = [
            models.CheckConstraint(condition=Q(nip="") | Q(nip__regex=r"^[0-9]{18}$"), name="signatory_nip_18"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.position})"


class LetterNumber(models.Model):
    """One letter number given out: per office and per year, 1, 2, 3... with no number twice (the
    constraint holds even when two requests ask at the same instant; see offices.numbering)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="letter_numbers")
    year = models.PositiveSmallIntegerField(_("tahun"))
    number = models.PositiveIntegerField(_("nomor urut"))
    formatted = models.CharField(_("nomor surat"), max_length=160)
    purpose = models.CharField(_("keperluan"), max_length=200, blank=True)
    issued_on = models.DateField(_("tanggal"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["office", "-year", "-number"]
        verbose_name = _("nomor surat")
        verbose_name_plural = _("nomor surat")
        constraints = [
            models.UniqueConstraint(fields=["office", "year", "number"], name="letter_number_unique_per_office_year"),
            models.CheckConstraint(condition=Q(number__gte=1), name="letter_number_positive"),
        ]

    def __str__(self) -> str:
        return self.formatted
