"""Documentation of an activity: its photos and videos (one `MediaFile` each, judged by its bytes
by `bakohumas.quality.media_checks.examine`), the per-channel `Derivative`s generated from one
original photo, and `UploadSession`s for large files sent in chunks (resumable upload).

Files live in Django's storage under "dokumentasi/<year>/" and are only ever served through the
scoped views in `views.py` (see docs/media.md)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bakohumas.offices.models import Office
from bakohumas.records.models import Activity


class MediaKind(models.TextChoices):
    PHOTO = "photo", _("Foto")
    VIDEO = "video", _("Video")


class MediaGrade(models.TextChoices):
    GOOD = "baik", _("Baik")
    FAIR = "cukup", _("Cukup")
    UNFIT = "tidak_layak", _("Tidak layak")


CHECK_LABELS = {
    "berkas": _("Berkas"), "resolusi": _("Resolusi"), "ketajaman": _("Ketajaman"), "pencahayaan": _("Pencahayaan"),
    "orientasi": _("Orientasi"), "derau": _("Derau (noise)"), "laju_bingkai": _("Laju bingkai"),
    "laju_bit": _("Laju bit"), "durasi": _("Durasi"), "audio": _("Audio"),
}
STATUS_LABELS = {"lulus": _("lulus"), "peringatan": _("peringatan"), "gagal": _("gagal")}

GRADE_RANK = {MediaGrade.GOOD: 0, MediaGrade.FAIR: 1, MediaGrade.UNFIT: 2}


class MediaFileQuerySet(models.QuerySet["MediaFile"]):
    def visible_to(self, user) -> MediaFileQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))

    def best_first(self) -> MediaFileQuerySet:
        """Grade (baik, cukup, tidak layak), then score (highest first), then upload order."""
        rank = models.Case(*(models.When(grade=g, then=models.Value(r)) for g, r in GRADE_RANK.items()),
                           default=models.Value(3), output_field=models.IntegerField())
        return self.annotate(grade_rank=rank).order_by("grade_rank", "-score", "created_at")


def media_upload_to(instance: MediaFile, filename: str) -> str:
    from django.utils import timezone

    ext = (filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin")[:8]
    return f"dokumentasi/{timezone.now():%Y}/{instance.id}.{ext}"


def derivative_upload_to(instance: Derivative, filename: str) -> str:
    from django.utils import timezone

    return f"dokumentasi/{timezone.now():%Y}/turunan/{instance.media_id}-{instance.preset}.jpg"


class MediaFile(models.Model):
    """One photo or video of an activity, as uploaded (the original), with its quality verdict."""

    Kind = MediaKind
    Grade = MediaGrade

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="media_files",
                                 verbose_name=_("kegiatan"))
    # Denormalised from the activity so scoping needs no join (kept equal by the services and clean()).
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="media_files",
                               verbose_name=_("satuan kerja"))
    file = models.FileField(_("berkas asli"), upload_to=media_upload_to, max_length=300)
    kind = models.CharField(_("jenis"), max_length=8, choices=Kind.choices)
    original_name = models.CharField(_("nama berkas asli"), max_length=255)
    mime = models.CharField(_("tipe MIME"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    caption = models.TextField(_("keterangan foto/video"), blank=True)
    credit = models.CharField(_("fotografer/videografer"), max_length=160, blank=True)
    taken_at = models.DateTimeField(_("waktu pengambilan"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=200, blank=True,
                             help_text=_("Nama tempat, atau koordinat \"lintang, bujur\" dari EXIF."))
    consent_notes = models.TextField(_("catatan persetujuan orang yang tampil"), blank=True)
    copyright_notes = models.TextField(_("catatan hak cipta"), blank=True)
    grade = models.CharField(_("nilai mutu"), max_length=12, choices=Grade.choices)
    checks = models.JSONField(_("hasil pemeriksaan"), default=list, blank=True)
    score = models.FloatField(_("skor mutu"), default=0.0)
    width = models.PositiveIntegerField(_("lebar (piksel)"), null=True, blank=True)
    height = models.PositiveIntegerField(_("tinggi (piksel)"), null=True, blank=True)
    duration = models.FloatField(_("durasi (detik)"), null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("diunggah oleh"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MediaFileQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("berkas dokumentasi")
        verbose_name_plural = _("berkas dokumentasi")
        indexes = [models.Index(fields=["activity", "kind"])]
        constraints = [
            models.UniqueConstraint("activity", "sha256", name="mediafile_unique_bytes_per_activity",
                                    violation_error_message=_("Berkas yang sama sudah diunggah untuk kegiatan "
                                                              "ini.")),
            models.CheckConstraint(condition=Q(kind__in=MediaKind.values), name="mediafile_kind_valid"),
            models.CheckConstraint(condition=Q(grade__in=MediaGrade.values), name="mediafile_grade_valid"),
            models.CheckConstraint(condition=Q(score__gte=0) & Q(score__lte=1), name="mediafile_score_0_1"),
            models.CheckConstraint(condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="mediafile_sha256_hex"),
            models.CheckConstraint(condition=Q(duration__isnull=True) | Q(duration__gte=0),
                                   name="mediafile_duration_positive"),
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_photo(self) -> bool:
        return self.kind == MediaKind.PHOTO

    @property
    def check_rows(self) -> list[dict[str, str]]:
        """The stored checks with their labels, for the page."""
        rows = []
        for check in self.checks if isinstance(self.checks, list) else []:
            code, status = str(check.get("code", "")), str(check.get("status", ""))
            rows.append({"code": code, "label": str(CHECK_LABELS.get(code, code)), "status": status,
                         "status_label": str(STATUS_LABELS.get(status, status)), "detail": str(check.get("detail", ""))})
        return rows

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.activity_id and self.office_id and self.activity.office_id != self.office_id:
            raise ValidationError({"office": _("Satuan kerja berkas harus sama dengan satuan kerja kegiatannya.")})


class Preset(models.TextChoices):
    """Derivative presets (sizes in `derivatives.PRESETS`)."""

    SQUARE = "sosmed_1x1", _("Media sosial 1080×1080")
    PORTRAIT = "sosmed_4x5", _("Media sosial 1080×1350")
    STORY = "sosmed_story", _("Story 1080×1920")
    WEB = "web_16x9", _("Website 1200×675")
    THUMB = "web_thumb", _("Gambar kecil 400×225")
    PRESS = "siaran_pers", _("Lampiran siaran pers (sisi terpanjang 2048)")
    ARCHIVE = "arsip", _("Arsip internal (resolusi asli, dengan metadata)")


class Derivative(models.Model):
    """One rendition of a photo for one channel."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    media = models.ForeignKey(MediaFile, on_delete=models.CASCADE, related_name="derivatives",
                              verbose_name=_("berkas asli"))
    preset = models.CharField(_("format"), max_length=16, choices=Preset.choices)
    file = models.FileField(_("berkas"), upload_to=derivative_upload_to, max_length=300)
    width = models.PositiveIntegerField(_("lebar"))
    height = models.PositiveIntegerField(_("tinggi"))
    bytes = models.PositiveBigIntegerField(_("ukuran (bita)"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["media", "preset"]
        verbose_name = _("turunan")
        verbose_name_plural = _("turunan")
        constraints = [
            models.UniqueConstraint("media", "preset", name="derivative_unique_preset"),
            models.CheckConstraint(condition=Q(preset__in=Preset.values), name="derivative_preset_valid"),
            models.CheckConstraint(condition=Q(width__gt=0) & Q(height__gt=0), name="derivative_size_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.media} — {self.get_preset_display()}"


class UploadSession(models.Model):
    """A large file being sent in chunks. Bytes received so far are kept in a temporary file under
    MEDIA_UPLOAD_TMP (keyed by the session id); `received` is how many of them the server has."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(max_length=255)
    total_size = models.PositiveBigIntegerField()
    received = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(received__lte=models.F("total_size")),
                                   name="uploadsession_received_le_total"),
            models.CheckConstraint(condition=Q(total_size__gt=0), name="uploadsession_total_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.filename} ({self.received}/{self.total_size})"
