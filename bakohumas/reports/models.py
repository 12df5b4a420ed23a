from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bakohumas.core.periods import Quarter
from bakohumas.offices.models import Office


class FormVersion(models.Model):
    """A version of the quarterly form. Element codes are stable across versions, so values
    stored by code keep their meaning when a new version adds or relabels elements."""

    code = models.CharField(max_length=64, default="bakohumas-triwulan")
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    is_active = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="form_version_unique"),
            models.UniqueConstraint(fields=["code"], condition=Q(is_active=True), name="one_active_form_version"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (versi {self.version})"


class Element(models.Model):
    class Kind(models.TextChoices):
        BOOLEAN = "boolean", _("ya/tidak")
        INTEGER = "integer", _("bilangan bulat >= 0")
        TEXT = "text", _("teks")

    form = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="elements")
    code = models.SlugField(max_length=64)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    label = models.CharField(max_length=200)
    section = models.CharField(max_length=100, blank=True)
    help_text = models.CharField(max_length=300, blank=True)
    required = models.BooleanField(default=True)
    # The largest count an office can plausibly report for a quarter (integer elements): a typo like
    # 20000000 is caught at the field, with the limit in the message, instead of reaching the province.
    max_value = models.PositiveIntegerField(_("batas atas"), null=True, blank=True)
    order = models.PositiveIntegerField()

    class Meta:
        ordering = ["form", "order"]
        constraints = [
            models.UniqueConstraint(fields=["form", "code"], name="element_code_unique_in_form"),
            models.CheckConstraint(condition=Q(kind__in=["boolean", "integer", "text"]), name="element_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.code


class ElementRule(models.Model):
    """`left` <= `right`: e.g. ceremonial posts cannot outnumber all posts."""

    form = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="rules")
    left = models.SlugField(max_length=64)
    right = models.SlugField(max_length=64)
    message = models.CharField(max_length=300)

    def __str__(self) -> str:
        return f"{self.left} <= {self.right}"


class Period(models.Model):
    """A reporting quarter, keyed by its code (`2025Q2`), with a deadline that can be moved."""

    code = models.CharField(max_length=6, primary_key=True)
    start = models.DateField()
    end = models.DateField()
    deadline = models.DateField(_("batas waktu"))
    entry_closed = models.BooleanField(
        _("pengisian ditutup"), default=False,
        help_text=_("Jika ditutup, kantor tidak dapat membuat atau mengubah laporan sampai dibuka kembali."),
    )

    class Meta:
        ordering = ["-code"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="period_end_after_start"),
            # Codes sort as text in date order; the evaluation relies on it.
            models.CheckConstraint(condition=Q(code__regex=r"^20[0-9]{2}Q[1-4]$"), name="period_code_format"),
            models.CheckConstraint(condition=Q(deadline__gt=models.F("end")), name="period_deadline_after_end"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def quarter(self) -> Quarter:
        return Quarter.parse(self.code)

    @property
    def label(self) -> str:
        return self.quarter.label

    @property
    def has_started(self) -> bool:
        return self.quarter.has_started(timezone.localdate())


class SubmissionQuerySet(models.QuerySet["Submission"]):
    def visible_to(self, user) -> SubmissionQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))

    def reported(self) -> SubmissionQuerySet:
        return self.filter(status__in=Submission.REPORTED_STATUSES)


