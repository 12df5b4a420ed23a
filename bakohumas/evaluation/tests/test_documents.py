"""Each document opens with its own library and holds the scope's figures and office names."""

import datetime as dt
import io

import pytest

from bakohumas.evaluation.documents import CONTENT_TYPES, DOCUMENT_FORMATS, render_document
from bakohumas.evaluation.engine import EvaluationError
from bakohumas.offices.models import Office

pytestmark = pytest.mark.django_db


@pytest.fixture
def reports(make_report):
    make_report("3571", "2025Q1", wa_bakohumas_eksternal=0)
    make_report("3571", "2025Q2", wa_bakohumas_eksternal=1, uraian_kendala="Koneksi internet sering putus.")
    make_report("3572", "2025Q2", reported_on=dt.date(2025, 7, 14), uraian_kendala="=1+1 staf terbatas",
                wa_bakohumas_eksternal=0)
    make_report("3573", "2025Q1", wa_bakohumas_eksternal=0)  # not updated in Q2: carried forward


def _render(fmt, region="35", **kwargs):
    steps = []
    content, filename, content_type = render_document(fmt, region=region, period="2025Q2",
                                                      progress=lambda p, m: steps.append((p, m)), **kwargs)
    assert content_type == CONTENT_TYPES[fmt] and filename.endswith(f"-2025Q2.{fmt}")
    assert steps[-1][0] == 100 and [p for p, _m in steps] == sorted(p for p, _m in steps)
    return content, filename


def test_it_knows_four_formats():
    assert set(DOCUMENT_FORMATS) == {"xlsx", "pdf", "docx", "pptx"}


def test_the_workbook_has_every_office_and_guards_formulas(reports):
    from openpyxl import load_workbook

    content, filename = _render("xlsx")
    assert filename == "evaluasi-bakohumas-35-2025Q2.xlsx"
    book = load_workbook(io.BytesIO(content))
    assert {"Evaluasi", "Kelengkapan", "Data", "Indikator per kantor", "Kendala", "Grafik"} <= set(book.sheetnames)
    data = [row for row in book["Data"].iter_rows(min_row=6, values_only=True)]
    assert len(data) == 38 and {r[1] for r in data} >= {"KPU Kota Kediri", "KPU Kabupaten Pacitan"}
    evaluation = [row for row in book["Evaluasi"].iter_rows(values_only=True)]
    wa = next(r for r in evaluation if r[0] == "Memanfaatkan grup WhatsApp Bakohumas eksternal")
    assert wa[2:5] == (1, 38, 2.6)
    assert "naik dari 0 dari 38 (0,0%) menjadi 1 dari 38 (2,6%)" == wa[10]
    texts = [c for row in book["Data"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "'=1+1 staf terbatas" in texts and "=1+1 staf terbatas" not in texts
    status = {r[1]: r[3] for r in book["Kelengkapan"].iter_rows(min_row=5, values_only=True)}
    assert status["KPU Kota Blitar"] == "Terlambat"
    assert status["KPU Kota Malang"] == "Belum memperbarui (dievaluasi dengan laporan Triwulan I 2025)"


def test_the_pdf_report_has_the_cover_figures_and_office_names(reports):
    from pypdf import PdfReader

    content, _name = _render("pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    flat = " ".join(text.split())
    assert "KPU Provinsi Jawa Timur" in flat and "Triwulan II 2025" in flat
    assert "KPU Kota Kediri" in flat and "KPU Kabupaten Pacitan" in flat
    assert "Hanya 1 dari 38 KPU Kabupaten/Kota" in flat
    assert "naik dari 0 dari 38 (0,0%) menjadi 1 dari 38 (2,6%)" in flat
    assert "Jaringan/internet" in flat and "Rekomendasi" in flat


def test_the_docx_report_is_editable_text_with_the_figures(reports):
    from docx import Document

    content, _name = _render("docx")
    doc = Document(io.BytesIO(content))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    cells = {cell.text for table in doc.tables for row in table.rows for cell in row.cells}
    assert "KPU Provinsi Jawa Timur" in paragraphs and "Triwulan II 2025" in paragraphs
    assert "KPU Kota Kediri" in cells and "KPU Kabupaten Pacitan" in cells
    assert any("Hanya 1 dari 38" in p.text for p in doc.paragraphs)
    assert len(doc.inline_shapes) >= 3  # charts


def test_the_slides_split_the_office_table_and_hold_the_figures(reports):
    from pptx import Presentation

    content, _name = _render("pptx")
    deck = Presentation(io.BytesIO(content))
    texts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts += [cell.text for row in shape.table.rows for cell in row.cells]
    joined = "\n".join(texts)
    assert "KPU Provinsi Jawa Timur" in joined and "Triwulan II 2025" in joined
    assert "Indikator per KPU Kabupaten/Kota (1/3)" in joined and "(3/3)" in joined
    assert "KPU Kota Batu" in joined and "KPU Kabupaten Pacitan" in joined
    assert "Temuan" in joined and "Rekomendasi" in joined and "Kendala" in joined
    tables = [shape.table for slide in deck.slides for shape in slide.shapes if shape.has_table]
    office_tables = [t for t in tables if t.cell(0, 1).text == "KPU Kabupaten/Kota"]
    assert [len(t.rows) - 1 for t in office_tables] == [13, 13, 12]


def test_the_nation_gets_a_per_province_table(reports):
    from pptx import Presentation

    content, filename = _render("pptx", region=Office.NATIONAL_CODE)
    assert filename == "evaluasi-bakohumas-nasional-2025Q2.pptx"
    deck = Presentation(io.BytesIO(content))
    cells = [cell.text for slide in deck.slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]
    assert "KPU RI — Nasional" in [s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame]
    assert "Jawa Timur" in cells and "Papua Barat Daya" in cells and "2/38" in cells


def test_it_refuses_an_unknown_format_or_a_regency(reports):
    with pytest.raises(EvaluationError):
        render_document("odt", region="35", period="2025Q2")
    with pytest.raises(EvaluationError):
        render_document("xlsx", region="3571", period="2025Q2")
