"""Periods and their deadlines: everyone sees them, KPU RI's humas sets them."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.offices.models import User
from bakohumas.reports.models import Period
from bakohumas.reports.services import period_get_or_create, period_set_deadline


class PeriodForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Periode (YYYYQn)"), max_length=6,
                           widget=forms.TextInput(attrs={"placeholder": "2025Q3"}))
    deadline = forms.DateField(label=gettext_lazy("Batas waktu"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}),
                               help_text=gettext_lazy("Kosongkan untuk memakai tanggal 10 bulan berikutnya."))

    def clean_code(self) -> str:
        try:
            return Quarter.parse(self.cleaned_data["code"].upper()).code
        except InvalidPeriod as exc:
            raise ValidationError(str(exc)) from None


@login_required
def periods(request: HttpRequest) -> HttpResponse:
    may_manage = request.user.role == User.Role.HUMAS_RI
    form = PeriodForm(request.POST or None)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        if form.is_valid():
            period = period_get_or_create(form.cleaned_data["code"])
            deadline = form.cleaned_data["deadline"]
            try:
                if deadline and deadline != period.deadline:
                    period_set_deadline(period=period, deadline=deadline, actor=request.user)
            except ValidationError as exc:
                form.add_error("deadline", _("Batas waktu harus setelah akhir triwulan."))
            else:
                messages.success(request, _("Periode %(period)s: batas waktu %(deadline)s.")
                                 % {"period": period.label, "deadline": period.deadline.strftime("%d-%m-%Y")})
                return redirect("reports:periods")
    status = 400 if request.method == "POST" else 200
    return render(request, "reports/periods.html", {"periods": Period.objects.all(), "form": form,
                                                    "may_manage": may_manage}, status=status)
