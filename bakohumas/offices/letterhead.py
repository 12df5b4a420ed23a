"""The office's letterhead and signatures, for every letter and document (docs/office-profile.md).

The small API other apps call:

- `letterhead_for(office) -> Letterhead`: what a template or a DOCX needs (name lines, address,
  contacts, logo, PPID officer, atasan PPID, signatories, the place of signing). Works without a
  profile: the office's name stands in, the rest is empty.
- the HTML partial `offices/_letterhead.html` (context: `letterhead`) for WeasyPrint, with
  `offices/_letter_style.html` in the <head> for A4 pages numbered "Halaman x dari y";
- `docx_document()`, `docx_letterhead(doc, letterhead)`, `docx_signature(doc, ...)` for python-docx;
- `letter_number_next(office=..., year=...)` (from offices.services): the next letter number."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bakohumas.offices.models import Office, OfficeProfile
from bakohumas.offices.services import letter_number_next

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["Letterhead", "Person", "docx_document", "docx_widths", "docx_letterhead", "docx_signature", "letter_number_next",
           "letterhead_for"]

LOGO_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg"}


@dataclass(frozen=True)
class Person:
    """A signatory: name, NIP (may be empty for a commissioner) and position."""

    name: str
    nip: str = ""
    position: str = ""

    @property
    def nip_line(self) -> str:
        return f"NIP {self.nip}" if self.nip else ""


@dataclass(frozen=True)
class Letterhead:
    office: Office
    full_name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    city: str = ""
    logo: bytes | None = None
    ppid: Person | None = None
    atasan: Person | None = None
    signatories: list[Person] = field(default_factory=list)
    has_profile: bool = False

    @property
    def title_lines(self) -> list[str]:
        """The name in two lines as a kop prints it: the institution, then the region."""
        for head in ("KOMISI PEMILIHAN UMUM", "KOMISI INDEPENDEN PEMILIHAN"):
            if self.full_name.upper().startswith(head + " "):
                return [head, self.full_name[len(head) + 1:].upper()]
        return [self.full_name.upper()]

    @property
    def contact_line(self) -> str:
        parts = [f"Telepon {self.phone}" if self.phone else "", f"E-mail {self.email}" if self.email else ""]
        return " · ".join(p for p in parts if p)

    @property
    def website_line(self) -> str:
        return f"Laman {self.website.removeprefix('https://').removeprefix('http://').rstrip('/')}" if self.website else ""

    @property
    def logo_mime(self) -> str | None:
        if not self.logo:
            return None
        return next((mime for magic, mime in LOGO_TYPES.items() if self.logo.startswith(magic)), None)

    @property
    def logo_data_uri(self) -> str:
        """The logo inline (WeasyPrint then fetches nothing), or "" when there is none."""
        mime = self.logo_mime
        return f"data:{mime};base64,{base64.b64encode(self.logo or b'').decode()}" if mime else ""

    @property
    def place(self) -> str:
        return self.city or default_city(self.office)


def default_full_name(office: Office) -> str:
    if office.is_national:
        return "KOMISI PEMILIHAN UMUM REPUBLIK INDONESIA"
    institution, _space, rest = office.name.partition(" ")
    head = "KOMISI INDEPENDEN PEMILIHAN" if institution == "KIP" else "KOMISI PEMILIHAN UMUM"
    return f"{head} {rest}".upper()


def default_city(office: Office) -> str:
    if office.is_national:
        return "Jakarta"
    return office.region_name.removeprefix("Kota ").removeprefix("Kabupaten ")


def _logo_bytes(profile: OfficeProfile) -> bytes | None:
    if not profile.logo:
        return None
    try:
        with profile.logo.open("rb") as handle:
            return handle.read()
    except FileNotFoundError:  # a record whose file was lost: print the letter without a logo
        return None


def letterhead_for(office: Office) -> Letterhead:
    """The letterhead data of `office` (two queries). Without a profile: the office's name only."""
    profile = OfficeProfile.objects.filter(office=office).first()
    if profile is None:
        return Letterhead(office=office, full_name=default_full_name(office))
    return Letterhead(
        office=office, full_name=profile.full_name or default_full_name(office), address=profile.address,
        phone=profile.phone, email=profile.email, website=profile.website, city=profile.city,
        logo=_logo_bytes(profile),
        ppid=Person(profile.ppid_name, profile.ppid_nip, profile.ppid_position) if profile.ppid_name else None,
        atasan=(Person(profile.atasan_name, profile.atasan_nip, profile.atasan_position)
                if profile.atasan_name else None),
        signatories=[Person(s.name, s.nip, s.position) for s in office.signatories.all()],
        has_profile=True,
    )