class Submission(models.Model):
    """One office's report for one period. Its current values are `values`; every submitted,
    imported, returned or verified state is kept as a `SubmissionVersion`."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Dikirim")
        RETURNED = "returned", _("Dikembalikan")
        VERIFIED = "verified", _("Terverifikasi")

    # A returned report has been sent once: the office has reported, the province wants a fix.
    REPORTED_STATUSES = (Status.SUBMITTED, Status.RETURNED, Status.VERIFIED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="submissions")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="submissions")
    form = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    reported_on = models.DateField(
        _("tanggal lapor"), null=True, blank=True,
        help_text=_("Tanggal laporan pertama kali dikirim (atau tanggal_lapor dari impor)."),
    )
    revision = models.PositiveIntegerField(default=1)
    # The file the report was last imported from (empty: entered on the report page). The report and
    # review pages say so, because an import by the province or KPU RI keeps the file's tanggal_lapor.
    imported_from = models.CharField(_("diimpor dari"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-period", "office"]
        constraints = [
            models.UniqueConstraint(fields=["office", "period"], name="one_report_per_office_per_period"),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted", "returned", "verified"]), name="submission_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(reported_on__isnull=False), name="reported_submission_has_date"
            ),
        ]
        indexes = [models.Index(fields=["office", "status", "period"], name="submission_office_status")]

    def __str__(self) -> str:
        return f"{self.office} — {self.period}"

    @property
    def is_reported(self) -> bool:
        return self.status in self.REPORTED_STATUSES

    @property
    def is_overdue(self) -> bool:
        """Not sent yet although the deadline has passed."""
        return not self.is_reported and timezone.localdate() > self.period.deadline

    @property
    def is_late(self) -> bool:
        return self.reported_on is not None and self.reported_on > self.period.deadline

    def value_map(self) -> dict[str, int | str | None]:
        """Values by element code: booleans and counts as int, text as str."""
        return {value.code: value.python_value for value in self.values.all()}

    def suggestion_map(self) -> dict[str, dict[str, int | str | None]]:
        """The suggestion behind each answer that had one, with the reason if it was changed."""
        return {value.code: value.suggestion_snapshot() for value in self.values.all() if value.has_suggestion}


class ReportValue(models.Model):
    """One answer: stored by element code, not by form layout (DHIS2-style), so history survives
    new form versions. Yes/no answers are stored as 1/0 so indicators compare numbers alike."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    code = models.SlugField(max_length=64)
    number = models.BigIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    evidence_url = models.URLField(_("tautan bukti"), blank=True, max_length=500)
    evidence_file = models.FileField(_("berkas bukti"), upload_to="bukti/%Y/%m/", blank=True, max_length=300)
    # The suggestion from the office's records as it stood when the value was saved, so the province
    # can see later which answers were accepted and which were changed, and why.
    suggested_number = models.BigIntegerField(_("nilai saran"), null=True, blank=True)
    suggestion_source = models.CharField(_("sumber saran"), max_length=200, blank=True)
    suggestion_url = models.CharField(_("tautan catatan sumber saran"), max_length=500, blank=True)
    override_reason = models.TextField(_("alasan berbeda dari saran"), blank=True)
    # Who last entered this answer and when (a draft is often filled by the operator and sent by the
    # Ketua, who is shown who entered what). Empty for values copied or imported.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("diisi oleh"),
    )
    entered_at = models.DateTimeField(_("diisi pada"), null=True, blank=True)

    class Meta:
        # A draft may hold an answer that differs from its suggestion without a reason yet: the
        # reason is asked of whoever sends the report (`submission_submit` refuses to send without).
        constraints = [
            models.UniqueConstraint(fields=["submission", "code"], name="one_value_per_element"),
            models.CheckConstraint(condition=Q(number__isnull=True) | Q(number__gte=0), name="value_not_negative"),
            models.CheckConstraint(
                condition=Q(suggested_number__isnull=False) | Q(override_reason="", suggestion_source=""),
                name="reason_needs_suggestion",
            ),
        ]
        # No (code, number) index: with it, SQLite without statistics reads every quarter's values
        # by code instead of the few reports being evaluated (see docs/benchmarks.md).

    def __str__(self) -> str:
        return f"{self.code} = {self.python_value}"

    @property
    def python_value(self) -> int | str | None:
        return self.number if self.number is not None else (self.text or None)

    @property
    def has_suggestion(self) -> bool:
        return self.suggested_number is not None

    @property
    def accepted(self) -> bool:
        """The operator kept the value suggested from the office's records."""
        return self.suggested_number is not None and self.number == self.suggested_number

    @property
    def overridden(self) -> bool:
        """The operator entered another value than the suggestion (with `override_reason`)."""
        return self.suggested_number is not None and self.number is not None and self.number != self.suggested_number

    def suggestion_snapshot(self) -> dict[str, int | str | None]:
        """What a `SubmissionVersion` keeps of the suggestion behind this value."""
        return {"value": self.suggested_number, "source": self.suggestion_source, "url": self.suggestion_url,
                "reason": self.override_reason}


class SubmissionVersion(models.Model):
    """A frozen copy of a report at each step of its workflow."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=16, choices=Submission.Status.choices)
    values = models.JSONField()
    # {code: {"value", "source", "url", "reason"}} for the answers that had a suggestion.
    suggestions = models.JSONField(default=dict, blank=True)
    reported_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["submission", "-number"]
        constraints = [models.UniqueConstraint(fields=["submission", "number"], name="version_number_unique")]

    def __str__(self) -> str:
        return f"{self.submission} v{self.number}"


class ReviewComment(models.Model):
    """The province's comment on a report as a whole (`code` empty) or on one answer."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="comments")
    version_number = models.PositiveIntegerField()
    code = models.SlugField(max_length=64, blank=True)
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.code or 'umum'}: {self.text[:40]}"
