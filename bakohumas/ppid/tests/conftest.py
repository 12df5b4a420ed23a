"""PPID fixtures: a clean cache (the public form's rate limit lives there) and request helpers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from bakohumas.ppid.models import InformationRequest
from bakohumas.ppid.services import request_register

VALID_NIK = "3571010101000000"  # valid in form only: Kota Kediri, born 01-01-2000, serial 0000


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def requester(**extra) -> dict:
    return {"requester_name": "Pemohon Uji", "nik": VALID_NIK, "address": "Jl. Uji 1", "phone": "081234567890",
            "information_sought": "Salinan keputusan hasil.", "purpose": "Penelitian.",
            "obtain_method": InformationRequest.ObtainMethod.SOFTCOPY,
            "delivery": InformationRequest.Delivery.EMAIL, **extra}


@pytest.fixture
def make_request(db):
    def make(office, received_on: dt.date, *, channel: str = "langsung", election: bool = False, **extra):
        return request_register(office=office, channel=channel, received_on=received_on, actor=None,
                                is_election_information=election, **requester(**extra))
    return make
