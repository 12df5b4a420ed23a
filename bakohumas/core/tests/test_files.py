"""Guard: every stored file leaves the server through a scoped view, never under MEDIA_URL.

Every FileField/ImageField of every installed model has an entry in core.files.FILE_VIEWS whose
views exist and answer through core.files.serve_file; no template (and no code) links to
MEDIA_URL or to the `.url` of a file field. A new file field fails this test until it has a view."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

import bakohumas
from bakohumas.core.files import FILE_VIEWS, StoredFileMissing, download_name, serve_file
from bakohumas.core.uploads import stored_name

ROOT = Path(bakohumas.__file__).parent
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


def _file_fields() -> dict[str, models.FileField]:
    return {f"{model._meta.label}.{field.name}": field
            for model in apps.get_models() for field in model._meta.get_fields()
            if isinstance(field, models.FileField)}  # ImageField is a FileField


def _views(resolver: URLResolver | None = None, prefix: str = "") -> dict[str, object]:
    found: dict[str, object] = {}
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            found |= _views(pattern, f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix)
        elif isinstance(pattern, URLPattern) and pattern.name:
            found[prefix + pattern.name] = pattern.callback
    return found


def test_it_knows_a_scoped_view_for_every_file_field_of_every_model():
    assert set(_file_fields()) == set(FILE_VIEWS)


@pytest.mark.parametrize("name", sorted({name for names in FILE_VIEWS.values() for name in names}))
def test_each_file_view_exists_and_answers_through_serve_file(name):
    views = _views()
    assert name in views, f"{name} is not a URL name"
    source = inspect.getsource(inspect.unwrap(views[name]))  # type: ignore[arg-type]
    assert "serve_file(" in source, f"{name} does not answer through core.files.serve_file"


def _file_field_names() -> str:
    return "|".join(sorted({field.name for field in _file_fields().values()}))


def test_no_template_links_to_media_url_or_to_a_file_fields_url():
    file_url = re.compile(rf"\b({_file_field_names()})\.url\b")
    offenders = []
    for path in ROOT.rglob("*"):
        if path.suffix not in {".html", ".txt", ".xml", ".md"} or "templates" not in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "MEDIA_URL" in text or file_url.search(text) or "/media/" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_no_code_hands_out_a_file_fields_url():
    file_url = re.compile(rf"\.({_file_field_names()})\.url\b|settings\.MEDIA_URL")
    offenders = [str(path.relative_to(ROOT)) for path in ROOT.rglob("*.py")
                 if "tests" not in path.parts and file_url.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


# --- the shared helper -------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "extension", "expected"), [
    ("laporan.pdf.html", "pdf", "laporan.pdf"),
    ("evil.html", "jpg", "evil.jpg"),
    ("bukti-3571-2025Q3-kerja_sama_media", "pdf", "bukti-3571-2025Q3-kerja_sama_media.pdf"),
    ('C:\\Users\\op\\"scan" 1.png', "png", "scan_1.png"),
    ("../../etc/passwd", None, "passwd"),
    ("...", None, "berkas"),
    ("data.csv", None, "data.csv"),
])
def test_it_gives_a_safe_download_name_with_the_extension_of_the_bytes(name, extension, expected):
    assert download_name(name, extension) == expected


def test_it_names_stored_files_at_random_with_the_extension_of_their_bytes():
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", stored_name(ContentFile(PDF, name="laporan.pdf.html")))
    assert re.fullmatch(r"[0-9a-f]{32}\.png", stored_name(ContentFile(PNG, name="evil.html")))
    assert stored_name(ContentFile(b"<html></html>", name="evil.html")).endswith(".bin")


class _Holder:
    """Stands in for a model instance: serve_file needs only the field's file."""


def _field(name: str, content: bytes | None):
    field = models.FileField(upload_to="uji/")
    field.set_attributes_from_name("file")
    stored = default_storage.save(f"uji/{name}", ContentFile(content)) if content is not None else f"uji/{name}"
    return models.fields.files.FieldFile(_Holder(), field, stored)


@pytest.mark.parametrize(("content", "query", "content_type", "disposition"), [
    (PNG, "", "image/png", "inline"),
    (PDF, "", "application/pdf", "inline"),
    (PDF, "?unduh=1", "application/pdf", "attachment"),
    (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "", "application/octet-stream", "attachment"),
    (b"<html><script>alert(1)</script></html>", "", "application/octet-stream", "attachment"),
])
def test_it_shows_inline_only_images_and_pdfs_and_never_trusts_the_name(content, query, content_type, disposition):
    response = serve_file(RequestFactory().get(f"/berkas/{query}"), _field("evil.html", content), filename="evil.html")
    assert response["Content-Type"] == content_type and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith(disposition)
    assert b"".join(response.streaming_content) == content


def test_it_says_404_when_the_storage_lost_the_file():
    with pytest.raises(StoredFileMissing):
        serve_file(RequestFactory().get("/"), _field("hilang.pdf", None), filename="hilang")
