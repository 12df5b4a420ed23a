"""Submitting twice is harmless in PPID: the public form posted twice registers one request; a step
(notice, extension, objection, dispute) posted twice is recorded once with a notice, never an error
page or a second row; a stale dispute update is refused instead of replacing a colleague's."""

import datetime as dt
import re
import threading

import pytest
from django.db import connection
from django.urls import reverse

from bakohumas.ppid.models import Decision, Dispute, Extension, InformationRequest, Objection
from bakohumas.ppid.services import (
    ConflictError,
    StaleTransition,
    dispute_register,
    dispute_update,
    objection_file,
    request_decide,
)

from .test_public import URL, form_data

pytestmark = pytest.mark.django_db
D = dt.date


def test_the_public_form_posted_twice_registers_one_request(client):
    html = client.get(URL).content.decode()
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    first = client.post(URL, form_data(form_token=token))
    second = client.post(URL, form_data(form_token=token))
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert InformationRequest.objects.count() == 1
    # A fresh form is a new request.
    assert client.post(URL, form_data(form_token=re.search(
        r'name="form_token" value="([^"]+)"', client.get(URL).content.decode()).group(1))).status_code == 302
    assert InformationRequest.objects.count() == 2


def _decision(**extra) -> dict:
    return {"decided_on": "2025-07-08", "availability": "dikuasai", "outcome": "diterima", "fee": "0", **extra}


def test_a_notice_posted_twice_is_recorded_once_with_a_notice(client, operator, kediri, make_request):
    request = make_request(kediri, D(2025, 7, 4))
    client.force_login(operator)
    url = reverse("ppid:request_decide", args=[request.id])
    assert client.post(url, _decision()).status_code == 302
    second = client.post(url, _decision(), follow=True)
    assert second.status_code == 200 and "sudah dicatat; tidak dicatat dua kali" in second.content.decode()
    assert Decision.objects.filter(request=request).count() == 1


def test_an_extension_posted_twice_is_recorded_once(client, operator, kediri, make_request):
    request = make_request(kediri, D(2025, 3, 27))
    client.force_login(operator)
    url = reverse("ppid:request_extend", args=[request.id])
    for _ in range(2):
        response = client.post(url, {"notified_on": "2025-04-15", "reasons": "Arsip di gudang."})
        assert response.status_code == 302
    assert Extension.objects.filter(request=request).count() == 1


def test_an_objection_and_a_dispute_posted_twice_are_recorded_once(kediri, operator, make_request):
    request = make_request(kediri, D(2025, 7, 4))
    request_decide(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="diterima",
                   actor=operator)
    for _ in range(2):
        objection_file(request=request, filed_on=D(2025, 7, 15), ground="35d", statement="Tidak lengkap.",
                       actor=operator)
        dispute_register(request=request, commission="KI Jatim", case_number="1", registered_on=D(2025, 9, 1),
                         actor=operator)
    assert Objection.objects.filter(request=request).count() == 1
    assert Dispute.objects.filter(request=request).count() == 1


@pytest.fixture
def dispute(kediri, operator, make_request):
    request = make_request(kediri, D(2025, 7, 4))
    request_decide(request=request, decided_on=D(2025, 7, 8), availability="dikuasai", outcome="diterima",
                   actor=operator)
    objection_file(request=request, filed_on=D(2025, 7, 15), ground="35d", statement="", actor=operator)
    return dispute_register(request=request, commission="KI Jatim", case_number="1", registered_on=D(2025, 9, 1),
                            actor=operator)


def test_a_stale_dispute_update_is_refused_and_says_who(client, operator, ketua, dispute):
    loaded = dispute.revision
    dispute_update(dispute=dispute, stage="mediasi", ended_on=None, outcome="", actor=ketua, revision=loaded)
    with pytest.raises(ConflictError):
        dispute_update(dispute=dispute, stage="ajudikasi", ended_on=None, outcome="", actor=operator, revision=loaded)
    client.force_login(operator)
    url = reverse("ppid:dispute_update", args=[dispute.id])
    response = client.post(url, {"stage": "ajudikasi", "outcome": "Diketik operator.", "revision": loaded})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Tersimpan (oleh" in html and ketua.get_full_name() in html
    row = re.search(r'<tr data-conflict="stage">.*?</tr>', html, re.S).group(0)
    assert "Ajudikasi" in row and "Mediasi" in row
    assert "Diketik operator.</textarea>" in html  # nothing typed is lost
    dispute.refresh_from_db()
    assert dispute.stage == "mediasi"
    page = dict(re.findall(r'<input type="hidden" name="(revision|basis)" value="([^"]*)"', html))
    response = client.post(url, {"stage": "ajudikasi", "outcome": "Diketik operator.", **page,
                                 "pilih__stage": "anda", "pilih__outcome": "anda"})
    assert response.status_code == 302
    dispute.refresh_from_db()
    assert (dispute.stage, dispute.outcome) == ("ajudikasi", "Diketik operator.")


@pytest.mark.django_db(transaction=True)
def test_two_staff_deciding_at_once_on_postgresql_make_one_decision(kediri, operator, ketua, make_request):
    if connection.vendor != "postgresql":
        pytest.skip("threads with their own connections need a server database")
    request = make_request(kediri, D(2025, 7, 4))
    barrier, outcomes = threading.Barrier(2), []

    def decide(actor):
        from django.db import connections
        try:
            barrier.wait()
            request_decide(request=InformationRequest.objects.get(pk=request.pk), decided_on=D(2025, 7, 8),
                           availability="dikuasai", outcome="diterima", actor=actor)
            outcomes.append("decided")
        except StaleTransition:
            outcomes.append("already")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=decide, args=(actor,)) for actor in (operator, ketua)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already", "decided"]
    assert Decision.objects.filter(request=request).count() == 1
