"""Periods and their deadlines: everyone sees them, KPU RI's humas sets them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bakohumas.core.formatting import tanggal
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.offices.models import User
from bakohumas.reports.models import Period
from bakohumas.reports.services import period_get_or_create, period_update


class PeriodForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Periode (YYYYQn)"), max_length=6,
                           widget=forms.TextInput(attrs={"placeholder": "2025Q3"}))
    deadline = forms.DateField(label=gettext_lazy("Batas waktu"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}),
                               help_text=gettext_lazy("Kosongkan untuk memakai tanggal 10 bulan berikutnya."))
    entry_closed = forms.BooleanField(label=gettext_lazy("Tutup pengisian laporan"), required=False,
                                      help_text=gettext_lazy("Kantor tidak dapat membuat atau mengubah laporan "
                                                             "periode ini sampai dibuka kembali."))

    def clean_code(self) -> str:
        try:
            return Quarter.parse(self.cleaned_data["code"].upper()).code
        except InvalidPeriod as exc:
            raise ValidationError(str(exc)) from None


@login_required
def periods(request: AuthenticatedHttpRequest) -> HttpResponse:
    may_manage = request.user.role == User.Role.HUMAS_RI
    form = PeriodForm(request.POST or None)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        if form.is_valid():
            period = period_get_or_create(form.cleaned_data["code"])
            try:
                period_update(period=period, deadline=form.cleaned_data["deadline"] or period.deadline,
                              entry_closed=form.cleaned_data["entry_closed"], actor=request.user)
            except ValidationError:
                form.add_error("deadline", _("Batas waktu harus setelah akhir triwulan."))
            else:
                state = _("ditutup") if period.entry_closed else _("dibuka")
                messages.success(request, _("Periode %(period)s: batas waktu %(deadline)s, pengisian %(state)s.")
                                 % {"period": period.label, "deadline": tanggal(period.deadline), "state": state})
                return redirect("reports:periods")
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/periods.html", {"periods": Period.objects.all(), "form": form,
                                                    "may_manage": may_manage}, status=status)
