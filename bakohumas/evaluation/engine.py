"""The evaluation of section 3 of the contract. Aggregation runs in SQL; the number of queries
is the same for one province or all 514 offices."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from django.db.models import OuterRef, Q, Subquery, Sum
from django.utils.translation import gettext_lazy

from bakohumas.core.formatting import percent, tanggal
from bakohumas.core.periods import Quarter
from bakohumas.evaluation.models import Indicator
from bakohumas.offices.models import Office
from bakohumas.reports.models import Period, ReportValue, Submission

if TYPE_CHECKING:
    from typing import TypedDict

    from django.db.models import QuerySet
    from django_stubs_ext import WithAnnotations

    class _UnitColumns(TypedDict, total=False):
        """The subquery columns `_office_units` annotates (earlier_* only under carry forward)."""

        current_id: Any
        current_reported_on: Any
        earlier_id: Any
        earlier_period: Any

CARRY_FORWARD = "carry_forward"
COUNT_AS_NOT_MET = "count_as_not_met"
MISSING_RULES = (CARRY_FORWARD, COUNT_AS_NOT_MET)
# What people read instead of the rule's code (pages, documents, the terminal table).
RULE_LABELS = {
    CARRY_FORWARD: gettext_lazy("Pakai laporan terakhir"),
    COUNT_AS_NOT_MET: gettext_lazy("Dianggap tidak memenuhi"),
}


class EvaluationError(ValueError):
    pass


def meets_threshold(indicator: Indicator, number: int | None) -> bool:
    """Whether one office's value of a share indicator's element reaches its threshold (an empty
    answer never does). The engine counts offices with it; the office scorecard judges one with it."""
    return number is not None and number >= indicator.threshold


@dataclass
class OfficeUnit:
    code: str
    name: str
    submission_id: Any = None  # the report evaluated (this period's, or carried forward)
    evaluated_period: str | None = None
    reported_on: Any = None
    late: bool = False
    carried_forward_from: str | None = None
    last_earlier_period: str | None = None  # the latest period before this one with a report, if any

    @property
    def carried_forward_label(self) -> str:
        """Triwulan I 2025 for a report carried forward from 2025Q1 (never the code in a text)."""
        return Quarter.parse(self.carried_forward_from).label if self.carried_forward_from else ""

    @property
    def last_earlier_label(self) -> str:
        return Quarter.parse(self.last_earlier_period).label if self.last_earlier_period else ""

    @property
    def never_reported(self) -> bool:
        """No report for this period nor any earlier one ("belum pernah melapor")."""
        return not self.reported and self.last_earlier_period is None

    @property
    def reported(self) -> bool:
        """Reported for this very period (a carried-forward report does not count)."""
        return self.submission_id is not None and not self.carried_forward_from


@dataclass
class IndicatorResult:
    code: str
    name: str
    kind: str
    polarity: str
    group: str
    phrase: str
    short_label: str
    term: str
    numerator: int
    denominator: int
    units: list[str] | None
    reported_denominator: int | None = None

    @property
    def percent(self) -> float | None:
        return percent(self.numerator, self.denominator)

    @property
    def percent_of_reported(self) -> float | None:
        if self.reported_denominator is None:
            return None
        return percent(self.numerator, self.reported_denominator)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code, "name": self.name, "kind": self.kind, "numerator": self.numerator,
            "denominator": self.denominator, "percent": self.percent, "units": self.units,
        }
        if self.kind == "share":
            data["percent_of_reported"] = self.percent_of_reported
        return data


@dataclass
class EvaluationResult:
    region_code: str
    region_name: str
    period: Period
    missing_rule: str
    offices: list[OfficeUnit]
    indicators: list[IndicatorResult]
    findings: list[str] = field(default_factory=list)
    as_of: dt.date | None = None  # the evaluation as it stood on that day (contract section 6)

    @property
    def expected(self) -> int:
        return len(self.offices)

    @property
    def reported(self) -> list[OfficeUnit]:
        return [o for o in self.offices if o.reported]

    @property
    def evaluated_count(self) -> int:
        """Offices evaluated on some report (this period's or, with carry forward, an earlier one)."""
        return sum(1 for o in self.offices if o.submission_id)

    @property
    def not_updated(self) -> list[OfficeUnit]:
        return [o for o in self.offices if not o.reported]

    @property
    def carried_forward(self) -> list[OfficeUnit]:
        return [o for o in self.offices if o.carried_forward_from]

    @property
    def never_reported(self) -> list[OfficeUnit]:
        return [o for o in self.offices if o.never_reported]

    @property
    def stale(self) -> list[OfficeUnit]:
        """Not updated: reported for an earlier period, not for this one ("belum memperbarui")."""
        return [o for o in self.offices if not o.reported and not o.never_reported]

    @property
    def late(self) -> list[OfficeUnit]:
        return [o for o in self.offices if o.late]

    @property
    def is_national(self) -> bool:
        return self.region_code == Office.NATIONAL_CODE

    def indicator(self, code: str) -> IndicatorResult:
        return next(i for i in self.indicators if i.code == code)

    def as_json(self) -> dict[str, Any]:
        return {
            "region": {"code": self.region_code, "name": self.region_name},
            "period": self.period.code,
            "missing_rule": self.missing_rule,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "units": {
                "expected": self.expected,
                "reported": len(self.reported),
                "not_updated": [o.code for o in self.not_updated],
                "carried_forward": [o.code for o in self.carried_forward],
                "late": [o.code for o in self.late],
            },
            "indicators": [i.as_json() for i in self.indicators],
            "findings": self.findings,
        }


def _office_units(region: Office | None, period: Period, missing_rule: str,
                  as_of: dt.date | None = None) -> list[OfficeUnit]:
    reported = Submission.objects.filter(
        office=OuterRef("pk"), status__in=Submission.REPORTED_STATUSES
    ).order_by()
    if as_of is not None:
        # As it stood on `as_of`: a report first sent after that day did not exist yet.
        reported = reported.filter(reported_on__lte=as_of)
    current = reported.filter(period=period)
    # Carry forward looks back only: an office's most recent report of an earlier period. Period codes
    # (YYYYQn, years 2000-2100 only) sort as text in date order, so no join to the periods table.
    earlier = reported.filter(period_id__lt=period.code).order_by("-period_id")
    offices = Office.objects.in_region(region).annotate(
        current_id=Subquery(current.values("id")[:1]),
        current_reported_on=Subquery(current.values("reported_on")[:1]),
    )
    # The latest earlier period is known under either rule, to tell "never reported" from "not updated".
    offices = offices.annotate(earlier_period=Subquery(earlier.values("period_id")[:1]))
    if missing_rule == CARRY_FORWARD:
        offices = offices.annotate(earlier_id=Subquery(earlier.values("id")[:1]))
    units = []
    # The plugin types the queryset from its first annotate(); the earlier_* columns of the
    # carry-forward branch are only known from this declaration.
    rows = cast("QuerySet[WithAnnotations[Office, _UnitColumns]]", offices.order_by("code"))
    for office in rows:
        unit = OfficeUnit(code=office.code, name=office.name, last_earlier_period=office.earlier_period)
        if office.current_id:
            unit.submission_id = office.current_id
            unit.evaluated_period = period.code
            unit.reported_on = office.current_reported_on
            unit.late = office.current_reported_on > period.deadline
        elif missing_rule == CARRY_FORWARD and office.earlier_id:
            unit.submission_id = office.earlier_id
            unit.evaluated_period = unit.carried_forward_from = office.earlier_period
        units.append(unit)
    return units


def evaluate(*, period: Period, region: Office | None = None, missing_rule: str = CARRY_FORWARD,
             with_findings: bool = True, as_of: dt.date | None = None) -> EvaluationResult:
    """Evaluate the kab/kota offices of a province (or of the nation when `region` is None);
    with `as_of`, as it stood on that day (reports first sent later count as not reported)."""
    return _evaluate(period=period, region=region, missing_rule=missing_rule, with_findings=with_findings,
                     as_of=as_of)[0]


# {province code: {ratio indicator code: (numerator, denominator)}}
ProvinceRatios = dict[str, dict[str, tuple[int, int]]]


def _evaluate(*, period: Period, region: Office | None, missing_rule: str, with_findings: bool,
              by_province: bool = False, as_of: dt.date | None = None) -> tuple[EvaluationResult, ProvinceRatios]:
    """`evaluate`; with `by_province` the ratio elements are summed per province in the same single
    query (the region's sums are then added up from the provinces) and returned too."""
    if missing_rule not in MISSING_RULES:
        raise EvaluationError(
            f"Aturan data kosong {missing_rule!r} tidak dikenal; pilih {' atau '.join(MISSING_RULES)}."
        )
    if region is not None and region.is_regency:
        raise EvaluationError(f"{region.code} adalah KPU Kabupaten/Kota; evaluasi dilakukan per provinsi atau nasional.")
    if not period.has_started:
        raise EvaluationError(f"Periode {period.code} belum dimulai (mulai {tanggal(period.start)}); "
                              "belum ada yang dapat dievaluasi.")
    national = region is None or region.is_national
    scope = None if national else region
    units = _office_units(scope, period, missing_rule, as_of)
    by_submission = {u.submission_id: u for u in units if u.submission_id}
    indicators = list(Indicator.objects.filter(is_active=True))
    shares = [i for i in indicators if i.kind == Indicator.Kind.SHARE]
    ratios = [i for i in indicators if i.kind == Indicator.Kind.RATIO]

    met: dict[str, list[str]] = defaultdict(list)
    if shares and by_submission:
        condition = Q()
        for indicator in shares:
            condition |= Q(code=indicator.element, number__gte=indicator.threshold)
        # The office code through a join rather than each row's submission UUID: converting thousands
        # of UUIDs was a third of a national evaluation's time on SQLite (docs/benchmarks.md).
        rows = ReportValue.objects.filter(condition, submission_id__in=list(by_submission)).values_list(
            "submission__office__code", "code", "number"
        )
        for office_code, code, number in rows:
            for indicator in shares:
                if indicator.element == code and meets_threshold(indicator, number):
                    met[indicator.code].append(office_code)

    sums: dict[str, int] = defaultdict(int)
    province_sums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    ratio_codes = {c for i in ratios for c in (i.numerator, i.denominator)}
    if ratio_codes and by_submission:
        in_reports = ReportValue.objects.filter(submission_id__in=list(by_submission), code__in=ratio_codes)
        group = ("submission__office__parent__code", "code") if by_province else ("code",)
        for *key, total in (in_reports.values(*group).annotate(total=Sum("number")).order_by()
                            .values_list(*group, "total")):
            sums[key[-1]] += int(total or 0)
            if by_province:
                province_sums[key[0]][key[-1]] += int(total or 0)
    per_province: ProvinceRatios = {
        province_code: {i.code: (own[i.numerator], own[i.denominator]) for i in ratios}
        for province_code, own in province_sums.items()
    }

    evaluated = len(by_submission)
    results = []
    for indicator in indicators:
        common: dict[str, Any] = {"code": indicator.code, "name": indicator.name, "kind": indicator.kind,
                  "polarity": indicator.polarity, "group": indicator.group, "phrase": indicator.phrase,
                  "short_label": indicator.short_label or indicator.name, "term": indicator.term or indicator.name}
        if indicator.kind == Indicator.Kind.SHARE:
            codes = sorted(met[indicator.code])
            results.append(IndicatorResult(**common, numerator=len(codes), denominator=len(units), units=codes,
                                           reported_denominator=evaluated))
        else:
            results.append(IndicatorResult(**common, numerator=sums[indicator.numerator],
                                           denominator=sums[indicator.denominator], units=None))
    result = EvaluationResult(
        region_code=Office.NATIONAL_CODE if scope is None else scope.code,
        region_name="Indonesia" if scope is None else scope.region_name,
        period=period, missing_rule=missing_rule, offices=units, indicators=results, as_of=as_of,
    )
    if with_findings:
        from bakohumas.evaluation.findings import write_findings

        result.findings = write_findings(result)
    return result, per_province


def evaluate_provinces(*, period: Period, missing_rule: str = CARRY_FORWARD,
                       as_of: dt.date | None = None) -> list[tuple[Office, EvaluationResult]]:
    """One result per province, for the national table; computed from a single national pass whose ratio
    sums are grouped by province, so every indicator, share or ratio, is there in the national order."""
    national, ratio_sums = _evaluate(period=period, region=None, missing_rule=missing_rule, with_findings=False,
                                     by_province=True, as_of=as_of)
    provinces = list(Office.objects.provinces().order_by("code"))
    parent_of = dict(Office.objects.regencies().values_list("code", "parent__code"))
    out = []
    for province in provinces:
        units = [u for u in national.offices if parent_of[u.code] == province.code]
        codes = {u.code for u in units}
        evaluated = sum(1 for u in units if u.submission_id)
        sums = ratio_sums.get(province.code, {})
        indicators = []
        for item in national.indicators:
            common = (item.code, item.name, item.kind, item.polarity, item.group, item.phrase, item.short_label,
                      item.term)
            if item.kind == Indicator.Kind.SHARE:
                mine = [c for c in item.units or [] if c in codes]
                indicators.append(IndicatorResult(*common, numerator=len(mine), denominator=len(units), units=mine,
                                                  reported_denominator=evaluated))
            else:
                numerator, denominator = sums.get(item.code, (0, 0))
                indicators.append(IndicatorResult(*common, numerator=numerator, denominator=denominator, units=None))
        out.append((province, EvaluationResult(province.code, province.region_name, period, missing_rule,
                                               units, indicators, as_of=as_of)))
    return out
