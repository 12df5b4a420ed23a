"""Pages of the office records: lists, create/edit forms, the partnership page with its signed
document, and the channel map of a province or KPU RI. Thin views over selectors and services."""

from __future__ import annotations

from functools import partial
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.core.files import StoredFileMissing, serve_file
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.core.views import form_page
from bakohumas.records import forms as f
from bakohumas.records import selectors as s
from bakohumas.records import services


_form_page = partial(form_page, template="records/form.html")


# --- channels ----------------------------------------------------------------------------------

@login_required
def channel_list(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    return render(request, "records/channel_list.html", {
        "office": office, "may_edit": may_edit, "channels": s.channels_for_office(office), "tab": "channels"})


@login_required
def channel_create(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    if not may_edit:
        raise PermissionDenied
    return _form_page(request, f.ChannelForm(request.POST or None),
                      lambda data: services.channel_create(office=office, actor=request.user, data=data),
                      {"office": office, "title": _("Tambah kanal komunikasi"), "tab": "channels"},
                      lambda _saved: redirect("records:channel_list", office_code=office.code))


@login_required
def channel_edit(request: AuthenticatedHttpRequest, channel_id: UUID) -> HttpResponse:
    channel, may_edit = s.get_channel_for_user(request.user, channel_id)
    if not may_edit:
        raise PermissionDenied
    form = f.ChannelForm(request.POST or None, initial=f.channel_initial(channel))
    return _form_page(request, form,
                      lambda data: services.channel_update(channel=channel, actor=request.user, data=data),
                      {"office": channel.office, "title": _("Ubah kanal: %(name)s") % {"name": channel}, "tab": "channels",
                       "delete_url": reverse("records:channel_delete", args=[channel.id])},
                      lambda _saved: redirect("records:channel_list", office_code=channel.office.code))


# --- partnerships ------------------------------------------------------------------------------

@login_required
def partnership_list(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    return render(request, "records/partnership_list.html", {
        "office": office, "may_edit": may_edit, "partnerships": s.partnerships_for_office(office),
        "expiring": s.partnerships_expiring(office), "today": timezone.localdate(), "tab": "partnerships"})


@login_required
def partnership_detail(request: AuthenticatedHttpRequest, partnership_id: UUID) -> HttpResponse:
    partnership, may_edit = s.get_partnership_for_user(request.user, partnership_id)
    return render(request, "records/partnership_detail.html", {
        "partnership": partnership, "office": partnership.office, "may_edit": may_edit,
        "activities": partnership.activities.order_by("-held_on"), "today": timezone.localdate(),
        "expiring_soon": partnership.expires_soon(timezone.localdate()), "tab": "partnerships"})


@login_required
def partnership_create(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    if not may_edit:
        raise PermissionDenied
    form = f.PartnershipForm(request.POST or None, request.FILES or None)
    return _form_page(request, form, lambda data: services.partnership_create(
        office=office, actor=request.user, data=form.record_data(), document=data.get("document")),
        {"office": office, "title": _("Tambah kerja sama"), "tab": "partnerships", "multipart": True},
        lambda saved: redirect("records:partnership_detail", partnership_id=saved.id))


@login_required
def partnership_edit(request: AuthenticatedHttpRequest, partnership_id: UUID) -> HttpResponse:
    partnership, may_edit = s.get_partnership_for_user(request.user, partnership_id)
    if not may_edit:
        raise PermissionDenied
    form = f.PartnershipForm(request.POST or None, request.FILES or None, initial=f.partnership_initial(partnership))
    return _form_page(request, form, lambda data: services.partnership_update(
        partnership=partnership, actor=request.user, data=form.record_data(), document=data.get("document")),
        {"office": partnership.office, "title": _("Ubah kerja sama: %(name)s") % {"name": partnership.partner_name},
         "tab": "partnerships", "multipart": True, "current_document": partnership,
         "delete_url": reverse("records:partnership_delete", args=[partnership.id])},
        lambda saved: redirect("records:partnership_detail", partnership_id=saved.id))


@login_required
def partnership_document(request: AuthenticatedHttpRequest, partnership_id: UUID) -> HttpResponse | FileResponse:
    """The signed document, for whoever may see the partnership (files are not public). A record
    whose file is gone from the storage (lost in a move, a restored backup) says so with a 404."""
    partnership, may_edit = s.get_partnership_for_user(request.user, partnership_id)
    if not partnership.document:
        raise Http404
    try:
        return serve_file(request, partnership.document, attachment=True,
                          filename=f"kerja-sama-{partnership.office.code}-{partnership.signed_on:%Y%m%d}")
    except StoredFileMissing:
        return render(request, "records/document_missing.html", {
            "partnership": partnership, "office": partnership.office, "may_edit": may_edit,
            "tab": "partnerships"}, status=404)


# --- activities --------------------------------------------------------------------------------

@login_required
def activity_list(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    return render(request, "records/activity_list.html", {
        "office": office, "may_edit": may_edit, "activities": s.activities_for_office(office), "tab": "activities"})


@login_required
def activity_create(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office, may_edit = s.get_office_for_user(request.user, office_code)
    if not may_edit:
        raise PermissionDenied
    initial = {"partnership": request.GET.get("kerja_sama")} if request.GET.get("kerja_sama") else None
    return _form_page(request, f.ActivityForm(request.POST or None, office=office, initial=initial),
                      lambda data: services.activity_create(office=office, actor=request.user, data=data),
                      {"office": office, "title": _("Catat kegiatan"), "tab": "activities"},
                      lambda _saved: redirect("records:activity_list", office_code=office.code))


@login_required
def activity_edit(request: AuthenticatedHttpRequest, activity_id: UUID) -> HttpResponse:
    activity, may_edit = s.get_activity_for_user(request.user, activity_id)
    if not may_edit:
        raise PermissionDenied
    form = f.ActivityForm(request.POST or None, office=activity.office, initial=f.activity_initial(activity))
    return _form_page(request, form,
                      lambda data: services.activity_update(activity=activity, actor=request.user, data=data),
                      {"office": activity.office, "title": _("Ubah kegiatan: %(name)s") % {"name": activity.title},
                       "tab": "activities", "delete_url": reverse("records:activity_delete", args=[activity.id])},
                      lambda _saved: redirect("records:activity_list", office_code=activity.office.code))


# --- deleting a record entered by mistake ------------------------------------------------------

def _delete_page(request: AuthenticatedHttpRequest, record: Any, may_edit: bool, name: str,
                 list_url: str) -> HttpResponse:
    """Ask first (GET), delete on POST; only those who may edit the office's records."""
    if not may_edit:
        raise PermissionDenied
    if request.method == "POST":
        services.record_delete(record=record, actor=request.user)
        messages.success(request, _("“%(name)s” dihapus.") % {"name": name})
        return redirect(list_url, office_code=record.office.code)
    return render(request, "records/confirm_delete.html", {"office": record.office, "name": name,
                                                           "list_url": list_url})


@login_required
def channel_delete(request: AuthenticatedHttpRequest, channel_id: UUID) -> HttpResponse:
    channel, may_edit = s.get_channel_for_user(request.user, channel_id)
    return _delete_page(request, channel, may_edit, str(channel), "records:channel_list")


@login_required
def partnership_delete(request: AuthenticatedHttpRequest, partnership_id: UUID) -> HttpResponse:
    partnership, may_edit = s.get_partnership_for_user(request.user, partnership_id)
    return _delete_page(request, partnership, may_edit, partnership.partner_name, "records:partnership_list")


@login_required
def activity_delete(request: AuthenticatedHttpRequest, activity_id: UUID) -> HttpResponse:
    activity, may_edit = s.get_activity_for_user(request.user, activity_id)
    return _delete_page(request, activity, may_edit, activity.title, "records:activity_list")


# --- the channel map ---------------------------------------------------------------------------

@login_required
def channel_map(request: AuthenticatedHttpRequest, region_code: str) -> HttpResponse:
    region = s.get_region_for_user(request.user, region_code)
    return render(request, "records/channel_map.html", {"region": region, "map": s.channel_map(region)})
