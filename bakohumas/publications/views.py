"""Pages of the SOP checklist and the outputs: thin views over selectors and services. The office's
operator and ketua write; its pimpinan, the province and KPU RI read; another province gets 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.core.views import form_page
from bakohumas.media.models import MediaFile
from bakohumas.offices.models import Office
from bakohumas.publications import forms as f
from bakohumas.publications import selectors as s
from bakohumas.publications import services
from bakohumas.publications.checks import article_checklist
from bakohumas.publications.models import Output, OutputKind
from bakohumas.publications.sop import step_for
from bakohumas.reports import selectors as reports_selectors


# --- the SOP checklist ---------------------------------------------------------------------------

@login_required
def activity_sop(request: AuthenticatedHttpRequest, activity_id: UUID) -> HttpResponse:
    activity, _may_edit = s.get_activity_for_user(request.user, activity_id)
    phases, progress = s.activity_sop(activity, request.user)
    return render(request, "publications/activity_sop.html", {
        "activity": activity, "office": activity.office, "phases": phases, "progress": progress,
        "may_write": s.may_write(request.user, activity.office), "outputs": s.outputs_for_activity(activity),
        "output_kinds": OutputKind.choices, "media_url": reverse("media:activity_media", args=[activity.id]),
        "today": timezone.localdate()})


@login_required
@require_POST
def sop_mark(request: AuthenticatedHttpRequest, activity_id: UUID, step_code: str) -> HttpResponse:
    """Tick (done=1) or untick a step; a step that needs approval only by the office's ketua."""
    activity, _may_edit = s.get_activity_for_user(request.user, activity_id)
    step = step_for(activity.kind, step_code)
    if step is None:
        return redirect("publications:activity_sop", activity_id=activity.id)
    if not s.may_tick(request.user, activity.office, step):
        raise PermissionDenied
    form = f.TickForm(request.POST)
    form.is_valid()
    if form.cleaned_data.get("done"):
        services.checklist_tick(activity=activity, step_code=step.code, actor=request.user,
                                note=form.cleaned_data.get("note", ""))
    else:
        services.checklist_untick(activity=activity, step_code=step.code, actor=request.user)
    return redirect(reverse("publications:activity_sop", args=[activity.id]) + f"#langkah-{step.code}")


@login_required
def sop_overview(request: AuthenticatedHttpRequest, region_code: str) -> HttpResponse:
    region = s.get_province_for_user(request.user, region_code)
    offices = s.sop_overview(region)
    return render(request, "publications/sop_overview.html", {
        "region": region, "offices": offices, "recent_days": s.RECENT_DAYS, "upcoming_days": s.UPCOMING_DAYS,
        "today": timezone.localdate()})


