"""The national quality standard: one row, edited by KPU RI, read by every media check.

One row (`scope = "nasional"`, unique) rather than versioned rows: the media reports store their
own results when they are made, so an old report keeps the verdict of its day, and every change of
the thresholds is in the audit trail with the old and new values (see services.standard_update)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from bakohumas.quality.standard import DEFAULT_STANDARD, Standard

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

D = DEFAULT_STANDARD


def _px(label: StrOrPromise, default: int) -> models.PositiveIntegerField:
    return models.PositiveIntegerField(label, default=default, validators=[MaxValueValidator(20000)])


def _num(label: StrOrPromise, default: float, low: float = 0.0, high: float = 100000.0) -> models.FloatField:
    return models.FloatField(label, default=default, validators=[MinValueValidator(low), MaxValueValidator(high)])


def label_of(name: str) -> str:
    """The Indonesian label of a threshold field."""
    return str(getattr(QualityStandard._meta.get_field(name), "verbose_name", name))


class QualityStandardQuerySet(models.QuerySet["QualityStandard"]):
    def current(self) -> QualityStandard | None:
        return self.filter(scope=QualityStandard.NATIONAL).select_related("updated_by").first()


class QualityStandard(models.Model):
    NATIONAL = "nasional"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    scope = models.CharField(max_length=16, default=NATIONAL, editable=False, unique=True)
    # Photos
    photo_short_edge_warn = _px(_("foto: sisi pendek minimal (peringatan), piksel"), D.photo_short_edge_warn)
    photo_short_edge_fail = _px(_("foto: sisi pendek minimal (gagal), piksel"), D.photo_short_edge_fail)
    photo_sharpness_warn = _num(_("foto: ketajaman minimal (peringatan)"), D.photo_sharpness_warn)
    photo_sharpness_fail = _num(_("foto: ketajaman minimal (gagal)"), D.photo_sharpness_fail)
    photo_brightness_low_warn = _num(_("foto: kecerahan minimal (peringatan), 0–255"), D.photo_brightness_low_warn,
                                     0, 255)
    photo_brightness_low_fail = _num(_("foto: kecerahan minimal (gagal), 0–255"), D.photo_brightness_low_fail, 0, 255)
    photo_brightness_high_warn = _num(_("foto: kecerahan maksimal (peringatan), 0–255"),
                                      D.photo_brightness_high_warn, 0, 255)
    photo_brightness_high_fail = _num(_("foto: kecerahan maksimal (gagal), 0–255"), D.photo_brightness_high_fail,
                                      0, 255)
    photo_clipped_warn = _num(_("foto: bagian terbakar/hitam pekat maksimal (peringatan), 0–1"),
                              D.photo_clipped_warn, 0, 1)
    photo_clipped_fail = _num(_("foto: bagian terbakar/hitam pekat maksimal (gagal), 0–1"), D.photo_clipped_fail, 0, 1)
    photo_portrait_warns = models.BooleanField(_("foto: beri peringatan untuk foto tegak (potret)"),
                                               default=D.photo_portrait_warns)
    photo_noise_warn = _num(_("foto: derau maksimal (peringatan)"), D.photo_noise_warn, 0, 255)
    photo_noise_fail = _num(_("foto: derau maksimal (gagal)"), D.photo_noise_fail, 0, 255)
    # Videos
    video_short_edge_warn = _px(_("video: sisi pendek minimal (peringatan), piksel"), D.video_short_edge_warn)
    video_short_edge_fail = _px(_("video: sisi pendek minimal (gagal), piksel"), D.video_short_edge_fail)
    video_fps_warn = _num(_("video: laju bingkai minimal (peringatan), fps"), D.video_fps_warn, 0, 240)
    video_fps_fail = _num(_("video: laju bingkai minimal (gagal), fps"), D.video_fps_fail, 0, 240)
    video_bpp_warn = _num(_("video: bit per piksel per bingkai minimal (peringatan)"), D.video_bpp_warn, 0, 10)
    video_bpp_fail = _num(_("video: bit per piksel per bingkai minimal (gagal)"), D.video_bpp_fail, 0, 10)
    video_duration_min_fail = _num(_("video: durasi minimal (gagal), detik"), D.video_duration_min_fail)
    video_duration_min_warn = _num(_("video: durasi minimal (peringatan), detik"), D.video_duration_min_warn)
    video_duration_max_warn = _num(_("video: durasi maksimal (peringatan), detik; 0 = tanpa batas"),
                                   D.video_duration_max_warn)
    video_audio_required = models.BooleanField(_("video: wajib bersuara (tanpa suara = gagal)"),
                                               default=D.video_audio_required)
    video_loudness_low_fail = _num(_("video: kenyaringan minimal (gagal), LUFS"), D.video_loudness_low_fail, -70, 0)
    video_loudness_low_warn = _num(_("video: kenyaringan minimal (peringatan), LUFS"), D.video_loudness_low_warn,
                                   -70, 0)
    video_loudness_high_warn = _num(_("video: kenyaringan maksimal (peringatan), LUFS"), D.video_loudness_high_warn,
                                    -70, 0)
    video_loudness_high_fail = _num(_("video: kenyaringan maksimal (gagal), LUFS"), D.video_loudness_high_fail,
                                    -70, 0)

    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("diubah oleh"))

    objects = QualityStandardQuerySet.as_manager()

    class Meta:
        verbose_name = _("standar mutu nasional")
        verbose_name_plural = _("standar mutu nasional")

    def __str__(self) -> str:
        return str(_("Standar mutu dokumentasi nasional"))

    def as_standard(self) -> Standard:
        return Standard(**{name: getattr(self, name) for name in Standard.field_names()})

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        # (stricter, looser, "below" = the failure threshold must lie below the warning one)
        pairs = [("photo_short_edge_fail", "photo_short_edge_warn"), ("photo_sharpness_fail", "photo_sharpness_warn"),
                 ("photo_brightness_low_fail", "photo_brightness_low_warn"),
                 ("photo_brightness_low_warn", "photo_brightness_high_warn"),
                 ("photo_brightness_high_warn", "photo_brightness_high_fail"),
                 ("photo_clipped_warn", "photo_clipped_fail"), ("photo_noise_warn", "photo_noise_fail"),
                 ("video_short_edge_fail", "video_short_edge_warn"), ("video_fps_fail", "video_fps_warn"),
                 ("video_bpp_fail", "video_bpp_warn"), ("video_duration_min_fail", "video_duration_min_warn"),
                 ("video_loudness_low_fail", "video_loudness_low_warn"),
                 ("video_loudness_low_warn", "video_loudness_high_warn"),
                 ("video_loudness_high_warn", "video_loudness_high_fail")]
        for low, high in pairs:
            a, b = getattr(self, low), getattr(self, high)
            if a is not None and b is not None and a > b:
                errors[high] = _("Nilai ini harus tidak lebih kecil daripada “%(other)s”.") % {
                    "other": label_of(low)}
        if (self.video_duration_max_warn and self.video_duration_min_warn is not None
                and self.video_duration_max_warn < self.video_duration_min_warn):
            errors["video_duration_max_warn"] = _("Durasi maksimal harus lebih besar daripada durasi minimal, "
                                                  "atau 0 (tanpa batas).")
        if errors:
            raise ValidationError(errors)
