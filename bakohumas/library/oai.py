"""OAI-PMH 2.0 data provider (http://www.openarchives.org/OAI/2.0/openarchivesprotocol.htm).

Identifiers `oai:<host>:<uuid>`; sets `satker:<kode>` (KPU RI is `satker:00`) and
`jenis:<document type>`, with `satker` and `jenis` as their parent sets; datestamps are
`updated_at` in UTC to the second; deleted records are kept (`deletedRecord=persistent`).
Lists are paged by (updated_at, id) with at most PAGE_SIZE records; the resumption token is a
signed snapshot of the request and the last key, so it needs no server-side state and a record
changed during a harvest moves to a later page rather than being skipped."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core import signing
from django.db.models import Min, Q, QuerySet
from django.urls import reverse
from lxml import etree

from bakohumas.library.models import CatalogueRecord, DocumentType
from bakohumas.offices.models import Office

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
PAGE_SIZE = 100
TOKEN_SALT = "bakohumas.library.oai"
TOKEN_MAX_AGE = 24 * 3600
NATIONAL_SET = "00"

FORMATS = {"oai_dc": (OAI_DC_SCHEMA, OAI_DC_NS)}
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SECOND = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


class OaiError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def _e(parent: etree._Element, tag: str, text: str | None = None, ns: str = OAI_NS, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{tag}", {k: v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def datestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def set_code(office: Office) -> str:
    return NATIONAL_SET if office.code == Office.NATIONAL_CODE else office.code


def office_from_set(code: str) -> Q:
    return Q(office__code=Office.NATIONAL_CODE if code == NATIONAL_SET else code)


class Repository:
    def __init__(self, *, host: str, base_url: str) -> None:
        self.host, self.base_url = host, base_url

    # -- identifiers -----------------------------------------------------------------------
    def identifier(self, record: CatalogueRecord) -> str:
        return f"oai:{self.host}:{record.id}"

    def record_for(self, identifier: str) -> CatalogueRecord:
        prefix = f"oai:{self.host}:"
        try:
            if not identifier.startswith(prefix):
                raise ValueError
            return CatalogueRecord.objects.select_related("office").get(id=uuid.UUID(identifier[len(prefix):]))
        except (ValueError, CatalogueRecord.DoesNotExist) as exc:
            raise OaiError("idDoesNotExist", f"Unknown identifier {identifier}") from exc

    # -- response --------------------------------------------------------------------------
    def respond(self, params: Mapping[str, list[str]], now: dt.datetime) -> bytes:
        root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI_NS})
        root.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_NS} {OAI_SCHEMA}")
        _e(root, "responseDate", datestamp(now))
        request = _e(root, "request", self.base_url)
        try:
            args = self._arguments(params)
            verb = args.pop("verb")
            for key, value in sorted({"verb": verb, **args}.items()):
                request.set(key, value)
            getattr(self, f"_{verb}")(root, args)
        except OaiError as error:
            if error.code in ("badVerb", "badArgument"):
                request.attrib.clear()  # the spec: echo only the base URL for these two
            _e(root, "error", error.message, code=error.code)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _arguments(self, params: Mapping[str, list[str]]) -> dict[str, str]:
        verbs = params.get("verb", [])
        if len(verbs) != 1 or verbs[0] not in VERBS:
            raise OaiError("badVerb", "Missing, repeated or illegal verb")
        required, optional = VERBS[verbs[0]]
        args = {}
        for key, values in params.items():
            if key == "verb":
                continue
            if key not in required | optional:
                raise OaiError("badArgument", f"Illegal argument {key}")
            if len(values) != 1:
                raise OaiError("badArgument", f"Repeated argument {key}")
            args[key] = values[0]
        if "resumptionToken" in args:
            if len(args) > 1:
                raise OaiError("badArgument", "resumptionToken is an exclusive argument")
        else:
            missing = required - set(args)
            if missing:
                raise OaiError("badArgument", f"Missing argument {', '.join(sorted(missing))}")
        return {"verb": verbs[0], **args}

    # -- verbs -----------------------------------------------------------------------------
    def _Identify(self, root: etree._Element, args: dict[str, str]) -> None:
        earliest = CatalogueRecord.objects.aggregate(first=Min("updated_at"))["first"]
        identify = _e(root, "Identify")
        _e(identify, "repositoryName", "Perpustakaan Pemilu KPU (Bakohumas)")
        _e(identify, "baseURL", self.base_url)
        _e(identify, "protocolVersion", "2.0")
        _e(identify, "adminEmail", getattr(settings, "LIBRARY_OAI_ADMIN_EMAIL", "") or "perpustakaan@kpu.go.id")
        _e(identify, "earliestDatestamp", datestamp(earliest) if earliest else "2000-01-01T00:00:00Z")
        _e(identify, "deletedRecord", "persistent")
        _e(identify, "granularity", "YYYY-MM-DDThh:mm:ssZ")

    def _ListMetadataFormats(self, root: etree._Element, args: dict[str, str]) -> None:
        if "identifier" in args:
            self.record_for(args["identifier"])
        formats = _e(root, "ListMetadataFormats")
        for prefix, (schema, namespace) in FORMATS.items():
            element = _e(formats, "metadataFormat")
            _e(element, "metadataPrefix", prefix)
            _e(element, "schema", schema)
            _e(element, "metadataNamespace", namespace)

    def _ListSets(self, root: etree._Element, args: dict[str, str]) -> None:
        if "resumptionToken" in args:  # the list is short and always sent whole
            raise OaiError("badResumptionToken", "ListSets has no resumption tokens")
        sets = _e(root, "ListSets")

        def add(spec: str, name: str) -> None:
            element = _e(sets, "set")
            _e(element, "setSpec", spec)
            _e(element, "setName", name)

        add("satker", "Satuan kerja")
        for office in Office.objects.filter(catalogue_records__isnull=False).distinct().order_by("code"):
            add(f"satker:{set_code(office)}", office.name)
        add("jenis", "Jenis dokumen")
        for value, label in DocumentType.choices:
            add(f"jenis:{value}", str(label))

    def _GetRecord(self, root: etree._Element, args: dict[str, str]) -> None:
        self._check_prefix(args["metadataPrefix"])
        record = self.record_for(args["identifier"])
        self._record(_e(root, "GetRecord"), record)

    def _ListIdentifiers(self, root: etree._Element, args: dict[str, str]) -> None:
        self._list(root, args, "ListIdentifiers")

    def _ListRecords(self, root: etree._Element, args: dict[str, str]) -> None:
        self._list(root, args, "ListRecords")

    # -- lists -----------------------------------------------------------------------------
    def _check_prefix(self, prefix: str) -> None:
        if prefix not in FORMATS:
            raise OaiError("cannotDisseminateFormat", f"Unsupported metadataPrefix {prefix}")

    def _list(self, root: etree._Element, args: dict[str, str], verb: str) -> None:
        if "resumptionToken" in args:
            state = self._read_token(args["resumptionToken"], verb)
        else:
            self._check_prefix(args["metadataPrefix"])
            state = {"m": args["metadataPrefix"], "s": args.get("set", ""), "f": args.get("from", ""),
                     "u": args.get("until", ""), "c": 0, "v": verb}
        records = self._selection(state)
        total = records.count()
        if "after" in state:
            after = dt.datetime.fromisoformat(state["after"])
            records = records.filter(Q(updated_at__gt=after) | Q(updated_at=after, id__gt=uuid.UUID(state["id"])))
        page = list(records.select_related("office")[:PAGE_SIZE + 1])
        has_more = len(page) > PAGE_SIZE
        page = page[:PAGE_SIZE]
        if not page:
            if "after" in state:
                raise OaiError("badResumptionToken", "The list has changed; start the harvest again")
            raise OaiError("noRecordsMatch", "No records match the request")
        container = _e(root, verb)
        for record in page:
            if verb == "ListRecords":
                self._record(container, record)
            else:
                self._header(container, record)
        cursor = state["c"]
        done = cursor + len(page)
        if cursor or has_more:
            # The last page carries an empty token: the harvest is complete.
            token = _e(container, "resumptionToken", completeListSize=str(total), cursor=str(cursor))
            if has_more:
                last = page[-1]
                next_state = {**state, "c": done, "after": last.updated_at.isoformat(), "id": str(last.id)}
                token.text = signing.dumps(next_state, salt=TOKEN_SALT, compress=True)
                expires = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=TOKEN_MAX_AGE)
                token.set("expirationDate", datestamp(expires))

    def _read_token(self, token: str, verb: str) -> dict[str, Any]:
        try:
            state = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        except signing.BadSignature as exc:
            raise OaiError("badResumptionToken", "Invalid or expired resumptionToken") from exc
        if not isinstance(state, dict) or state.get("v") != verb:
            raise OaiError("badResumptionToken", "The resumptionToken belongs to another verb")
        return state

    def _selection(self, state: dict[str, Any]) -> QuerySet[CatalogueRecord]:
        records = CatalogueRecord.objects.order_by("updated_at", "id")
        start, end = _bound(state["f"], "from"), _bound(state["u"], "until")
        if state["f"] and state["u"] and len(state["f"]) != len(state["u"]):
            raise OaiError("badArgument", "from and until must have the same granularity")
        if start and end and start > end:
            raise OaiError("badArgument", "from must not be later than until")
        if start:
            records = records.filter(updated_at__gte=start)
        if end:
            # until is inclusive at its granularity: a day includes all of it, a second all of that second.
            records = records.filter(updated_at__lt=end + (dt.timedelta(days=1) if len(state["u"]) == 10
                                                          else dt.timedelta(seconds=1)))
        spec = state["s"]
        if spec:
            head, _sep, value = spec.partition(":")
            if spec in ("satker", "jenis"):
                pass  # parent sets hold every record
            elif head == "satker" and value:
                records = records.filter(office_from_set(value))
            elif head == "jenis" and value in DocumentType.values:
                records = records.filter(document_type=value)
            else:
                raise OaiError("noRecordsMatch", f"Unknown set {spec}")
        return records

    # -- records ---------------------------------------------------------------------------
    def _header(self, parent: etree._Element, record: CatalogueRecord) -> etree._Element:
        header = _e(parent, "header", **({"status": "deleted"} if record.is_deleted else {}))
        _e(header, "identifier", self.identifier(record))
        _e(header, "datestamp", datestamp(record.updated_at))
        _e(header, "setSpec", f"satker:{set_code(record.office)}")
        _e(header, "setSpec", f"jenis:{record.document_type}")
        return header

    def _record(self, parent: etree._Element, record: CatalogueRecord) -> None:
        element = _e(parent, "record")
        self._header(element, record)
        if not record.is_deleted:
            self._oai_dc(_e(element, "metadata"), record)

    def _oai_dc(self, metadata: etree._Element, record: CatalogueRecord) -> None:
        dc = etree.SubElement(metadata, f"{{{OAI_DC_NS}}}dc", nsmap={"oai_dc": OAI_DC_NS, "dc": DC_NS, "xsi": XSI_NS})
        dc.set(f"{{{XSI_NS}}}schemaLocation", f"{OAI_DC_NS} {OAI_DC_SCHEMA}")

        def add(tag: str, value: Any) -> None:
            if value not in (None, ""):
                _e(dc, tag, str(value), ns=DC_NS)

        add("title", record.full_title)
        for author in record.authors:
            add("creator", author["name"])
        for subject in record.subjects:
            add("subject", subject)
        add("description", record.notes)
        add("description", record.get_election_display() + (f" — {record.election_stage}" if record.election_stage else ""))
        add("publisher", record.publisher)
        add("date", record.year)
        add("type", record.get_document_type_display())
        add("type", "Text")
        add("format", record.collation)
        add("identifier", self.base_url.rsplit("/", 1)[0] + reverse("library:opac_detail", args=[record.id]))
        for isbn in record.isbns:
            add("identifier", f"urn:isbn:{isbn}")
        for issn in record.issns:
            add("identifier", f"urn:issn:{issn}")
        add("source", record.office.name)
        add("language", record.language)
        add("relation", record.series)
        add("coverage", record.place)


def _bound(value: str, name: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        if _DAY.match(value):
            return dt.datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=dt.UTC)
        if _SECOND.match(value):
            return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        pass
    raise OaiError("badArgument", f"Illegal {name} date {value}")
