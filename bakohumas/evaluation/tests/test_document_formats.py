"""The file formats of the evaluation documents: slides legible on a projector (font sizes, native
charts, slide numbers, speaker notes, language, properties), a DOCX on A4 with page numbers, Word
lists and readable tables, and a workbook with numbers, formulas and a print set-up."""

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile

import pytest
import time_machine

from bakohumas.evaluation.documents import render_document

pytestmark = pytest.mark.django_db

NOTE = "Catatan uji: dibahas pada Rakor."


@pytest.fixture
def reports(make_report):
    make_report("3571", "2025Q1", wa_bakohumas_eksternal=0)
    make_report("3571", "2025Q2", wa_bakohumas_eksternal=1, uraian_kendala="Koneksi internet sering putus.")
    make_report("3572", "2025Q2", reported_on=dt.date(2025, 7, 14), wa_bakohumas_eksternal=0)
    make_report("3573", "2025Q1", wa_bakohumas_eksternal=0)


@pytest.fixture
def with_note(monkeypatch):
    """A note from the evaluator, as the evaluation will carry it."""
    from bakohumas.evaluation import report as report_module

    build = report_module.build_report

    def build_with_note(*args, **kwargs):
        report = build(*args, **kwargs)
        report.note = NOTE
        return report

    monkeypatch.setattr("bakohumas.evaluation.documents.build_report", build_with_note)


def _xml(content: bytes, pattern: str) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name).decode("utf-8") for name in archive.namelist() if re.search(pattern, name)}


