"""Citation export for the OPAC: BibTeX, RIS and an APA-style line."""

from __future__ import annotations

import re

from bakohumas.library.isbn import hyphenate
from bakohumas.library.models import CatalogueRecord

FORMATS = {"bibtex": ("application/x-bibtex", "bib"), "ris": ("application/x-research-info-systems", "ris"),
           "apa": ("text/plain", "txt")}


def _bibtex_escape(value: str) -> str:
    return re.sub(r"([{}\\&%$#_])", r"\\\1", value)


def bibtex(record: CatalogueRecord) -> str:
    kind = "book" if record.document_type in ("buku", "panduan") else "misc"
    key = re.sub(r"[^a-z0-9]", "", (record.author_names[0] if record.authors else record.title).lower())[:20]
    fields = {
        "title": record.full_title,
        "author": " and ".join(f"{{{a['name']}}}" if a["kind"] == "organisation" else a["name"] for a in record.authors),
        "publisher": record.publisher, "address": record.place, "year": str(record.year or ""),
        "edition": record.edition, "series": record.series, "isbn": ", ".join(record.isbns),
        "issn": ", ".join(record.issns), "note": record.notes,
    }
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value) if name != 'author' else value}}}"
                      for name, value in fields.items() if value)
    return f"@{kind}{{{key}{record.year or ''},\n{body}\n}}\n"


def ris(record: CatalogueRecord) -> str:
    lines = [("TY", "BOOK" if record.document_type in ("buku", "panduan") else "GEN"), ("TI", record.full_title)]
    lines += [("AU", name) for name in record.author_names]
    lines += [("PY", str(record.year or "")), ("PB", record.publisher), ("CY", record.place), ("ET", record.edition),
              ("T3", record.series), ("LA", record.language), ("N1", record.notes)]
    lines += [("KW", subject) for subject in record.subjects]
    lines += [("SN", isbn) for isbn in record.isbns] + [("SN", issn) for issn in record.issns]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value or tag == "ER")


def apa(record: CatalogueRecord) -> str:
    authors = ", ".join(record.author_names) or record.office.name
    parts = [f"{authors}. ({record.year or 't.t.'}).", f"{record.full_title}."]
    if record.edition:
        parts.append(f"({record.edition}).")
    parts.append(f"{record.publisher or record.office.name}.")
    if record.isbns:
        parts.append(f"ISBN {hyphenate(record.isbns[0])}.")
    return " ".join(parts)


def render(record: CatalogueRecord, fmt: str) -> str:
    return {"bibtex": bibtex, "ris": ris, "apa": apa}[fmt](record)
