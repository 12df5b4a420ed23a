"""Charts of an evaluation report, drawn once per report with matplotlib (Agg, no display) as PNG
bytes that the PDF, DOCX, PPTX and XLSX embed as they are. Indonesian labels, KPU palette."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from bakohumas.evaluation.report import persen

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from bakohumas.evaluation.report import EvaluationReport

RED = "#B5121B"
DARK = "#3A3A3A"
GREY = "#9A9A9A"
LIGHT = "#D9D9D9"
DPI = 150
# Point sizes at the figure's own size; the documents shrink a 10-inch figure to about 6.3 inches
# (16 cm), so 13 pt prints at about 8 pt.
LABEL, VALUE, TITLE = 13, 12, 14


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI)
    figure.patch.set_facecolor("white")
    return figure


def _png(figure: Figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", pad_inches=0.15)
    return buffer.getvalue()


def _clean(axes: Axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.spines["left"].set_color(GREY)
    axes.spines["bottom"].set_color(GREY)
    axes.tick_params(colors=DARK, labelsize=LABEL)


def _share_bars(report: EvaluationReport, codes: list[str], title: str, height_per_bar: float = 0.55) -> bytes:
    items = [i for i in report.result.indicators if i.code in codes]
    before = {i.code: i for i in report.previous.indicators} if report.previous else {}
    figure = _figure(10, max(2.4, 0.9 + height_per_bar * len(items) * (1.6 if before else 1)))
    axes = figure.add_subplot()
    positions = list(range(len(items)))[::-1]
    width = 0.38 if before else 0.6
    offset = width / 2 if before else 0
    axes.barh([p + offset for p in positions], [i.percent or 0 for i in items], height=width, color=RED,
              label=report.result.period.label)
    for p, item in zip(positions, items, strict=True):
        axes.text((item.percent or 0) + 1, p + offset, f"{item.numerator}/{item.denominator} ({persen(item.percent)})",
                  va="center", fontsize=VALUE, color=DARK)
    if before:
        previous = [before.get(i.code) for i in items]
        axes.barh([p - offset for p in positions], [(b.percent or 0) if b else 0 for b in previous], height=width,
                  color=LIGHT, edgecolor=GREY, linewidth=0.5, label=report.previous_label)
        for p, b in zip(positions, previous, strict=True):
            if b is not None:
                axes.text((b.percent or 0) + 1, p - offset, f"{b.numerator}/{b.denominator} ({persen(b.percent)})",
                          va="center", fontsize=VALUE - 1, color=GREY)
        axes.legend(loc="lower right", fontsize=LABEL, frameon=False)
    axes.set_yticks(positions, [i.short_label for i in items], fontsize=LABEL)
    axes.set_xlim(0, 118)
    axes.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    axes.set_title(title, loc="left", fontsize=TITLE, color=DARK, fontweight="bold")
    _clean(axes)
    return _png(figure)


def indicator_chart(report: EvaluationReport) -> bytes:
    codes = [i.code for i in report.met_columns]
    return _share_bars(report, codes, f"Persentase KPU Kabupaten/Kota yang memenuhi indikator "
                                      f"(dari {report.result.expected})")


def constraint_chart(report: EvaluationReport) -> bytes:
    codes = [c.current.code for c in report.constraints.types]
    return _share_bars(report, codes, f"KPU Kabupaten/Kota yang menyampaikan kendala (dari {report.result.expected})",
                       height_per_bar=0.7)


def completeness_chart(report: EvaluationReport) -> bytes:
    result = report.result
    on_time = len(result.reported) - len(result.late)
    carried = len(result.carried_forward)
    none = len(result.not_updated) - carried
    parts = [("Tepat waktu", on_time, DARK), ("Terlambat", len(result.late), RED),
             ("Belum memperbarui (laporan lama dipakai)", carried, GREY), ("Belum pernah melapor",
                                                                           none, LIGHT)]
    parts = [p for p in parts if p[1]]
    figure = _figure(7, 4)
    axes = figure.add_subplot()
    if parts:
        axes.pie([p[1] for p in parts], colors=[p[2] for p in parts], startangle=90, counterclock=False,
                 wedgeprops={"width": 0.38, "edgecolor": "white"})
        axes.legend([f"{label}: {count}" for label, count, _c in parts], loc="center left",
                    bbox_to_anchor=(1.0, 0.5), fontsize=LABEL, frameon=False)
    axes.text(0, 0.08, f"{len(result.reported)}/{result.expected}", ha="center", va="center", fontsize=20,
              fontweight="bold", color=RED)
    axes.text(0, -0.2, "melapor", ha="center", va="center", fontsize=LABEL, color=DARK)
    axes.set_aspect("equal")
    axes.set_title(f"Kelengkapan laporan {result.period.label}", loc="left", fontsize=TITLE, color=DARK,
                   fontweight="bold")
    return _png(figure)


def province_chart(report: EvaluationReport) -> bytes:
    """The nation: share of offices that reported, per province, lowest first from the top (one bar
    a province, so 38 names stay readable when the chart is shrunk to a page's width)."""
    rows = sorted(report.provinces, key=lambda r: (len(r.result.reported) / (r.result.expected or 1), r.name))
    figure = _figure(10, 1.2 + 0.27 * max(1, len(rows)))
    axes = figure.add_subplot()
    shares = [100 * len(r.result.reported) / r.result.expected if r.result.expected else 0 for r in rows]
    positions = list(range(len(rows)))[::-1]
    axes.barh(positions, shares, height=0.7, color=[RED if s < 100 else DARK for s in shares])
    for p, row, share in zip(positions, rows, shares, strict=True):
        axes.text(share + 1, p, f"{len(row.result.reported)}/{row.result.expected}", va="center",
                  fontsize=VALUE - 1, color=DARK)
    axes.set_yticks(positions, [r.name for r in rows], fontsize=LABEL - 1)
    axes.set_ylim(-0.6, len(rows) - 0.4)
    axes.set_xlim(0, 112)
    axes.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    axes.set_title("KPU Kabupaten/Kota yang melapor, per provinsi (merah: belum semua)", loc="left", fontsize=TITLE,
                   color=DARK, fontweight="bold")
    _clean(axes)
    return _png(figure)


def draw_all(report: EvaluationReport) -> dict[str, bytes]:
    charts = {"completeness": completeness_chart(report), "indicators": indicator_chart(report),
              "constraints": constraint_chart(report)}
    if report.provinces:
        charts["provinces"] = province_chart(report)
    return charts
