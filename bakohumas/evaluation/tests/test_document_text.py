"""No internal code in any evaluation document: every format, for a province and for the nation, is
read back as text (python-pptx, python-docx, openpyxl, pypdf) and scanned for period codes (2025Q1),
missing-data rule names (carry_forward), rule-set codes (uu_kip) and snake_case element or indicator
codes. `document_text()` is shared by the other document tests."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from bakohumas.evaluation.documents import DOCUMENT_FORMATS, render_document
from bakohumas.evaluation.models import Indicator
from bakohumas.reports.models import Element

pytestmark = pytest.mark.django_db

# The XLSX "Data" sheet repeats, under its headers, the CSV column names of the interchange format
# (kode_satker, periode, element codes) so that the sheet maps onto an import file: that row is data
# about the format, not prose, and is the one place codes are meant to be.
CSV_CODES_ROW = ("Data", 5)


def document_text(fmt: str, content: bytes, *, skip_csv_codes: bool = False) -> str:
    if fmt == "pptx":
        from pptx import Presentation

        parts = []
        for slide in Presentation(io.BytesIO(content)).slides:
            for shape in slide.shapes:
                if shape.has_text_frame:
                    parts.append(shape.text_frame.text)
                if getattr(shape, "has_table", False) and shape.has_table:
                    parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
                if getattr(shape, "has_chart", False) and shape.has_chart:
                    chart = shape.chart
                    parts.extend(str(c) for plot in chart.plots for c in plot.categories)
                    parts.extend(s.name for s in chart.series)
            if slide.has_notes_slide:
                parts.append(slide.notes_slide.notes_text_frame.text)
        return "\n".join(parts)
    if fmt == "docx":
        from docx import Document

        doc = Document(io.BytesIO(content))
        parts = [p.text for p in doc.paragraphs]
        parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
        for section in doc.sections:
            parts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
        return "\n".join(parts)
    if fmt == "xlsx":
        from openpyxl import load_workbook

        parts = []
        for sheet in load_workbook(io.BytesIO(content)).worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows():
                if skip_csv_codes and (sheet.title, row[0].row) == CSV_CODES_ROW:
                    continue
                parts.extend(str(c.value) for c in row if c.value is not None)
        return "\n".join(parts)
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)


def internal_codes(text: str) -> list[str]:
    codes = set(Element.objects.values_list("code", flat=True)) | set(Indicator.objects.values_list("code", flat=True))
    snake = sorted(c for c in codes if "_" in c)
    patterns = [r"\b\d{4}Q[1-4]\b", r"carry_forward", r"count_as_not_met", r"uu_kip", r"\b[a-z]+_[a-z_]+\b"]
    found = [m.group(0) for pattern in patterns for m in re.finditer(pattern, text)]
    return sorted(set(found) | {c for c in snake if c in text})


@pytest.fixture
def history(make_report):
    make_report("3571", "2025Q1", reported_on=dt.date(2025, 4, 8))
    make_report("3572", "2025Q1", reported_on=dt.date(2025, 4, 8))  # carried forward into Q2
    make_report("3571", "2025Q2", reported_on=dt.date(2025, 7, 14), siaran_langsung=2)  # late
    make_report("6501", "2025Q2", reported_on=dt.date(2025, 7, 8))


@pytest.mark.parametrize("region", ["35", "ID"])
@pytest.mark.parametrize("fmt", DOCUMENT_FORMATS)
def test_no_document_shows_an_internal_code(history, fmt, region):
    for rule in ("carry_forward", "count_as_not_met"):
        content, _name, _type = render_document(fmt, region=region, period="2025Q2", missing_rule=rule,
                                                as_of=dt.date(2025, 7, 17), meeting_date=dt.date(2025, 7, 17))
        text = document_text(fmt, content, skip_csv_codes=True)
        assert "Triwulan II Tahun 2025" in text, (fmt, region)
        assert internal_codes(text) == [], (fmt, region, rule)


def test_the_scan_finds_what_it_looks_for():
    text = "Dievaluasi dengan laporan 2025Q1; aturan carry_forward; uu_kip; episode_podcast."
    assert internal_codes(text) == ["2025Q1", "carry_forward", "episode_podcast", "uu_kip"]


def test_the_website_indicator_has_one_name():
    website = Indicator.objects.get(code="website_aktif")
    assert website.name == website.short_label == "Website memuat berita"


@pytest.mark.parametrize("fmt", DOCUMENT_FORMATS)
def test_the_nation_keeps_never_reported_apart_and_shows_a_dash_without_reports(history, fmt):
    content, _name, _type = render_document(fmt, region="ID", period="2025Q2")
    text = " ".join(document_text(fmt, content).split())  # the PDF's text comes back wrapped
    assert "belum pernah melapor" in text.lower(), fmt
    assert "511 KPU Kabupaten/Kota belum pernah melapor sama sekali: 511 kantor (lihat lampiran)." in text, fmt
    assert "Satu KPU Kabupaten/Kota pernah melapor tetapi belum memperbarui laporan Triwulan II 2025: " \
           "KPU Kota Blitar." in text, fmt


def test_a_province_without_reports_has_dashes_not_zero(history):
    from bakohumas.evaluation.report import build_report
    from bakohumas.reports.models import Period

    report = build_report(None, Period.objects.get(code="2025Q2"))
    aceh = next(p for p in report.provinces if p.code == "11")
    jatim = next(p for p in report.provinces if p.code == "35")
    assert set(aceh.percents(["podcast", "media_center"])) == {None}
    assert jatim.percents(["media_center"]) != [None]
