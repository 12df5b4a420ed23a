"""Reads for the election library: scoped lookups for staff pages, the public catalogue (OPAC)
with its facets, and the quarterly counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from stdnum import isbn as stdisbn
from stdnum.exceptions import ValidationError

from bakohumas.library.models import (
    ApplicationEvent,
    CatalogueRecord,
    DocumentType,
    Election,
    IsbnApplication,
    can_edit_library_of,
    can_review_isbn,
)
from bakohumas.offices.models import Office


def get_record_for_user(user, record_id: UUID) -> tuple[CatalogueRecord, bool]:
    """The record if the user may see it (404 otherwise), and whether they may edit it."""
    record = get_object_or_404(
        CatalogueRecord.objects.visible_to(user).select_related("office").prefetch_related("items", "files"),
        id=record_id,
    )
    return record, can_edit_library_of(user, record.office)


def get_application_for_user(user, application_id: UUID) -> tuple[IsbnApplication, bool, bool]:
    """The application if visible, whether the office may act on it, and whether the user reviews it."""
    application = get_object_or_404(
        IsbnApplication.objects.visible_to(user).select_related("office", "office__parent", "record")
        .prefetch_related("parts", Prefetch("events", queryset=ApplicationEvent.objects.select_related("actor"))),
        id=application_id,
    )
    return application, can_edit_library_of(user, application.office), can_review_isbn(user)


def records_for_user(user, *, office_code: str = "", query: str = "") -> QuerySet[CatalogueRecord]:
    records = CatalogueRecord.objects.visible_to(user).select_related("office").annotate(n_items=Count("items"))
    if office_code:
        records = records.filter(office__code=office_code)
    if query:
        records = records.filter(search_condition(query[:QUERY_MAX_CHARS]))
    return records


def applications_for_user(user, *, status: str = "") -> QuerySet[IsbnApplication]:
    applications = IsbnApplication.objects.visible_to(user).select_related("office", "record")
    if can_review_isbn(user) and not status:
        applications = applications.exclude(status=IsbnApplication.Status.DRAFT)
    if status:
        applications = applications.filter(status=status)
    return applications


# ---- OPAC -------------------------------------------------------------------------------------

QUERY_MAX_CHARS = 200
_ISBN_CHARS = re.compile(r"[\s\-\u2010-\u2015]")  # spaces, hyphen-minus and the Unicode dashes
_ISBN_LIKE = re.compile(r"[0-9]{9}[0-9Xx]|97[89][0-9]{10}")


def search_condition(text: str) -> Q:
    """Every word must occur in `search_text`. An ISBN is found however it is printed: "978-623-6501-00-9",
    "978 623 6501 00 9" and an ISBN-10 all match the stored ISBN-13 (digits only); a hyphenated word
    (an ISSN, "2024-2029") is also matched as written."""
    text = text.lower().strip()
    compact = _ISBN_CHARS.sub("", text)
    if _ISBN_LIKE.fullmatch(compact):
        return Q(search_text__contains=_isbn13(compact))
    condition = Q()
    for word in text.split():
        alternatives = Q(search_text__contains=word)
        bare = _ISBN_CHARS.sub("", word)
        if bare != word and _ISBN_LIKE.fullmatch(bare):
            alternatives |= Q(search_text__contains=_isbn13(bare))
        condition &= alternatives
    return condition


def _isbn13(compact: str) -> str:
    try:
        return stdisbn.to_isbn13(stdisbn.validate(compact))
    except ValidationError:  # not a valid ISBN: search for the digits as typed
        return compact.lower()


@dataclass
class OpacQuery:
    q: str = ""
    office: str = ""
    year: str = ""
    type: str = ""
    election: str = ""
    truncated: bool = False  # the search words were longer than QUERY_MAX_CHARS and were cut

    @classmethod
    def from_params(cls, params) -> OpacQuery:
        values = {name: params.get(name, "").strip() for name in ("q", "office", "year", "type", "election")}
        return cls(**{name: value[:QUERY_MAX_CHARS] for name, value in values.items()},
                   truncated=len(values["q"]) > QUERY_MAX_CHARS)

    def filters(self, *, skip: str = "") -> Q:
        condition = Q()
        if self.q:
            condition &= search_condition(self.q)
        if self.office and skip != "office":
            condition &= Q(office__code=self.office)
        if self.year.isdigit() and skip != "year":
            condition &= Q(year=int(self.year))
        if self.type and skip != "type":
            condition &= Q(document_type=self.type)
        if self.election and skip != "election":
            condition &= Q(election=self.election)
        return condition


def opac_search(query: OpacQuery) -> QuerySet[CatalogueRecord]:
    return CatalogueRecord.objects.public().filter(query.filters()).select_related("office").order_by("-year", "title")


def opac_facets(query: OpacQuery) -> dict[str, list[dict[str, Any]]]:
    """Counts per facet value, computed in SQL; each facet ignores its own selection so the
    other values stay visible (the usual OPAC behaviour)."""
    base = CatalogueRecord.objects.public()

    def counts(field: str, skip: str) -> list[dict[str, Any]]:
        rows = base.filter(query.filters(skip=skip)).exclude(**{f"{field}__isnull": True})
        return list(rows.values(field).annotate(n=Count("id")).order_by(field))

    type_labels, election_labels = dict(DocumentType.choices), dict(Election.choices)
    offices = {o.code: o.name for o in Office.objects.filter(
        code__in=[r["office__code"] for r in counts("office__code", "office")])}
    return {
        "office": [{"value": r["office__code"], "label": offices.get(r["office__code"], r["office__code"]),
                    "n": r["n"]} for r in counts("office__code", "office")],
        "year": sorted(({"value": str(r["year"]), "label": str(r["year"]), "n": r["n"]}
                        for r in counts("year", "year")), key=lambda r: r["value"], reverse=True),
        "type": [{"value": r["document_type"], "label": type_labels.get(r["document_type"], r["document_type"]),
                  "n": r["n"]} for r in counts("document_type", "type")],
        "election": [{"value": r["election"], "label": election_labels.get(r["election"], r["election"]),
                      "n": r["n"]} for r in counts("election", "election")],
    }


def opac_record(record_id: UUID) -> CatalogueRecord:
    try:
        return CatalogueRecord.objects.public().select_related("office").prefetch_related("files", "items").get(
            id=record_id)
    except CatalogueRecord.DoesNotExist as exc:
        raise Http404 from exc


# ---- Quarterly report -------------------------------------------------------------------------

def library_quarter_counts(office: Office, period) -> dict[str, int]:
    """The suggestions for the quarterly form: catalogue records created and ISBN applications first
    submitted by the office within `period.start`..`period.end` (dates in the site's time zone).
    Nothing for an office that has not started its catalogue here."""
    if not (CatalogueRecord.objects.filter(office=office).exists()
            or IsbnApplication.objects.filter(office=office).exists()):
        return {}
    records = CatalogueRecord.objects.filter(
        office=office, deleted_at__isnull=True,
        created_at__date__gte=period.start, created_at__date__lte=period.end).count()
    applications = IsbnApplication.objects.filter(
        office=office, events__action="submit", events__from_status=IsbnApplication.Status.DRAFT,
        events__created_at__date__gte=period.start, events__created_at__date__lte=period.end,
    ).distinct().count()
    return {"dokumen_perpustakaan": records, "pengajuan_isbn": applications}
