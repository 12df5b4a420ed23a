from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bakohumas.accounts.selectors_manage import new_holders_to_invite, previous_holders_to_deactivate
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.offices.forms import HandoverForm
from bakohumas.offices.home_cache import cached_home
from bakohumas.offices.models import Office, PositionTerm, User
from bakohumas.offices.selectors import handover_overview, recent_handover
from bakohumas.offices.services import position_handover
from bakohumas.records.selectors import home_summary
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.selectors import completeness, get_office_for_user, periods_for_office


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    office = request.user.office
    if office is None:
        return render(request, "offices/no_office.html")
    if office.is_regency:
        return cached_home(request, office, lambda: _home_regency(request, office))
    context: dict[str, Any] = {"office": office, "handover_notice": recent_handover(request.user)}
    period = (Period.objects.filter(submissions__status__in=Submission.REPORTED_STATUSES).distinct().first()
              or Period.objects.first())
    context["period"] = period
    context["periods"] = Period.objects.exclude(pk=period.pk)[:8] if period else []
    # Who verifies the kab/kota reports (User.can_verify_report_of); the pimpinan only reads.
    context["may_verify"] = request.user.role in (User.Role.EVALUATOR, User.Role.HUMAS_RI)
    if office.is_province and period:
        rows = completeness(region=office, period=period)
        context.update(
            expected=len(rows), reported=sum(r.reported for r in rows), late=sum(r.late for r in rows),
            waiting=Submission.objects.filter(office__parent=office, status=Submission.Status.SUBMITTED).count(),
            missing=[r for r in rows if not r.reported],
        )
    return render(request, "offices/home_oversight.html", context)


def _home_regency(request: AuthenticatedHttpRequest, office: Office) -> HttpResponse:
    return render(request, "offices/home_regency.html", {
        "office": office, "handover_notice": recent_handover(request.user),
        "periods": periods_for_office(office),
        "ketua": PositionTerm.objects.filter(
            office=office, position=PositionTerm.Position.KETUA_BAKOHUMAS, ended_on__isnull=True).first(),
        "records_summary": home_summary(office, user=request.user),
    })


@login_required
def office_detail(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    terms = list(office.position_terms.select_related("user__office").order_by("position", "-started_on"))
    submissions = office.submissions.select_related("period").order_by("-period__start")[:12]
    can_manage = request.user.can_manage_positions_of(office)
    return render(request, "offices/detail.html", {
        "office": office, "terms": terms, "submissions": submissions, "can_manage": can_manage,
        "deactivate_offers": previous_holders_to_deactivate(request.user, office, terms),
        "invite_offers": new_holders_to_invite(request.user, office, terms),
        "form": HandoverForm() if can_manage else None,
    })


@login_required
def handover_page(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    """For a new position holder: what the office keeps, what is open, and the notes left behind.
    The office's own users, its province and KPU RI may read it; everyone else gets 404."""
    office = get_office_for_user(request.user, office_code)
    return render(request, "offices/handover.html", {
        "office": office, "overview": handover_overview(office),
        "can_manage": request.user.can_manage_positions_of(office),
    })


@login_required
@require_POST
def handover(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    office = get_office_for_user(request.user, office_code)
    if not request.user.can_manage_positions_of(office):
        raise PermissionDenied
    form = HandoverForm(request.POST)
    if form.is_valid():
        try:
            position_handover(office=office, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Serah terima jabatan tercatat."))
            return redirect("offices:detail", office_code=office.code)
    terms = list(office.position_terms.select_related("user").order_by("position", "-started_on"))
    return render(request, "offices/detail.html", {
        "office": office, "terms": terms, "submissions": [], "can_manage": True, "form": form,
    }, status=400)


def _profile_page(request: AuthenticatedHttpRequest, office, form, signatories, *, status: int = 200) -> HttpResponse:
    from bakohumas.offices.letterhead import letterhead_for
    from bakohumas.offices.models import LetterNumber
    from bakohumas.offices.numbering import PLACEHOLDERS

    return render(request, "offices/profile.html", {
        "office": office, "form": form, "signatories": signatories, "letterhead": letterhead_for(office),
        "placeholders": PLACEHOLDERS, "recent_numbers": LetterNumber.objects.filter(office=office)[:10],
    }, status=status)


@login_required
def profile(request: AuthenticatedHttpRequest, office_code: str) -> HttpResponse:
    """The office profile: everyone who sees the office reads it; only its Ketua edits it."""
    from bakohumas.offices.forms import OfficeProfileForm, SignatoryFormSet
    from bakohumas.offices.models import OfficeProfile
    from bakohumas.offices.services import office_profile_update

    office = get_office_for_user(request.user, office_code)
    editable = request.user.can_edit_profile_of(office)
    instance = OfficeProfile.objects.filter(office=office).first()
    initial = [{"name": s.name, "nip": s.nip, "position": s.position} for s in office.signatories.all()]
    if request.method != "POST":
        form = OfficeProfileForm(instance=instance, initial=None if instance else _profile_defaults(office))
        return _profile_page(request, office, form if editable else None,
                             SignatoryFormSet(initial=initial, prefix="ttd") if editable else None)
    if not editable:
        raise PermissionDenied
    form = OfficeProfileForm(request.POST, request.FILES, instance=instance or OfficeProfile(office=office))
    signatories = SignatoryFormSet(request.POST, prefix="ttd")
    if form.is_valid() and signatories.is_valid():
        rows = [row for row in signatories.cleaned_data if row.get("name")]
        try:
            office_profile_update(office=office, actor=request.user, signatories=rows, **form.profile_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Profil kantor tersimpan."))
            return redirect("offices:profile", office_code=office.code)
    return _profile_page(request, office, form, signatories, status=400)


def _profile_defaults(office) -> dict:
    from bakohumas.offices.letterhead import default_city, default_full_name

    return {"full_name": default_full_name(office), "city": default_city(office)}


@login_required
@require_GET
def profile_logo(request: AuthenticatedHttpRequest, office_code: str) -> FileResponse:
    """The letterhead logo, for whoever sees the office (it is printed on its public letters anyway)."""
    from bakohumas.core.files import serve_file
    from bakohumas.offices.models import OfficeProfile

    office = get_office_for_user(request.user, office_code)
    profile = OfficeProfile.objects.filter(office=office).first()
    if profile is None or not profile.logo:
        raise Http404
    return serve_file(request, profile.logo, filename=f"logo-{office.code}")
