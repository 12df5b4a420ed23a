"""The evaluation as plain text for a terminal."""

from __future__ import annotations

from bakohumas.core.formatting import tanggal
from bakohumas.evaluation.engine import RULE_LABELS, EvaluationResult


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%".replace(".", ",")


def render_table(result: EvaluationResult) -> str:
    lines = [
        f"Evaluasi Laporan Bakohumas {result.period.label} — {result.region_name} ({result.region_code})",
        f"Aturan data kosong: {RULE_LABELS[result.missing_rule]}; batas waktu {tanggal(result.period.deadline)}"
        + (f"; keadaan per {tanggal(result.as_of)}" if result.as_of else ""),
        f"KPU Kabupaten/Kota: {result.expected}; melapor: {len(result.reported)}; "
        f"belum pernah melapor: {len(result.never_reported)}; belum memperbarui: {len(result.stale)}; "
        f"terlambat: {len(result.late)}",
        "",
    ]
    width = max((len(i.name) for i in result.indicators), default=10)
    lines.append(f"{'Indikator':<{width}}  {'n':>6}  {'N':>6}  {'%':>7}")
    lines.append("-" * (width + 25))
    for item in result.indicators:
        lines.append(f"{item.name:<{width}}  {item.numerator:>6}  {item.denominator:>6}  {_pct(item.percent):>7}")
    lines.append("")
    lines.append("Temuan:")
    lines.extend(f"{number}. {finding}" for number, finding in enumerate(result.findings, start=1))
    return "\n".join(lines) + "\n"