# --- python-docx -------------------------------------------------------------------------------

FONT = "Arial"  # LibreOffice substitutes Liberation Sans, metrically identical, where Arial is missing


def _field(run: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in `run`: begin, instruction, separate, a placeholder, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def element(tag: str, **attributes: str) -> Any:
        node = OxmlElement(tag)
        for key, value in attributes.items():
            node.set(qn(key), value)
        return node

    run._r.append(element("w:fldChar", **{"w:fldCharType": "begin"}))
    text = element("w:instrText", **{"xml:space": "preserve"})
    text.text = f" {instruction} "
    run._r.append(text)
    run._r.append(element("w:fldChar", **{"w:fldCharType": "separate"}))
    placeholder = element("w:t")
    placeholder.text = "1"
    run._r.append(placeholder)
    run._r.append(element("w:fldChar", **{"w:fldCharType": "end"}))


def docx_document(*, font_size: float = 11) -> DocxDocument:
    """A new DOCX on A4 (python-docx starts on US Letter) with Indonesian margins, an Arial body tagged
    id-ID, and "Halaman x dari y" centred in the footer."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    for section in doc.sections:
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
        section.left_margin, section.right_margin = Cm(2.5), Cm(2.0)
        section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Halaman ").font.size = Pt(9)
        run = footer.add_run()
        run.font.size = Pt(9)
        _field(run, "PAGE")
        footer.add_run(" dari ").font.size = Pt(9)
        run = footer.add_run()
        run.font.size = Pt(9)
        _field(run, "NUMPAGES")
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(font_size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.set(qn("w:eastAsia"), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "id-ID")
    rpr.append(language)
    style.paragraph_format.space_after = Pt(4)
    core = doc.core_properties
    core.author, core.language, core.comments = "Bakohumas", "id-ID", ""
    return doc


def _bottom_rule(paragraph: Any) -> None:
    """The double rule under a kop surat."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "thinThickSmallGap"), ("w:sz", "18"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def docx_widths(table: Any, widths: list[Any]) -> None:
    """Fixed column widths that Word and LibreOffice both keep: the grid columns and every cell (Word
    reads the cells, LibreOffice the grid) on a fixed-layout table."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table.autofit = False
    properties = table._tbl.tblPr
    layout = properties.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        properties.append(layout)
    layout.set(qn("w:type"), "fixed")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def docx_letterhead(doc: DocxDocument, letterhead: Letterhead) -> None:
    """The kop at the top of the body: the logo left of the centred name lines, the address and
    contacts below, then a double rule."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    table = doc.add_table(rows=1, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    docx_widths(table, [Cm(2.6), Cm(11.3), Cm(2.6)])  # the empty right column keeps the name centred
    logo_cell, text_cell, _right = table.rows[0].cells
    if letterhead.logo_mime:
        logo_cell.paragraphs[0].add_run().add_picture(io.BytesIO(letterhead.logo or b""), height=Cm(2.2))
    first = True
    for line in letterhead.title_lines:
        paragraph = text_cell.paragraphs[0] if first else text_cell.add_paragraph()
        first = False
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.bold, run.font.size = True, Pt(14)
    for line in (letterhead.address, letterhead.contact_line, letterhead.website_line):
        if line:
            paragraph = text_cell.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.add_run(line).font.size = Pt(9)
    rule = doc.add_paragraph()
    rule.paragraph_format.space_after = Pt(8)
    _bottom_rule(rule)


def docx_signature(doc: DocxDocument, *, place_date: str, role: str, person: Person | None) -> None:
    """The signature block on the right half: place and date, the role, room to sign, the name
    (bold, underlined) and the NIP. Without a person: a line to write the name on."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    table = doc.add_table(rows=1, cols=2)
    docx_widths(table, [Cm(8.0), Cm(8.5)])
    _left, right = table.rows[0].cells
    lines = [place_date, role]
    right.paragraphs[0].add_run(lines[0])
    for line in lines[1:]:
        right.add_paragraph(line)
    if person and person.position and person.position != role:
        right.add_paragraph(person.position)
    for _ in range(3):
        right.add_paragraph("")
    name = right.add_paragraph()
    run = name.add_run(person.name if person else "(.................................)")
    run.bold, run.underline = True, bool(person)
    if person and person.nip:
        right.add_paragraph(person.nip_line)
    for paragraph in right.paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        paragraph.paragraph_format.space_after = Pt(0)
    right.paragraphs[0].paragraph_format.space_before = Pt(12)
