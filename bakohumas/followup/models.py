"""Follow-up of an evaluation: the actions a province agrees with an office (rencana tindak lanjut),
due in a later quarter, and the log of reminders sent to offices that owe a quarterly report."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bakohumas.offices.models import Office
from bakohumas.reports.models import Period


class ActionQuerySet(models.QuerySet["Action"]):
    def visible_to(self, user) -> ActionQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))

    def open(self) -> ActionQuerySet:
        return self.exclude(status=Action.Status.DONE)


class Action(models.Model):
    """An agreed action for one kab/kota office, due by the end of a quarter. The office reports
    progress and marks it done; the province (or KPU RI) may also mark it done or reopen it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Belum dimulai")
        IN_PROGRESS = "in_progress", _("Sedang berjalan")
        DONE = "done", _("Selesai")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="followup_actions",
                               verbose_name=_("satuan kerja"))
    text = models.TextField(_("tindak lanjut yang disepakati"))
    indicator = models.ForeignKey("evaluation.Indicator", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("indikator terkait"))
    agreed_period = models.ForeignKey(Period, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                      verbose_name=_("disepakati pada evaluasi"))
    due_period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="followup_actions_due",
                                   verbose_name=_("tenggat (triwulan)"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.OPEN)
    progress_note = models.TextField(_("catatan kemajuan"), blank=True)
    done_on = models.DateField(_("tanggal selesai"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_period", "office", "created_at"]
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["open", "in_progress", "done"]),
                                   name="followup_action_status_valid"),
            models.CheckConstraint(condition=Q(status="done", done_on__isnull=False)
                                   | (~Q(status="done") & Q(done_on__isnull=True)),
                                   name="followup_action_done_has_date"),
        ]
        indexes = [models.Index(fields=["office", "status"], name="followup_action_office_status")]

    def __str__(self) -> str:
        return f"{self.office}: {self.text[:40]}"

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_overdue(self) -> bool:
        """Not done, and the quarter it was due in has ended (Jakarta's date)."""
        return not self.is_done and self.due_period.end < timezone.localdate()


class Reminder(models.Model):
    """One reminder to one office about one period's report, by one channel. At most one a day per
    office, period and channel (the database refuses a second; the service skips it)."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        WHATSAPP = "whatsapp", _("WhatsApp")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="report_reminders")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="reminders")
    channel = models.CharField(_("saluran"), max_length=16, choices=Channel.choices)
    recipient = models.TextField(_("penerima"))
    sent_on = models.DateField(_("tanggal"))
    sent_at = models.DateTimeField(_("waktu"), default=timezone.now)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", help_text=_("Kosong: dikirim otomatis oleh jadwal harian."))

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("pengingat laporan")
        verbose_name_plural = _("pengingat laporan")
        constraints = [
            models.UniqueConstraint(fields=["office", "period", "channel", "sent_on"],
                                    name="one_reminder_per_office_period_channel_day"),
            models.CheckConstraint(condition=Q(channel__in=["email", "whatsapp"]), name="reminder_channel_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.office} {self.period_id} {self.channel} {self.sent_on}"

    @property
    def scheduled(self) -> bool:
        return self.sent_by_id is None
