"""Pages of an office's posts: the list with its filters and the staff correction of a category,
the import (upload, preview, confirm: the checked file waits in the session between the two steps
and is checked again on confirmation), and the website feeds."""

from __future__ import annotations

import base64
import secrets
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.jobs.services import job_request
from bakohumas.offices.models import Office
from bakohumas.posts import forms as f
from bakohumas.posts import selectors as s
from bakohumas.posts.feeds import JOB_KIND, feed_create, feed_delete
from bakohumas.posts.importers import UnreadablePostFile, read_posts
from bakohumas.posts.services import ImportResult, post_correct, posts_check, posts_import
from bakohumas.records.transfer import RowError

SESSION_KEY = "pending_posts_import"
PAGE_SIZE = 50
PREVIEW_ROWS = 10


@login_required
def post_list(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    form = f.PostFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    posts = s.posts_for_office(office, platform=filters.get("platform", ""), category=filters.get("kategori", ""),
                               month=filters.get("bulan"))
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("hal"))
    query = urlencode([(k, str(v)) for k, v in request.GET.items() if k != "hal" and v])
    return render(request, "posts/post_list.html", {
        "office": office, "may_edit": may_edit, "form": form, "page": page, "query": query,
        "counts": s.category_counts(posts), "tab": "posts"}, status=200 if not form.errors else 400)


@login_required
@require_POST
def post_correct_view(request: AuthenticatedHttpRequest, post_id: UUID) -> HttpResponse:
    post, may_edit = s.get_post_for_user(request.user, post_id)
    if not may_edit:
        raise PermissionDenied
    form = f.CorrectionForm(request.POST)
    if form.is_valid():
        post_correct(post=post, category=form.cleaned_data["category"], actor=request.user)
        messages.success(request, _("Kategori dikoreksi: %(category)s.") % {"category": post.get_category_display()})
    else:
        messages.error(request, _("Pilih kategori yang benar."))
    back = reverse("posts:post_list", args=[post.office.code])
    query = request.POST.get("query", "")
    return redirect(f"{back}?{query}" if query and "//" not in query else back)


# --- import --------------------------------------------------------------------------------------

def _check(content: bytes, fmt: str, office: Office) -> tuple[ImportResult, str, list[str]]:
    """The checked rows, the format found, and the file's columns that are not read."""
    try:
        batch = read_posts(content, fmt)
    except UnreadablePostFile as exc:
        return ImportResult(errors=[RowError(1, "", str(exc))]), fmt, []
    return posts_check(office=office, rows=batch.rows, columns=batch.columns), batch.format, batch.ignored


@login_required
def import_posts(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    if not may_edit:
        raise PermissionDenied
    form = f.ImportForm(request.POST or None, request.FILES or None)
    context = {"office": office, "form": form, "tab": "import", "may_edit": may_edit}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        result, found, ignored = _check(content, form.cleaned_data["format"], office)
        context.update(result=result, found=dict(f.FORMAT_CHOICES).get(found, found),
                       preview=result.rows[:PREVIEW_ROWS], ignored=ignored)
        if result.ok:
            token = secrets.token_urlsafe(16)
            request.session[SESSION_KEY] = {"token": token, "office": office.code, "format": found,
                                            "name": upload.name, "content": base64.b64encode(content).decode()}
            return render(request, "posts/import.html", {**context, "token": token})
        return render(request, "posts/import.html", context, status=400)
    return render(request, "posts/import.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def import_confirm(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    if not may_edit:
        raise PermissionDenied
    pending = request.session.get(SESSION_KEY)
    if not pending or pending["token"] != request.POST.get("token") or pending["office"] != office.code:
        messages.error(request, _("Pratinjau impor sudah kedaluwarsa. Unggah berkasnya sekali lagi."))
        return redirect("posts:import", office_code=office.code)
    batch = read_posts(base64.b64decode(pending["content"]), pending["format"])
    try:
        result = posts_import(office=office, rows=batch.rows, columns=batch.columns, source=batch.source,
                              actor=request.user, note=pending["name"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("posts:import", office_code=office.code)
    if not result.ok:  # something changed since the preview (another office imported the same links)
        return render(request, "posts/import.html", {"office": office, "form": f.ImportForm(), "tab": "import",
                                                     "may_edit": may_edit, "result": result}, status=400)
    del request.session[SESSION_KEY]
    messages.success(request, _("Impor selesai: %(baru)s baru, %(diperbarui)s diperbarui, %(sama)s tidak berubah.")
                     % result.counts())
    return redirect("posts:post_list", office_code=office.code)


# --- feeds -----------------------------------------------------------------------------------------

@login_required
def feed_list(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    form = f.FeedForm(request.POST or None)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            try:
                feed_create(office=office, url=form.cleaned_data["url"], kind=form.cleaned_data["kind"],
                            actor=request.user)
            except ValidationError as exc:
                form.add_error("url", " ".join(exc.messages))
            else:
                messages.success(request, _("Feed ditambahkan; beritanya diambil pada pengambilan berikutnya."))
                return redirect("posts:feed_list", office_code=office.code)
    return render(request, "posts/feed_list.html", {
        "office": office, "may_edit": may_edit, "form": form, "feeds": s.feeds_for_office(office), "tab": "feeds"},
        status=400 if form.errors else 200)


@login_required
@require_POST
def feed_delete_view(request: AuthenticatedHttpRequest, feed_id: UUID) -> HttpResponse:
    feed, may_edit = s.get_feed_for_user(request.user, feed_id)
    if not may_edit:
        raise PermissionDenied
    office_code = feed.office.code
    feed_delete(feed=feed, actor=request.user)
    messages.success(request, _("Feed dihapus; berita yang sudah diambil tetap tersimpan."))
    return redirect("posts:feed_list", office_code=office_code)


@login_required
@require_POST
def feed_fetch_now(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    if not may_edit:
        raise PermissionDenied
    job = job_request(user=request.user, kind=JOB_KIND, params={"office": office.code},
                      title=_("Ambil berita website %(office)s") % {"office": office.name})
    return redirect("jobs:detail", job_id=job.id)
