"""Periods and their deadlines: everyone sees them, KPU RI's humas sets them."""

from __future__ import annotations

import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bakohumas.core.forms import DateField
from bakohumas.core.formatting import tanggal
from bakohumas.core.http import AuthenticatedHttpRequest
from bakohumas.core.periods import InvalidPeriod, Quarter
from bakohumas.offices.models import User
from bakohumas.reports.models import Period
from bakohumas.reports.services import period_get_or_create, period_update

_LABEL = re.compile(r"^(?:triwulan|tw)\s*(IV|I{1,3}|[1-4])\s+([0-9]{4})$", re.IGNORECASE)
ROMAN_NUMBER = {"I": "1", "II": "2", "III": "3", "IV": "4"}


class PeriodForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Periode"), max_length=30,
                           widget=forms.TextInput(attrs={"placeholder": "Triwulan III 2025"}),
                           help_text=gettext_lazy("Misalnya Triwulan III 2025."))
    deadline = DateField(label=gettext_lazy("Batas waktu"), required=False,
                         help_text=gettext_lazy("Kosongkan untuk memakai tanggal 10 bulan berikutnya."))
    entry_closed = forms.BooleanField(label=gettext_lazy("Tutup pengisian laporan"), required=False,
                                      help_text=gettext_lazy("Kantor tidak dapat membuat atau mengubah laporan "
                                                             "periode ini sampai dibuka kembali."))

    def clean_code(self) -> str:
        text = self.cleaned_data["code"]
        if match := _LABEL.match(text.strip()):  # "Triwulan III 2025", "TW 3 2025"
            number = match.group(1).upper()
            text = f"{match.group(2)}Q{ROMAN_NUMBER.get(number, number)}"
        try:
            return Quarter.parse(text.upper()).code
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
