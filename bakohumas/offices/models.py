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
    `office_id` 0 stands for rows every office shows, such as periods). Triggers made by migration
    0003 keep it, so bulk imports and raw SQL count too; the home page's cache key includes it
    (bakohumas/offices/home_cache.py). Not a foreign key: 0 is no office, and a stamp may outlive one."""

    office_id = models.BigIntegerField(primary_key=True)
    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("versi data kantor")
        verbose_name_plural = _("versi data kantor")

    def __str__(self) -> str:
        return f"{self.office_id}: {self.version}"
