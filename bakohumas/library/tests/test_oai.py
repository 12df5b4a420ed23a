"""OAI-PMH 2.0: every response validates against the official schemas (OAI-PMH.xsd, oai_dc.xsd,
simpledc20021212.xsd, kept in tests/schemas/), lists page with resumption tokens, errors use the
protocol's codes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from bakohumas.library.models import CatalogueRecord
from bakohumas.library.oai import PAGE_SIZE
from bakohumas.library.services import record_delete
from bakohumas.library.tests.conftest import make_record

pytestmark = pytest.mark.django_db

SCHEMA = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "schemas" / "wrapper.xsd")))
NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/",
      "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/"}


def oai(client, **params):
    response = client.get("/oai", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    document = etree.fromstring(response.content)
    SCHEMA.assertValid(document)
    return document


def error_code(document) -> str | None:
    errors = document.xpath("//oai:error/@code", namespaces=NS)
    return errors[0] if errors else None


def test_it_identifies_the_repository(client, record):
    doc = oai(client, verb="Identify")
    assert doc.xpath("string(//oai:protocolVersion)", namespaces=NS) == "2.0"
    assert doc.xpath("string(//oai:deletedRecord)", namespaces=NS) == "persistent"
    assert doc.xpath("string(//oai:granularity)", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert doc.xpath("string(//oai:baseURL)", namespaces=NS) == "http://testserver/oai"
    assert doc.xpath("string(//oai:request/@verb)", namespaces=NS) == "Identify"


def test_it_lists_metadata_formats_and_sets(client, record):
    doc = oai(client, verb="ListMetadataFormats")
    assert doc.xpath("//oai:metadataPrefix/text()", namespaces=NS) == ["oai_dc"]
    make_record("ID", title="Panduan KPU RI")
    specs = oai(client, verb="ListSets").xpath("//oai:setSpec/text()", namespaces=NS)
    assert {"satker", "satker:3571", "satker:00", "jenis", "jenis:buku", "jenis:laporan"} <= set(specs)
    assert "satker:ID" not in specs


def test_it_gets_one_record_in_oai_dc(client, record):
    identifier = f"oai:testserver:{record.id}"
    doc = oai(client, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    assert doc.xpath("string(//oai:header/oai:identifier)", namespaces=NS) == identifier
    assert doc.xpath("//oai:header/oai:setSpec/text()", namespaces=NS) == ["satker:3571", "jenis:laporan"]
    datestamp = doc.xpath("string(//oai:header/oai:datestamp)", namespaces=NS)
    assert datestamp == record.updated_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert doc.xpath("string(//dc:title)", namespaces=NS) == "Laporan Pemilu 2024 Kota Kediri : tahapan pemungutan suara"
    assert "urn:isbn:9786020331058" in doc.xpath("//dc:identifier/text()", namespaces=NS)
    assert doc.xpath("//dc:creator/text()", namespaces=NS) == ["Sekretariat KPU Kota Kediri", "Penulis Contoh"]


def test_it_reports_deleted_records(client, record):
    record_delete(record=record, actor=None)
    doc = oai(client, verb="GetRecord", identifier=f"oai:testserver:{record.id}", metadataPrefix="oai_dc")
    assert doc.xpath("string(//oai:header/@status)", namespaces=NS) == "deleted"
    assert not doc.xpath("//oai:metadata", namespaces=NS)
    listed = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert listed.xpath("//oai:header/@status", namespaces=NS) == ["deleted"]


@pytest.mark.parametrize(("params", "code"), [
    ({}, "badVerb"),
    ({"verb": "Explode"}, "badVerb"),
    ({"verb": "Identify", "extra": "1"}, "badArgument"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "marc"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:testserver:nope"}, "idDoesNotExist"),
    ({"verb": "GetRecord", "metadataPrefix": "oai_dc",
      "identifier": "oai:elsewhere:00000000-0000-0000-0000-000000000000"}, "idDoesNotExist"),
    ({"verb": "ListRecords", "resumptionToken": "forged"}, "badResumptionToken"),
    ({"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-13-45"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-01-01", "until": "2024-02-01T00:00:00Z"},
     "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-01-02", "until": "2025-01-01"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "satker:9999"}, "noRecordsMatch"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "2001-01-01"}, "noRecordsMatch"),
    ({"verb": "ListMetadataFormats", "identifier": "oai:testserver:nope"}, "idDoesNotExist"),
])
def test_it_answers_bad_requests_with_the_protocol_error(client, record, params, code):
    doc = oai(client, **params)
    assert error_code(doc) == code
    if code in ("badVerb", "badArgument"):
        assert not doc.xpath("//oai:request/@*", namespaces=NS)


def test_it_rejects_repeated_arguments(client, record):
    response = client.get("/oai?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc")
    document = etree.fromstring(response.content)
    SCHEMA.assertValid(document)
    assert error_code(document) == "badArgument"


def test_it_accepts_post(client, record):
    response = client.post("/oai", {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc"})
    document = etree.fromstring(response.content)
    SCHEMA.assertValid(document)
    assert len(document.xpath("//oai:header", namespaces=NS)) == 1


def _harvest(client, verb: str, **params) -> tuple[list[str], list]:
    identifiers, tokens = [], []
    doc = oai(client, verb=verb, **params)
    while True:
        identifiers += doc.xpath("//oai:header/oai:identifier/text()", namespaces=NS)
        token = doc.xpath("//oai:resumptionToken", namespaces=NS)
        if not token:
            break
        tokens.append(token[0])
        if not token[0].text:
            break
        doc = oai(client, verb=verb, resumptionToken=token[0].text)
    return identifiers, tokens


def test_it_pages_through_more_than_a_hundred_records_with_tokens(client, kediri):
    total = 2 * PAGE_SIZE + 37
    records = [CatalogueRecord(office=kediri, title=f"Dokumen {n:03d}", search_text="") for n in range(total)]
    CatalogueRecord.objects.bulk_create(records)
    for verb in ("ListRecords", "ListIdentifiers"):
        identifiers, tokens = _harvest(client, verb, metadataPrefix="oai_dc")
        assert len(identifiers) == total == len(set(identifiers))
        assert [t.get("cursor") for t in tokens] == ["0", str(PAGE_SIZE), str(2 * PAGE_SIZE)]
        assert {t.get("completeListSize") for t in tokens} == {str(total)}
        assert tokens[-1].text is None and tokens[0].get("expirationDate")


def test_it_harvests_selectively_by_set_and_date(client, kediri):
    old = make_record(title="Lama")
    new = make_record("3573", title="Baru", document_type="buku")
    CatalogueRecord.objects.filter(pk=old.pk).update(updated_at=timezone.make_aware(dt.datetime(2024, 3, 1, 12)))
    ids = lambda **p: oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc", **p).xpath(  # noqa: E731
        "//oai:header/oai:identifier/text()", namespaces=NS)
    assert ids(set="satker:3573") == [f"oai:testserver:{new.id}"]
    assert ids(set="jenis:laporan") == [f"oai:testserver:{old.id}"]
    assert len(ids(set="satker")) == 2
    assert ids(until="2024-03-01") == [f"oai:testserver:{old.id}"]
    assert ids(**{"from": "2024-03-01T05:00:00Z", "until": "2024-03-01T05:00:00Z"}) == [f"oai:testserver:{old.id}"]
    assert ids(**{"from": "2024-03-02"}) == [f"oai:testserver:{new.id}"]


def test_it_keeps_a_harvest_whole_when_a_record_changes_midway(client, kediri):
    CatalogueRecord.objects.bulk_create(
        [CatalogueRecord(office=kediri, title=f"D{n}", search_text="") for n in range(PAGE_SIZE + 5)])
    first = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    seen = first.xpath("//oai:header/oai:identifier/text()", namespaces=NS)
    changed = CatalogueRecord.objects.order_by("updated_at", "id").first()
    changed.save()  # moves to the end of the list
    token = first.xpath("string(//oai:resumptionToken)", namespaces=NS)
    rest = oai(client, verb="ListIdentifiers", resumptionToken=token).xpath(
        "//oai:header/oai:identifier/text()", namespaces=NS)
    assert set(seen) | set(rest) == {f"oai:testserver:{r.id}" for r in CatalogueRecord.objects.all()}
    assert f"oai:testserver:{changed.id}" in rest


def test_a_token_belongs_to_its_verb(client, kediri):
    CatalogueRecord.objects.bulk_create(
        [CatalogueRecord(office=kediri, title=f"D{n}", search_text="") for n in range(PAGE_SIZE + 1)])
    token = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc").xpath(
        "string(//oai:resumptionToken)", namespaces=NS)
    assert error_code(oai(client, verb="ListRecords", resumptionToken=token)) == "badResumptionToken"
