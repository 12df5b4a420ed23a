"""Public PPID pages (no login): the request form, the private tracking page, the DIP."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from bakohumas.core.ratelimit import over_rate_limit, rate_limit_count, rate_limit_reached
from bakohumas.offices.models import Office
from bakohumas.ppid.forms import PublicRequestForm
from bakohumas.ppid.models import DipEntry, InformationRequest
from bakohumas.ppid.services import request_register

RATE_LIMIT = getattr(settings, "PPID_FORM_RATE_LIMIT", 5)  # registered requests per IP address per hour
RATE_WINDOW_SECONDS = 60 * 60


def _over_rate_limit(request: HttpRequest) -> bool:
    """True once the sender's address has registered RATE_LIMIT requests this hour, or has posted
    the form more than settings.PUBLIC_FORM_RATE_LIMIT times (every post counts there: a flood of
    invalid forms is stopped too). A refused form (a mistyped NIK) does not use up the first limit."""
    return (rate_limit_reached(request, "ppid-form", limit=RATE_LIMIT)
            or over_rate_limit(request, "ppid-form-post", window=RATE_WINDOW_SECONDS))


def public_request(request: HttpRequest, office_code: str) -> HttpResponse:
    office = get_object_or_404(Office, code=office_code)
    form = PublicRequestForm()
    status = 200
    if request.method == "POST":
        form = PublicRequestForm(request.POST, request.FILES)
        if _over_rate_limit(request):
            form.add_error(None, _("Terlalu banyak permohonan dari alamat ini. Coba lagi dalam satu jam, "
                                   "atau hubungi PPID secara langsung."))
            status = 429
        elif form.is_spam():
            form.add_error(None, _("Permohonan tidak dapat diproses."))
            status = 400
        elif form.is_valid():
            try:
                registered = request_register(office=office, channel=InformationRequest.Channel.WEB,
                                              received_on=_today(), actor=None,
                                              is_election_information=form.cleaned_data["is_election_information"],
                                              form_token=form.cleaned_data.get("form_token"),
                                              **form.requester_data())
            except ValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
                status = 400
            else:
                rate_limit_count(request, "ppid-form", window=RATE_WINDOW_SECONDS)
                messages.success(request, _("Permohonan Anda terdaftar dengan nomor %(number)s. Simpan alamat halaman "
                                            "ini untuk memantau permohonan Anda.")
                                 % {"number": registered.registration_number})
                return redirect("ppid:track", token=registered.tracking_token)
        else:
            status = 400
        if request.FILES and status != 200:
            form.add_error(None, _("Pilih ulang berkas surat kuasa sebelum mengirim lagi."))
    return render(request, "ppid/public_form.html", {"office": office, "form": form}, status=status)


def _today():
    from django.utils import timezone

    return timezone.localdate()


def track(request: HttpRequest, token: str) -> HttpResponse:
    """Status and due dates only: no personal data, no content of the request."""
    info = get_object_or_404(InformationRequest.objects.select_related("office", "decision", "extension"),
                             tracking_token=token)
    objections = list(info.objections.order_by("filed_on").values("filed_on", "answer_due", "answered_on", "answer"))
    response = render(request, "ppid/track.html", {"info": info, "objections": objections})
    response["Referrer-Policy"] = "no-referrer"  # the address is the requester's secret
    response["X-Robots-Tag"] = "noindex"
    return response


def public_dip(request: HttpRequest, office_code: str) -> HttpResponse:
    office = get_object_or_404(Office, code=office_code)
    entries = DipEntry.objects.filter(office=office, is_published=True).order_by("category", "title")
    groups = [(label, [e for e in entries if e.category == code]) for code, label in DipEntry.Category.choices]
    return render(request, "ppid/public_dip.html", {"office": office, "groups": groups})


def public_index(request: HttpRequest) -> HttpResponse:
    """Where a citizen starts: every KPU office's request form and list of public information."""
    provinces = Office.objects.provinces().prefetch_related("children").order_by("code")
    national = Office.objects.filter(level=Office.Level.NATIONAL).first()
    return render(request, "ppid/public_index.html", {"provinces": provinces, "national": national})
