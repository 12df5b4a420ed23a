"""Helpers for the publications tests: an output of an activity, through the services."""

from __future__ import annotations

import pytest

from bakohumas.publications.services import output_create

NEWS_BODY = (
    "KPU Kota Kediri menggelar sosialisasi pemilih pemula di Aula SMA Negeri 1 Kediri pada Senin, "
    "17 Juli 2025. ")


@pytest.fixture
def make_output(db):
    def make(activity, actor, kind: str = "berita_website", *, title: str = "KPU Kota Kediri ajak pemilih pemula "
             "cek data di sekolah", lead: str = NEWS_BODY, body: str = "Isi berita.", **extra):
        return output_create(activity=activity, actor=actor, data={
            "kind": kind, "title": title, "lead": lead, "body": body, **extra})
    return make
