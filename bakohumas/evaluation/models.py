from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Indicator(models.Model):
    """An evaluation indicator, set by KPU RI. A *share* counts offices whose `element` value is
    at least `threshold` (yes/no is stored as 1/0); a *ratio* divides the sums of two elements."""

    class Kind(models.TextChoices):
        SHARE = "share", _("persentase kantor")
        RATIO = "ratio", _("rasio jumlah")

    class Polarity(models.TextChoices):
        HIGHER_IS_BETTER = "positive", _("makin tinggi makin baik")
        LOWER_IS_BETTER = "negative", _("makin rendah makin baik")

    class Group(models.TextChoices):
        NONE = "", _("—")
        PARTNERSHIP = "kerja_sama", _("Kerja sama")
        CONSTRAINT = "kendala", _("Kendala")

    code = models.SlugField(max_length=64, unique=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    element = models.SlugField(max_length=64, blank=True)
    threshold = models.PositiveIntegerField(default=1)
    numerator = models.SlugField(max_length=64, blank=True)
    denominator = models.SlugField(max_length=64, blank=True)
    polarity = models.CharField(max_length=8, choices=Polarity.choices, default=Polarity.HIGHER_IS_BETTER)
    group = models.CharField(max_length=16, choices=Group.choices, blank=True, default="")
    phrase = models.CharField(
        _("frasa temuan"), max_length=200, blank=True,
        help_text=_("Predikat untuk kalimat temuan, misalnya 'memanfaatkan grup WhatsApp Bakohumas eksternal'."),
    )
    short_label = models.CharField(_("label singkat"), max_length=80, blank=True,
                                   help_text=_("Judul kolom di tabel, misalnya 'Kerja sama media'."))
    term = models.CharField(
        _("istilah dalam kalimat"), max_length=80, blank=True,
        help_text=_("Kata benda untuk kalimat temuan gabungan, misalnya 'media' atau 'SDM'."),
    )
    order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="share") & ~Q(element=""))
                | (Q(kind="ratio") & ~Q(numerator="") & ~Q(denominator="")),
                name="indicator_has_its_elements",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class EvaluationEdit(models.Model):
    """The evaluator's edits to one evaluation (a province, or KPU RI for the nation, and a period):
    the recommendations as they will be presented (edited, reordered, dropped or added; null = the
    generated ones), a note, and the date of the Rakor. Every document and the page read it."""

    region = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="evaluation_edits")
    period = models.ForeignKey("reports.Period", on_delete=models.CASCADE, related_name="evaluation_edits")
    recommendations = models.JSONField(_("rekomendasi"), null=True, blank=True,
                                       help_text=_("Kosong: rekomendasi yang dihasilkan dari data."))
    note = models.TextField(_("catatan evaluator"), blank=True, max_length=4000)
    meeting_date = models.DateField(_("tanggal rakor"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "period"], name="one_evaluation_edit_per_region_period"),
        ]

    def __str__(self) -> str:
        return f"{self.region} — {self.period}"
