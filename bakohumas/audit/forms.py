from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bakohumas.audit.presentation import KINDS
from bakohumas.core.forms import DateField
from bakohumas.offices.models import Office


class AuditFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), required=False,
                             choices=[("", _("Semua"))] + [(key, label) for key, (label, _p) in KINDS.items()])
    office = forms.ModelChoiceField(label=_("Satker"), required=False, queryset=Office.objects.none(),
                                    to_field_name="code", empty_label=_("Semua"))
    user = forms.CharField(label=_("Nama pengguna"), required=False, max_length=150)
    date_from = DateField(label=_("Dari tanggal"), required=False)
    date_to = DateField(label=_("Sampai tanggal"), required=False)

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.visible_to(user).only("code", "name")  # type: ignore[attr-defined]
