"""The evaluation as one object that every renderer reads: the page, the PDF, the DOCX, the PPTX and
the XLSX all show the same figures because they all start from `build_report()` (or, for the page,
its cheaper half `build_summary()`).

A summary holds the engine's result, the previous quarter's result and the change per indicator,
and the constraints the offices wrote about, grouped by theme. A report adds every office's values,
the per-province table for the nation, the recommendations and the charts (drawn once, on first
use, and embedded by every document)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from bakohumas.core.formatting import join_id, tanggal
from bakohumas.core.periods import Quarter
from bakohumas.evaluation.engine import (
    CARRY_FORWARD,
    EvaluationResult,
    IndicatorResult,
    OfficeUnit,
    evaluate,
    evaluate_provinces,
)
from bakohumas.evaluation.recommendations import scope_recommendations
from bakohumas.offices.models import Office
from bakohumas.reports.models import Element, FormVersion, Period, ReportValue

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

Progress = Callable[[int, str], None]

CONSTRAINT_TEXT = "uraian_kendala"
QUOTES_SHOWN = 8  # per theme on the page (the rest folded) and in the PDF/DOCX (the rest in the XLSX)
OFFICES_NAMED = 6
NAMES_LISTED = 40  # offices named one by one in the PDF/DOCX; beyond that, counts and the XLSX

# Themes of the offices' own words, in the order a sentence is tested: a sentence belongs to the
# first theme with a keyword that starts a word of the sentence (case ignored; "ruang" also finds
# "ruangan"; a keyword ending in "$" must be the whole word, so "dipa$" is not "dipakai"); a sentence
# with none goes to "Lainnya". Simple on purpose, so anyone can check why a sentence is where it is.
# Labels are translated when shown: the page follows the user's language, the documents are
# rendered in Indonesian (documents.render_document).
THEMES: list[tuple[str, StrOrPromise, tuple[str, ...]]] = [
    ("jaringan", gettext_lazy("Jaringan/internet"), ("internet", "jaringan", "sinyal", "koneksi", "wifi", "wi-fi", "bandwidth",
                                       "kuota")),
    ("anggaran", gettext_lazy("Anggaran"), ("anggaran", "penganggaran", "dana", "pendanaan", "biaya", "dipa$", "honor", "pagu")),
    ("sarpras", gettext_lazy("Sarana/prasarana"), ("sarana", "prasarana", "sarpras", "peralatan", "alat", "kamera", "mikrofon",
                                     "komputer", "laptop", "ruang", "gedung", "studio", "perangkat", "kendaraan")),
    ("sdm", gettext_lazy("SDM"), ("sdm", "sumber daya manusia", "staf", "pegawai", "personel", "tenaga", "operator",
                    "keterampilan", "kompetensi", "pelatihan", "merangkap", "rangkap", "kemampuan")),
    ("lainnya", gettext_lazy("Lainnya"), ()),
]
_THEME_PATTERNS = [
    (code, re.compile(r"\b(?:" + "|".join(re.escape(k.rstrip("$")) + (r"\b" if k.endswith("$") else "")
                                          for k in keywords) + ")", re.IGNORECASE))
    for code, _label, keywords in THEMES if keywords
]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def persen(value: float | None) -> str:
    """10,5% — one decimal with the Indonesian comma; a dash without a denominator."""
    return "–" if value is None else f"{value:.1f}".replace(".", ",") + "%"


def share_text(numerator: int, denominator: int, value: float | None) -> str:
    """4 dari 38 (10,5%)."""
    return _("%(n)s dari %(total)s (%(percent)s)") % {"n": numerator, "total": denominator, "percent": persen(value)}


def scope_title(result: EvaluationResult) -> str:
    """The scope as a KPU cover names it."""
    return _("KPU RI — Nasional") if result.is_national else _("KPU Provinsi %(name)s") % {"name": result.region_name}


# --------------------------------------------------------------------------------------------
# Change from the previous quarter
# --------------------------------------------------------------------------------------------

@dataclass
class IndicatorChange:
    current: IndicatorResult
    previous: IndicatorResult | None

    @property
    def direction(self) -> str:
        """up, down, same, or none (no previous figure, or a percentage that cannot be computed)."""
        if self.previous is None or self.current.percent is None or self.previous.percent is None:
            return "none"
        if self.current.percent > self.previous.percent:
            return "up"
        if self.current.percent < self.previous.percent:
            return "down"
        return "same"

    @property
    def improved(self) -> bool | None:
        """Whether the change is for the better (a constraint or ceremonial share going down is)."""
        if self.direction in ("none", "same"):
            return None
        return (self.direction == "up") == (self.current.polarity != "negative")

    @property
    def delta_points(self) -> float | None:
        if self.direction == "none":
            return None
        assert self.previous is not None and self.previous.percent is not None and self.current.percent is not None
        return round(self.current.percent - self.previous.percent, 1)

    @property
    def text(self) -> str:
        """naik dari 3 dari 38 (7,9%) menjadi 4 dari 38 (10,5%)."""
        now = share_text(self.current.numerator, self.current.denominator, self.current.percent)
        if self.previous is None:
            return _("%(now)s; belum ada data triwulan sebelumnya") % {"now": now}
        values = {"before": share_text(self.previous.numerator, self.previous.denominator, self.previous.percent),
                  "now": now, "percent": persen(self.current.percent)}
        if self.direction == "none":
            return _("dari %(before)s menjadi %(now)s (persentase tidak dapat dibandingkan)") % values
        if self.direction == "same":
            if (self.previous.numerator, self.previous.denominator) == (self.current.numerator,
                                                                        self.current.denominator):
                return _("tetap %(now)s") % values
            return _("tetap %(percent)s: dari %(before)s menjadi %(now)s") % values
        if self.direction == "up":
            return _("naik dari %(before)s menjadi %(now)s") % values
        return _("turun dari %(before)s menjadi %(now)s") % values

    @property
    def sentence(self) -> str:
        return f"{self.current.name}: {self.text}."


def previous_result(result: EvaluationResult, region: Office | None = None) -> EvaluationResult | None:
    """The same scope and rule one quarter earlier; None when that quarter has no period or no
    report to evaluate (the first quarter the system holds). `region` saves a query when known."""
    code = result.period.quarter.previous().code
    period = Period.objects.filter(code=code).first()
    if period is None:
        return None
    if result.is_national:
        region = None
    elif region is None or region.code != result.region_code:
        region = Office.objects.get(code=result.region_code)
    previous = evaluate(period=period, region=region, missing_rule=result.missing_rule, with_findings=False)
    return previous if previous.evaluated_count else None


def compare(result: EvaluationResult, previous: EvaluationResult | None) -> list[IndicatorChange]:
    before = {i.code: i for i in previous.indicators} if previous else {}
    return [IndicatorChange(current=i, previous=before.get(i.code)) for i in result.indicators]


# --------------------------------------------------------------------------------------------
# Constraints
# --------------------------------------------------------------------------------------------

@dataclass
class Quote:
    text: str
    offices: list[str] = field(default_factory=list)  # office names, in code order

    @property
    def offices_text(self) -> str:
        """The offices that wrote it; past six, "dan n kantor lainnya"."""
        if len(self.offices) <= OFFICES_NAMED:
            return join_id(self.offices)
        rest = len(self.offices) - OFFICES_NAMED
        return _("%(names)s, dan %(n)s kantor lainnya") % {"names": ", ".join(self.offices[:OFFICES_NAMED]), "n": rest}


@dataclass
class Theme:
    code: str
    label: StrOrPromise
    keywords: tuple[str, ...]
    quotes: list[Quote] = field(default_factory=list)
    office_codes: set[str] = field(default_factory=set)

    @property
    def office_count(self) -> int:
        return len(self.office_codes)

    @property
    def shown(self) -> list[Quote]:
        return self.quotes[:QUOTES_SHOWN]

    @property
    def hidden(self) -> list[Quote]:
        return self.quotes[QUOTES_SHOWN:]


@dataclass
class ConstraintSummary:
    types: list[IndicatorChange]  # kendala_sdm / anggaran / sarpras: n of N, and the change
    themes: list[Theme]  # only themes with at least one sentence, most offices first
    offices_with_text: int

    @property
    def quotes(self) -> int:
        return sum(len(t.quotes) for t in self.themes)


def theme_of(sentence: str) -> str:
    for code, pattern in _THEME_PATTERNS:
        if pattern.search(sentence):
            return code
    return "lainnya"


def constraint_texts(result: EvaluationResult) -> dict[str, str]:
    """Office code -> `uraian_kendala` of the report evaluated for it (one query)."""
    by_submission = {u.submission_id: u.code for u in result.offices if u.submission_id}
    if not by_submission:
        return {}
    rows = ReportValue.objects.filter(submission_id__in=list(by_submission), code=CONSTRAINT_TEXT).exclude(
        text="").values_list("submission_id", "text")
    return {by_submission[submission_id]: text.strip() for submission_id, text in rows if text.strip()}


def summarise_constraints(result: EvaluationResult, changes: list[IndicatorChange],
                          texts: dict[str, str]) -> ConstraintSummary:
    themes = {code: Theme(code, label, keywords) for code, label, keywords in THEMES}
    quotes: dict[tuple[str, str], Quote] = {}
    names = {u.code: u.name for u in result.offices}
    for office_code in sorted(texts):
        for sentence in _SENTENCE_END.split(texts[office_code]):
            sentence = sentence.strip()
            if not sentence:
                continue
            theme = themes[theme_of(sentence)]
            key = (theme.code, sentence.lower())
            if key not in quotes:
                quotes[key] = Quote(sentence)
                theme.quotes.append(quotes[key])
            if names[office_code] not in quotes[key].offices:
                quotes[key].offices.append(names[office_code])
            theme.office_codes.add(office_code)
    for theme in themes.values():
        theme.quotes.sort(key=lambda q: (-len(q.offices), q.text))
    present = [t for t in themes.values() if t.quotes]
    present.sort(key=lambda t: (t.code == "lainnya", -t.office_count))
    types = [c for c in changes if c.current.group == "kendala"]
    return ConstraintSummary(types=types, themes=present, offices_with_text=len(texts))


# --------------------------------------------------------------------------------------------
# The page's summary and the documents' report
# --------------------------------------------------------------------------------------------

@dataclass
class EvaluationSummary:
    result: EvaluationResult
    previous: EvaluationResult | None
    changes: list[IndicatorChange]
    constraints: ConstraintSummary

    @property
    def has_previous(self) -> bool:
        return self.previous is not None

    @property
    def previous_label(self) -> str:
        return self.result.period.quarter.previous().label

    @property
    def scope_title(self) -> str:
        return scope_title(self.result)


def build_summary(result: EvaluationResult, region: Office | None = None) -> EvaluationSummary:
    """What the page shows besides the result itself: 5 queries for the previous quarter, 1 for
    the constraint texts, whatever the number of offices."""
    previous = previous_result(result, region)
    changes = compare(result, previous)
    return EvaluationSummary(result, previous, changes, summarise_constraints(result, changes,
                                                                               constraint_texts(result)))


@dataclass
class Bar:
    """One indicator of the page's SVG bar chart, geometry precomputed (no inline styles under CSP)."""

    label: str
    y: int
    now_width: float
    now_text: str
    prev_width: float | None
    prev_text: str