@time_machine.travel(dt.datetime(2025, 7, 17, 3, 0, tzinfo=dt.UTC), tick=False)
def test_it_makes_slides_for_a_projector(reports, with_note):
    from pptx import Presentation
    from pptx.util import Pt

    content, _name, _type = render_document("pptx", region="35", period="2025Q2")
    deck = Presentation(io.BytesIO(content))
    body_sizes, table_sizes = [], []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.name not in ("Footer", "Slide Number"):
                body_sizes += [run.font.size for p in shape.text_frame.paragraphs for run in p.runs]
            if shape.has_table:
                table_sizes += [run.font.size for row in shape.table.rows for cell in row.cells
                                for p in cell.text_frame.paragraphs for run in p.runs]
    assert body_sizes and min(body_sizes) >= Pt(18)
    assert table_sizes and min(table_sizes) >= Pt(14)
    assert all(run.font.name == "Arial" for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
               for p in shape.text_frame.paragraphs for run in p.runs)
    # Native charts, across the slide.
    charts = [shape for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    assert len(charts) >= 3 and all(shape.width >= deck.slide_width * 0.9 for shape in charts)
    assert _xml(content, r"^ppt/charts/chart\d+\.xml$")
    assert not [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]  # pictures
    # A slide number on every slide, speaker notes on the content slides.
    slides = _xml(content, r"^ppt/slides/slide\d+\.xml$")
    assert len(slides) == len(deck.slides) and all('type="slidenum"' in xml for xml in slides.values())
    notes = [slide.notes_slide.notes_text_frame.text for slide in deck.slides if slide.has_notes_slide]
    assert len(notes) == len(deck.slides) and all(text.strip() for text in notes)
    joined = "\n".join(notes)
    assert "KPU Kota Malang" in joined and NOTE in joined
    # Long tables continue on "(lanjutan)" slides; the note has its slide.
    titles = [s.shapes[1].text_frame.text for s in deck.slides if len(s.shapes) > 1 and s.shapes[1].has_text_frame]
    assert "Indikator per KPU Kabupaten/Kota (lanjutan)" in titles and "Catatan evaluator" in titles
    # Indonesian everywhere, and properties naming the office and today.
    for name, xml in _xml(content, r"^ppt/.*\.xml$").items():
        assert 'lang="en-US"' not in xml, name
    assert 'lang="id-ID"' in "".join(slides.values())
    properties = deck.core_properties
    assert properties.author == "KPU Provinsi Jawa Timur" and properties.last_modified_by == "KPU Provinsi Jawa Timur"
    assert properties.title.startswith("Evaluasi Laporan Bakohumas") and properties.language == "id-ID"
    assert properties.created.date() == dt.date(2025, 7, 17) and properties.modified.date() == dt.date(2025, 7, 17)
    assert "Canny" not in _xml(content, r"^docProps/core\.xml$")["docProps/core.xml"]
    app = _xml(content, r"^docProps/app\.xml$")["docProps/app.xml"]
    assert f"<Slides>{len(deck.slides)}</Slides>" in app and "KPU Provinsi Jawa Timur" in app and "4:3" not in app


@time_machine.travel(dt.datetime(2025, 7, 17, 3, 0, tzinfo=dt.UTC), tick=False)
def test_it_makes_a_docx_on_a4_with_page_numbers_and_word_lists(reports, with_note):
    from docx import Document
    from docx.shared import Cm, Pt

    content, _name, _type = render_document("docx", region="35", period="2025Q2")
    doc = Document(io.BytesIO(content))
    first = doc.sections[0]
    assert abs(first.page_width - Cm(21)) < Cm(0.1) and abs(first.page_height - Cm(29.7)) < Cm(0.1)
    assert all(min(s.page_width, s.page_height) == first.page_width for s in doc.sections)
    footers = _xml(content, r"^word/footer\d*\.xml$")
    assert any("PAGE" in xml and "fldChar" in xml for xml in footers.values())
    assert _xml(content, r"^word/header\d*\.xml$")
    # Word numbering, restarting for each list: findings and recommendations.
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert len(numbered) >= 5 and not any(re.match(r"\d+\.\s", p.text) for p in numbered)
    instances = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(instances) == 2
    numbering = _xml(content, r"^word/numbering\.xml$")["word/numbering.xml"]
    assert numbering.count("w:startOverride") >= 2
    sizes = [run.font.size for table in doc.tables for row in table.rows for cell in row.cells
             for p in cell.paragraphs for run in p.runs]
    assert sizes and all(size is not None and size >= Pt(9) for size in sizes)
    styles = _xml(content, r"^word/styles\.xml$")["word/styles.xml"]
    assert 'w:val="id-ID"' in styles and "en-US" not in styles and "Theme" not in styles.split("<w:style ")[0]
    assert doc.styles["Normal"].font.name == "Arial"
    assert NOTE in "\n".join(p.text for p in doc.paragraphs)
    properties = doc.core_properties
    assert properties.author == "KPU Provinsi Jawa Timur" and properties.language == "id-ID"
    assert properties.created.date() == dt.date(2025, 7, 17)
    assert "Macintosh" not in _xml(content, r"^docProps/app\.xml$")["docProps/app.xml"]


def test_it_makes_a_workbook_with_numbers_formulas_and_a_print_setup(reports, with_note):
    from openpyxl import load_workbook

    content, _name, _type = render_document("xlsx", region="ID", period="2025Q2")
    book = load_workbook(io.BytesIO(content))
    evaluation = book["Evaluasi"]
    wa = next(row for row in evaluation.iter_rows() if row[0].value == "Memanfaatkan grup WhatsApp Bakohumas eksternal")
    assert isinstance(wa[4].value, float) and wa[4].number_format == "0.0%"
    counts = {evaluation.cell(row=r, column=1).value: evaluation.cell(row=r, column=2).value for r in range(4, 9)}
    assert counts["Melapor"].startswith("=COUNTIF(Kelengkapan!G5:")
    assert counts["Belum memperbarui"] == "=B4-B5-B6"
    assert counts["Belum pernah melapor"].startswith("=COUNTIF(Kelengkapan!H5:")
    met = book["Indikator per kantor"]
    totals = {row[1].value: row[3].value for row in met.iter_rows() if row[1].value in ("Jumlah", "Persentase")}
    assert totals["Jumlah"].startswith("=SUM(D5:D") and totals["Persentase"].startswith("=D")
    provinces = book["Provinsi"]
    east_java = next(row for row in provinces.iter_rows() if row[1].value == "Jawa Timur")
    assert east_java[6].value.startswith("=IF(") and east_java[6].number_format == "0.0%"
    assert isinstance(east_java[7].value, float | int) and east_java[7].number_format == "0.0%"
    nation = next(row for row in provinces.iter_rows() if row[1].value == "Nasional")
    assert nation[2].value.startswith("=SUM(C5:C")
    for sheet in book.worksheets:
        assert sheet.freeze_panes, sheet.title
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1, sheet.title
        assert sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        if sheet.title != "Grafik":
            assert sheet.print_title_rows, sheet.title
    texts = [cell.value for row in evaluation.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert NOTE in texts
    assert book.properties.creator == "KPU RI" and book.properties.title.startswith("Evaluasi Laporan Bakohumas")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_computes_the_workbook_totals_to_the_engines_figures(reports, tmp_path):
    from openpyxl import load_workbook

    from bakohumas.evaluation.engine import evaluate
    from bakohumas.offices.models import Office
    from bakohumas.reports.models import Period

    content, name, _type = render_document("xlsx", region="35", period="2025Q2")
    source = tmp_path / name
    source.write_bytes(content)
    out = tmp_path / "computed"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "xlsx", "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=240)
    book = load_workbook(out / name, data_only=True, read_only=True)
    result = evaluate(period=Period.objects.get(code="2025Q2"), region=Office.objects.get(code="35"))
    counts = {row[0]: row[1] for row in book["Evaluasi"].iter_rows(min_row=4, max_row=8, values_only=True)}
    assert counts == {"KPU Kabupaten/Kota dalam cakupan": result.expected, "Melapor": len(result.reported),
                      "Belum pernah melapor": len(result.never_reported), "Belum memperbarui": len(result.stale),
                      "Terlambat": len(result.late)}
    rows = {row[1]: row[3:] for row in book["Indikator per kantor"].iter_rows(values_only=True)
            if row[1] in ("Jumlah", "Persentase")}
    shares = [i for i in result.indicators if i.kind == "share"]
    assert list(rows["Jumlah"][:len(shares)]) == [i.numerator for i in shares]
    assert [round(100 * v, 1) for v in rows["Persentase"][:len(shares)]] == [i.percent for i in shares]
