"""MARC21 (ISO 2709) and MARCXML export and import with pymarc.

Mapping (docs/library.md has the table): 001 id, 005 updated, 008 fixed data, 020 ISBN, 022 ISSN,
041 language, 090 call number, 100/110 first author, 700/710 other authors, 245 $a$b$c, 250, 264 _1
$a$b$c, 300, 490, 500, 650 _4, 852 one per copy, 960 local (document type, election, stage, files
public). Fields we do not model are kept in `marc_extra` and written back unchanged."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import pymarc
from pymarc import Field, Indicators, Record, Subfield

from bakohumas.library.models import CatalogueRecord, Item

MAPPED = {"001", "003", "005", "008", "020", "022", "041", "090", "100", "110", "245", "250", "264", "300",
          "490", "500", "650", "700", "710", "852", "960"}
ORG_ID = "ID-KPU"


def _sub(pairs: Iterable[tuple[str, str]]) -> list[Subfield]:
    return [Subfield(code, value) for code, value in pairs if value not in ("", None)]


def _field(tag: str, ind: str, pairs: Iterable[tuple[str, str]]) -> Field | None:
    subfields = _sub(pairs)
    return Field(tag=tag, indicators=Indicators(ind[0], ind[1]), subfields=subfields) if subfields else None


def record_to_marc(record: CatalogueRecord, items: Iterable[Item] | None = None) -> Record:
    marc = Record(force_utf8=True)
    level = "s" if record.document_type == "terbitan-berkala" else "m"
    marc.leader = pymarc.Leader(f"     na{level} a2200000 i 4500")
    year = f"{record.year:04d}" if record.year else "    "
    fixed = f"{record.created_at:%y%m%d}s{year}    io " + " " * 17 + f"{record.language} d"
    fields: list[Field | None] = [
        Field(tag="001", data=str(record.id)), Field(tag="003", data=ORG_ID),
        Field(tag="005", data=f"{record.updated_at:%Y%m%d%H%M%S}.0"), Field(tag="008", data=fixed),
        *[_field("020", "  ", [("a", isbn)]) for isbn in record.isbns],
        *[_field("022", "  ", [("a", issn)]) for issn in record.issns],
        _field("041", "0 ", [("a", record.language)]),
        _field("090", "  ", [("a", record.call_number)]),
    ]
    for index, author in enumerate(record.authors):
        person = author["kind"] == "person"
        tag = ("100" if person else "110") if index == 0 else ("700" if person else "710")
        fields.append(_field(tag, "1 " if person else "2 ", [("a", author["name"])]))
    fields += [
        _field("245", ("1" if record.authors else "0") + "0",
               [("a", record.title), ("b", record.subtitle), ("c", record.responsibility)]),
        _field("250", "  ", [("a", record.edition)]),
        _field("264", " 1", [("a", record.place), ("b", record.publisher),
                             ("c", str(record.year) if record.year else "")]),
        _field("300", "  ", [("a", record.collation)]),
        _field("490", "0 ", [("a", record.series)]),
        _field("500", "  ", [("a", record.notes)]),
        *[_field("650", " 4", [("a", subject)]) for subject in record.subjects],
    ]
    for item in items if items is not None else record.items.all():
        fields.append(_field("852", "  ", [("a", record.office.code), ("b", item.location), ("p", item.inventory_code),
                                           ("x", item.status), ("z", item.note)]))
    fields.append(_field("960", "  ", [("a", record.document_type), ("b", record.election),
                                       ("c", record.election_stage), ("d", "1" if record.files_public else "0")]))
    for extra in record.marc_extra:
        if extra.get("data") is not None:
            fields.append(Field(tag=extra["tag"], data=extra["data"]))
        else:
            fields.append(Field(tag=extra["tag"], indicators=Indicators(extra["ind"][0], extra["ind"][1]),
                                subfields=[Subfield(c, v) for c, v in extra["sub"]]))
    for field in fields:
        if field is not None:
            marc.add_field(field)
    return marc


def export_marcxml(records: Iterable[CatalogueRecord]) -> bytes:
    out = io.BytesIO()
    writer = pymarc.XMLWriter(out)
    for record in records:
        writer.write(record_to_marc(record))
    writer.close(close_fh=False)
    return out.getvalue()


def export_iso2709(records: Iterable[CatalogueRecord]) -> bytes:
    return b"".join(record_to_marc(record).as_marc() for record in records)


def read_marc(content: bytes) -> list[Record]:
    """MARCXML (collection or single record) or ISO 2709, judged by the first byte."""
    if content.lstrip()[:1] == b"<":
        return pymarc.parse_xml_to_array(io.BytesIO(content), strict=False)
    return [r for r in pymarc.MARCReader(content, to_unicode=True, force_utf8=True, utf8_handling="strict") if r]


def _first(marc: Record, tag: str, code: str) -> str:
    for field in marc.get_fields(tag):
        values = field.get_subfields(code)
        if values:
            return values[0].strip()
    return ""


def _all(marc: Record, tag: str, code: str) -> list[str]:
    return [value.strip() for field in marc.get_fields(tag) for value in field.get_subfields(code)]


def marc_to_data(marc: Record) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """(record data for services.record_create, copies) from one MARC record. Values are returned
    as found; the model's validation reports what is wrong with them."""
    authors = []
    for field in marc.get_fields("100", "110", "700", "710"):
        for name in field.get_subfields("a"):
            authors.append({"name": name.strip().rstrip(",."), "kind": "person" if field.tag in ("100", "700")
                            else "organisation"})
    year_text = _first(marc, "264", "c") or _first(marc, "260", "c")
    digits = "".join(ch for ch in year_text if ch.isdigit())[:4]
    title = _first(marc, "245", "a")
    data: dict[str, Any] = {
        "title": title.rstrip(" /:;"),
        "subtitle": _first(marc, "245", "b").rstrip(" /:;"),
        "responsibility": _first(marc, "245", "c").rstrip(" ."),
        "authors": authors,
        "publisher": (_first(marc, "264", "b") or _first(marc, "260", "b")).rstrip(" ,"),
        "place": (_first(marc, "264", "a") or _first(marc, "260", "a")).rstrip(" :"),
        "year": int(digits) if len(digits) == 4 else None,
        "edition": _first(marc, "250", "a"),
        "collation": _first(marc, "300", "a"),
        "series": _first(marc, "490", "a"),
        "subjects": _all(marc, "650", "a"),
        "isbns": [value.split()[0] for value in _all(marc, "020", "a") if value.split()],
        "issns": _all(marc, "022", "a"),
        "call_number": _first(marc, "090", "a"),
        "notes": "\n".join(_all(marc, "500", "a")),
        "language": _first(marc, "041", "a") or _fixed_language(marc),
    }
    local = marc.get_fields("960")
    if local:
        data |= {"document_type": _first(marc, "960", "a") or "buku", "election": _first(marc, "960", "b") or "umum",
                 "election_stage": _first(marc, "960", "c"), "files_public": _first(marc, "960", "d") == "1"}
    else:
        data["document_type"] = "terbitan-berkala" if str(marc.leader)[7:8] == "s" else "buku"
    data["marc_extra"] = [_extra(field) for field in marc.fields if field.tag not in MAPPED]
    items = [{"location": _first_in(field, "b"), "inventory_code": _first_in(field, "p"),
              "status": _first_in(field, "x") or Item.Status.AVAILABLE, "note": _first_in(field, "z")}
             for field in marc.get_fields("852")]
    return data, items


def _first_in(field: Field, code: str) -> str:
    values = field.get_subfields(code)
    return values[0].strip() if values else ""


def _fixed_language(marc: Record) -> str:
    fields = marc.get_fields("008")
    data = (fields[0].data or "") if fields else ""  # pymarc types a control field's data as optional
    code = data[35:38] if len(data) >= 38 else ""
    return code.strip() or "ind"


def _extra(field: Field) -> dict[str, Any]:
    if field.is_control_field():
        return {"tag": field.tag, "data": field.data}
    return {"tag": field.tag, "ind": f"{field.indicator1}{field.indicator2}",
            "sub": [[sub.code, sub.value] for sub in field.subfields]}
