"""What an office does with an activity after it happens: the SOP checklist ticks (`ChecklistMark`)
and the outputs written about it (`Output`: website news, press releases, social media posts),
which go draft → waiting for approval → approved by the Ketua Bakohumas → published.

The SOP itself is data in `sop.py`; a mark refers to a step by its code."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bakohumas.offices.models import Office
from bakohumas.records.models import Activity, Channel


class ChecklistMarkQuerySet(models.QuerySet["ChecklistMark"]):
    def visible_to(self, user) -> ChecklistMarkQuerySet:
        return self.filter(activity__office__in=Office.objects.visible_to(user))


class ChecklistMark(models.Model):
    """One SOP step of one activity, done: by whom, when, with an optional note."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="sop_marks",
                                 verbose_name=_("kegiatan"))
    step = models.CharField(_("langkah SOP"), max_length=48)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+", verbose_name=_("dicentang oleh"))
    done_at = models.DateTimeField(_("dicentang pada"))
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    objects = ChecklistMarkQuerySet.as_manager()

    class Meta:
        ordering = ["done_at"]
        verbose_name = _("centang SOP")
        verbose_name_plural = _("centang SOP")
        constraints = [
            models.UniqueConstraint(fields=["activity", "step"], name="checklistmark_unique_step_per_activity",
                                    violation_error_message=_("Langkah ini sudah dicentang.")),
            models.CheckConstraint(condition=~Q(step=""), name="checklistmark_step_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.step}"


class OutputQuerySet(models.QuerySet["Output"]):
    def visible_to(self, user) -> OutputQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))

    def published(self) -> OutputQuerySet:
        return self.filter(status=OutputStatus.PUBLISHED)


class OutputKind(models.TextChoices):
    WEBSITE_NEWS = "berita_website", _("Berita website")
    PRESS_RELEASE = "siaran_pers", _("Siaran pers")
    SOCIAL_POST = "unggahan_medsos", _("Unggahan media sosial")


# Articles get the news checks (quality.article_checks); a social media post is a caption.
ARTICLE_KINDS = (OutputKind.WEBSITE_NEWS, OutputKind.PRESS_RELEASE)


class OutputStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    PENDING = "menunggu_persetujuan", _("Menunggu persetujuan")
    APPROVED = "disetujui", _("Disetujui")
    PUBLISHED = "terbit", _("Terbit")


APPROVED_STATUSES = (OutputStatus.APPROVED, OutputStatus.PUBLISHED)


class Output(models.Model):
    """A publication written about one activity. The Ketua Bakohumas approves it before it is
    published; publishing records its URL and makes it a `posts.Post` (source "publikasi"), which
    is what the quarterly report's publication counts are suggested from."""

    Kind = OutputKind
    Status = OutputStatus

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="outputs",
                                 verbose_name=_("kegiatan"))
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="outputs",
                               verbose_name=_("satuan kerja"))
    kind = models.CharField(_("jenis keluaran"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("judul"), max_length=200)
    lead = models.TextField(_("teras berita (lead)"), blank=True,
                            help_text=_("Paragraf pertama: apa, siapa, kapan, di mana."))
    body = models.TextField(_("isi"), blank=True)
    channel = models.ForeignKey(Channel, null=True, blank=True, on_delete=models.SET_NULL, related_name="outputs",
                                verbose_name=_("akun media sosial"),
                                help_text=_("Untuk unggahan media sosial: akun tempat diunggah."))
    photo = models.ForeignKey("media.MediaFile", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("foto"))
    status = models.CharField(_("status"), max_length=24, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("ditulis oleh"))
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("disetujui oleh"))
    approved_at = models.DateTimeField(_("disetujui pada"), null=True, blank=True)
    published_url = models.URLField(_("tautan terbit"), max_length=500, blank=True)
    published_at = models.DateTimeField(_("waktu terbit"), null=True, blank=True)
    post = models.ForeignKey("posts.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                             verbose_name=_("unggahan"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OutputQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("keluaran publikasi")
        verbose_name_plural = _("keluaran publikasi")
        indexes = [models.Index(fields=["office", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=OutputKind.values), name="output_kind_valid"),
            models.CheckConstraint(condition=Q(status__in=OutputStatus.values), name="output_status_valid"),
            models.CheckConstraint(condition=~Q(title=""), name="output_title_not_empty"),
            # Approved (or published) means someone approved it at a known time; the approver may
            # later leave (SET_NULL), the time stays.
            models.CheckConstraint(
                condition=~Q(status__in=APPROVED_STATUSES) | Q(approved_at__isnull=False),
                name="output_approved_has_time"),
            models.CheckConstraint(
                condition=~Q(status=OutputStatus.PUBLISHED) | (~Q(published_url="") & Q(published_at__isnull=False)),
                name="output_published_has_url",
                violation_error_message=_("Keluaran yang terbit harus punya tautan dan waktu terbit.")),
            models.UniqueConstraint(fields=["published_url"], condition=~Q(published_url=""),
                                    name="output_unique_published_url",
                                    violation_error_message=_("Tautan ini sudah dipakai keluaran lain.")),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_article(self) -> bool:
        return self.kind in ARTICLE_KINDS

    @property
    def photo_caption(self) -> str | None:
        return (self.photo.caption or "") if self.photo_id and self.photo is not None else None

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        errors: dict[str, object] = {}
        if self.activity_id and self.office_id and self.activity.office_id != self.office_id:
            errors["activity"] = _("Kegiatan itu milik kantor lain.")
        if self.kind == OutputKind.SOCIAL_POST:
            if not self.channel_id:
                errors["channel"] = _("Pilih akun media sosial tempat unggahan ini diterbitkan.")
        elif self.channel_id:
            self.channel = None
        if self.channel_id and self.channel and self.channel.office_id != self.office_id:
            errors["channel"] = _("Akun itu milik kantor lain.")
        if self.photo_id and self.photo is not None and (
                self.photo.activity_id != self.activity_id or self.photo.kind != "photo"):
            errors["photo"] = _("Foto itu bukan foto dokumentasi kegiatan ini.")
        if errors:
            raise ValidationError(errors)