@login_required
def office_sop(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    """The office's own recent activities with their SOP progress (the way in for its staff)."""
    office = reports_selectors.get_office_for_user(request.user, office_code)
    row = s.sop_progress(Office.objects.filter(pk=office.pk))[0]
    return render(request, "publications/office_sop.html", {
        "office": office, "row": row, "recent_days": s.RECENT_DAYS, "upcoming_days": s.UPCOMING_DAYS,
        "today": timezone.localdate(), "may_write": s.may_write(request.user, office)})


# --- outputs ------------------------------------------------------------------------------------

def _checklist_for_form(form: f.OutputForm, output: Output | None) -> Any:
    """The article checklist of what the form holds (after a POST) or of the saved output."""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        return article_checklist(kind=data["kind"], title=data["title"], lead=data["lead"], body=data["body"],
                                 photo_caption=form.photo_caption())
    if output is not None:
        return article_checklist(kind=output.kind, title=output.title, lead=output.lead, body=output.body,
                                 photo_caption=output.photo_caption)
    return None


def _output_form_page(request: AuthenticatedHttpRequest, *, form: f.OutputForm, output: Output | None,
                      save: Callable[[dict[str, Any]], Output], title: str) -> HttpResponse:
    return form_page(request, form, save, {
        "output": output, "activity": form.activity, "office": form.activity.office, "title": title,
        "checklist": _checklist_for_form(form, output),
        "check_url": reverse("publications:output_check", args=[form.activity.id])},
        lambda saved: redirect("publications:output_detail", output_id=saved.id), template="publications/output_form.html")


@login_required
def output_create(request: AuthenticatedHttpRequest, activity_id: UUID) -> HttpResponse:
    activity, _may_edit = s.get_activity_for_user(request.user, activity_id)
    if not s.may_write(request.user, activity.office):
        raise PermissionDenied
    kind = request.GET.get("jenis")
    initial = {"kind": kind} if kind in OutputKind.values else None
    form = f.OutputForm(request.POST or None, activity=activity, initial=initial)
    return _output_form_page(
        request, form=form, output=None, title=_("Tulis keluaran: %(name)s") % {"name": activity.title},
        save=lambda data: services.output_create(activity=activity, actor=request.user, data=data))


@login_required
def output_edit(request: AuthenticatedHttpRequest, output_id: UUID) -> HttpResponse:
    output, may_write = s.get_output_for_user(request.user, output_id)
    if not may_write:
        raise PermissionDenied
    form = f.OutputForm(request.POST or None, activity=output.activity, initial=f.output_initial(output))
    return _output_form_page(
        request, form=form, output=output, title=_("Ubah keluaran: %(name)s") % {"name": output.title},
        save=lambda data: services.output_update(output=output, actor=request.user, data=data))


@login_required
def output_detail(request: AuthenticatedHttpRequest, output_id: UUID) -> HttpResponse:
    output, may_write = s.get_output_for_user(request.user, output_id)
    return render(request, "publications/output_detail.html", {
        "output": output, "activity": output.activity, "office": output.office, "may_write": may_write,
        "may_approve": s.may_approve(request.user, output.office),
        "checklist": article_checklist(kind=output.kind, title=output.title, lead=output.lead, body=output.body,
                                       photo_caption=output.photo_caption),
        "return_form": f.ReturnForm()})


@login_required
@require_POST
def output_check(request: AuthenticatedHttpRequest, activity_id: UUID) -> HttpResponse:
    """The article checklist of an unsaved draft, as an HTML fragment inside JSON (for the live
    checklist next to the form; static/publications/article_checks.js)."""
    activity, _may_edit = s.get_activity_for_user(request.user, activity_id)
    if not s.may_write(request.user, activity.office):
        raise PermissionDenied
    form = f.CheckForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": _("Isian tidak dapat diperiksa.")}, status=400)
    data = form.cleaned_data
    caption = _photo_caption(activity, data.get("photo") or "")
    checklist = article_checklist(kind=data.get("kind") or OutputKind.WEBSITE_NEWS, title=data["title"],
                                  lead=data["lead"], body=data["body"], photo_caption=caption)
    html = render_to_string("publications/_article_checks.html", {"checklist": checklist}, request=request)
    return JsonResponse({"html": html, "failed": checklist.failed if checklist else 0,
                         "warned": checklist.warned if checklist else 0})


def _photo_caption(activity: Any, photo_id: str) -> str | None:
    if not photo_id:
        return None
    try:
        photo = MediaFile.objects.filter(activity=activity, pk=photo_id).first()
    except (ValueError, ValidationError):
        return None
    return (photo.caption or "") if photo is not None else None


def _workflow(request: AuthenticatedHttpRequest, output_id: UUID, act: Callable[[Output], Any], done: str
              ) -> HttpResponse:
    output, _may_write = s.get_output_for_user(request.user, output_id)
    try:
        act(output)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done)
    return redirect("publications:output_detail", output_id=output.id)


@login_required
@require_POST
def output_submit(request: AuthenticatedHttpRequest, output_id: UUID) -> HttpResponse:
    return _workflow(request, output_id, lambda o: services.output_submit(output=o, actor=request.user),
                     _("Diajukan ke Ketua Bakohumas untuk disetujui."))


@login_required
@require_POST
def output_approve(request: AuthenticatedHttpRequest, output_id: UUID) -> HttpResponse:
    return _workflow(request, output_id, lambda o: services.output_approve(output=o, actor=request.user),
                     _("Disetujui; keluaran siap diterbitkan."))


@login_required
@require_POST
def output_return(request: AuthenticatedHttpRequest, output_id: UUID) -> HttpResponse:
    form = f.ReturnForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    return _workflow(request, output_id, lambda o: services.output_return(output=o, actor=request.user, note=note),
                     _("Dikembalikan ke draf."))


@login_required
def output_publish(request: AuthenticatedHttpRequest, output_id: UUID) -> HttpResponse:
    """Record where the approved output was published (GET: the form)."""
    output, may_write = s.get_output_for_user(request.user, output_id)
    if not may_write:
        raise PermissionDenied
    initial = {"url": output.published_url, "published_at": timezone.localtime(output.published_at)
               } if output.published_at else None
    form = f.PublishForm(request.POST or None, initial=initial) if initial else f.PublishForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.output_publish(output=output, actor=request.user, url=form.cleaned_data["url"],
                                        published_at=form.cleaned_data["published_at"])
            except ValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
            else:
                messages.success(request, _("Tercatat terbit; unggahan ini ikut dihitung di laporan triwulan."))
                return redirect("publications:output_detail", output_id=output.id)
    return render(request, "publications/output_publish.html", {
        "output": output, "activity": output.activity, "office": output.office, "form": form}, status=status)
