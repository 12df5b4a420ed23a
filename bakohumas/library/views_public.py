"""Public pages without login: the OPAC (search, facets, detail, files, citations) and OAI-PMH."""

from __future__ import annotations

from uuid import UUID

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from bakohumas.core.files import serve_file
from bakohumas.library import citation
from bakohumas.library.isbn import hyphenate
from bakohumas.library.oai import Repository
from bakohumas.library.selectors import OpacQuery, opac_facets, opac_record, opac_search


def opac_search_view(request: HttpRequest) -> HttpResponse:
    query = OpacQuery.from_params(request.GET)
    page = Paginator(opac_search(query), 20).get_page(request.GET.get("hal"))
    params = request.GET.copy()
    params.pop("hal", None)
    return render(request, "library/opac_search.html", {
        "query": query, "page": page, "facets": opac_facets(query), "params": params.urlencode(),
    })


def opac_detail(request: HttpRequest, record_id: UUID) -> HttpResponse:
    record = opac_record(record_id)
    return render(request, "library/opac_detail.html", {
        "record": record, "isbns": [hyphenate(isbn) for isbn in record.isbns],
        "files": record.files.all() if record.files_public else [], "apa": citation.apa(record),
    })


def opac_file(request: HttpRequest, record_id: UUID, file_id: UUID) -> FileResponse:
    record = opac_record(record_id)
    if not record.files_public:
        raise Http404
    attached = get_object_or_404(record.files.all(), id=file_id)
    return serve_file(request, attached.file, filename=attached.download_name, attachment=True)


def opac_cover(request: HttpRequest, record_id: UUID) -> FileResponse:
    """The cover is as public as its record: shown in the OPAC and on the staff pages alike, gone
    with the record (a deleted record's cover is 404)."""
    record = opac_record(record_id)
    return serve_file(request, record.cover, filename=f"sampul-{record.id}", cache_control="public, max-age=3600")


def opac_cite(request: HttpRequest, record_id: UUID, fmt: str) -> HttpResponse:
    if fmt not in citation.FORMATS:
        raise Http404
    record = opac_record(record_id)
    content_type, extension = citation.FORMATS[fmt]
    response = HttpResponse(citation.render(record, fmt), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kutipan-{record.id}.{extension}"'
    return response


@csrf_exempt  # OAI-PMH allows POST with form-encoded arguments; harvesters have no CSRF token
@require_http_methods(["GET", "POST"])
def oai_endpoint(request: HttpRequest) -> HttpResponse:
    source = request.POST if request.method == "POST" else request.GET
    params = {key: source.getlist(key) for key in source}
    repository = Repository(host=request.get_host().split(":")[0], base_url=request.build_absolute_uri(reverse("oai")))
    return HttpResponse(repository.respond(params, timezone.now()), content_type="text/xml; charset=utf-8")
