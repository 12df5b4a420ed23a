"""Record helpers: create channels, partnerships and activities through the services."""

from __future__ import annotations

import datetime as dt

import pytest

from bakohumas.records.services import activity_create, channel_create, partnership_create

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def make_channel(db):
    def make(office, kind: str = "instagram", handle: str = "@kpukotakediri", *,
             since: dt.date | None = None, until: dt.date | None = None, **extra):
        return channel_create(office=office, actor=None, data={
            "kind": kind, "handle": handle, "active_since": since, "active_until": until, **extra})
    return make


@pytest.fixture
def make_partnership(db):
    def make(office, partner_type: str = "media", signed_on: dt.date = dt.date(2025, 1, 10),
             valid_until: dt.date | None = None, *, name: str = "", document=None, **extra):
        name = name or f"Mitra {partner_type} {signed_on:%Y%m%d} {valid_until or 'terbuka'}"
        return partnership_create(office=office, actor=None, document=document, data={
            "partner_name": name, "partner_type": partner_type, "form": "mou", "signed_on": signed_on,
            "valid_until": valid_until, **extra})
    return make


@pytest.fixture
def make_activity(db):
    def make(office, held_on: dt.date, kind: str = "sosialisasi", *, non_budget: bool = False, **extra):
        return activity_create(office=office, actor=None, data={
            "held_on": held_on, "kind": kind, "title": extra.pop("title", f"Kegiatan {kind}"),
            "non_budget": non_budget, **extra})
    return make