BAR_ROW, BAR_LEFT, BAR_SPAN = 40, 230, 300  # px in the SVG's viewBox: row height, label column, 100 %


def indicator_bars(summary: EvaluationSummary, group: str = "") -> dict[str, Any]:
    """Bars for the share indicators of `group` ("" = all but the constraints, or "kendala")."""
    bars = []
    changes = [c for c in summary.changes if c.current.kind == "share"
               and ((c.current.group == "kendala") == (group == "kendala"))]
    for index, change in enumerate(changes):
        now, before = change.current, change.previous
        bars.append(Bar(
            label=now.short_label, y=index * BAR_ROW, now_width=round(BAR_SPAN * (now.percent or 0) / 100, 1),
            now_text=f"{now.numerator}/{now.denominator} ({persen(now.percent)})",
            prev_width=round(BAR_SPAN * (before.percent or 0) / 100, 1) if before else None,
            prev_text=f"{before.numerator}/{before.denominator} ({persen(before.percent)})" if before else "",
        ))
    return {"bars": bars, "height": max(1, len(bars)) * BAR_ROW + 24, "left": BAR_LEFT, "span": BAR_SPAN,
            "right": BAR_LEFT + BAR_SPAN, "axis_y": len(bars) * BAR_ROW + 4,
            "ticks": [(BAR_LEFT + BAR_SPAN * t // 100, t) for t in (0, 25, 50, 75, 100)]}


@dataclass
class OfficeRow:
    unit: OfficeUnit
    province: str  # the province's name, for the nation's sheets
    values: dict[str, Any]
    met: set[str]  # codes of the share indicators the office meets

    @property
    def constraint_letters(self) -> str:
        """S, A, P for the SDM, anggaran and sarana-prasarana constraints the office reported."""
        return "".join(letter for code, letter in (("kendala_sdm", "S"), ("kendala_anggaran", "A"),
                                                   ("kendala_sarpras", "P")) if code in self.met)

    @property
    def status_short(self) -> str:
        if self.unit.reported:
            return "Terlambat" if self.unit.late else "Tepat waktu"
        if self.unit.carried_forward_from:
            return f"Belum memperbarui (data {Quarter.parse(self.unit.carried_forward_from).label})"
        return "Belum pernah melapor"

    @property
    def status(self) -> str:
        if self.unit.reported:
            return "Terlambat" if self.unit.late else "Tepat waktu"
        if self.unit.carried_forward_from:
            return f"Belum memperbarui (dievaluasi dengan laporan {Quarter.parse(self.unit.carried_forward_from).label})"
        return "Belum pernah melapor"


@dataclass
class ProvinceRow:
    code: str
    name: str
    result: EvaluationResult

    def share(self, code: str) -> IndicatorResult | None:
        return next((i for i in self.result.indicators if i.code == code), None)

    @property
    def expected(self) -> int:
        return self.result.expected

    @property
    def reported(self) -> int:
        return len(self.result.reported)

    @property
    def not_updated(self) -> int:
        return len(self.result.not_updated)

    @property
    def late(self) -> int:
        return len(self.result.late)

    def percents(self, codes: list[str]) -> list[float | None]:
        return [item.percent if (item := self.share(code)) else None for code in codes]


@dataclass
class EvaluationReport(EvaluationSummary):
    elements: list[Element] = field(default_factory=list)
    offices: list[OfficeRow] = field(default_factory=list)
    provinces: list[ProvinceRow] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    generated_on: Any = None

    @property
    def name_not_updated(self) -> bool:
        """Whether the documents name every office that has not updated (too many for the nation)."""
        return len(self.result.not_updated) <= NAMES_LISTED

    @property
    def name_late(self) -> bool:
        return len(self.result.late) <= NAMES_LISTED

    @property
    def date_text(self) -> str:
        return tanggal(self.generated_on)

    @property
    def title(self) -> str:
        return "Evaluasi Laporan Bakohumas"

    @property
    def subtitle(self) -> str:
        return f"{self.scope_title} · {self.result.period.label}"

    @property
    def shares(self) -> list[IndicatorResult]:
        return [i for i in self.result.indicators if i.kind == "share"]

    @property
    def met_columns(self) -> list[IndicatorResult]:
        """The share indicators shown as ✓ columns in per-office tables (constraints excluded)."""
        return [i for i in self.shares if i.group != "kendala"]

    @cached_property
    def charts(self) -> dict[str, bytes]:
        """PNG charts, drawn once per report and embedded by every document."""
        from bakohumas.evaluation import charts

        return charts.draw_all(self)


def _office_rows(result: EvaluationResult, elements: list[Element]) -> list[OfficeRow]:
    by_submission = {u.submission_id: u.code for u in result.offices if u.submission_id}
    values: dict[str, dict[str, Any]] = {u.code: {} for u in result.offices}
    kinds = {e.code: e.kind for e in elements}
    if by_submission:
        rows = ReportValue.objects.filter(submission_id__in=list(by_submission)).values_list(
            "submission_id", "code", "number", "text")
        for submission_id, code, number, text in rows:
            values[by_submission[submission_id]][code] = text if kinds.get(code) == Element.Kind.TEXT else number
    met: dict[str, set[str]] = {u.code: set() for u in result.offices}
    for indicator in result.indicators:
        for code in indicator.units or []:
            met[code].add(indicator.code)
    province_names: dict[str, str] = {}
    if result.is_national:
        province_names = dict(Office.objects.regencies().values_list("code", "parent__region_name"))
    else:
        province_names = {u.code: result.region_name for u in result.offices}
    return [OfficeRow(u, province_names.get(u.code, ""), values[u.code], met[u.code]) for u in result.offices]


def build_report(region: Office | None, period: Period, missing_rule: str = CARRY_FORWARD,
                 progress: Progress | None = None) -> EvaluationReport:
    """The whole evaluation of a province (or the nation when `region` is None or KPU RI) for the
    documents. Does not draw the charts yet: `report.charts` does, once, when first used."""
    step = progress or (lambda percent, message: None)
    step(5, gettext_noop("Menghitung evaluasi"))
    result = evaluate(period=period, region=region, missing_rule=missing_rule)
    step(15, gettext_noop("Membandingkan dengan triwulan sebelumnya"))
    summary = build_summary(result, region)
    step(25, gettext_noop("Mengumpulkan data per kantor"))
    form = FormVersion.objects.filter(is_active=True).first()
    elements = list(form.elements.order_by("order")) if form else []
    report = EvaluationReport(
        result=result, previous=summary.previous, changes=summary.changes, constraints=summary.constraints,
        elements=elements, offices=_office_rows(result, elements),
        recommendations=list(scope_recommendations(result)), generated_on=timezone.localdate(),
    )
    if result.is_national:
        report.provinces = [ProvinceRow(p.code, p.region_name, r)
                            for p, r in evaluate_provinces(period=period, missing_rule=missing_rule)]
    return report
