from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bakohumas.evaluation.models import Indicator
from bakohumas.followup.models import Action
from bakohumas.reports.models import Period


class ActionForm(forms.Form):
    text = forms.CharField(label=_("Tindak lanjut yang disepakati"), max_length=2000, widget=forms.Textarea(
        attrs={"rows": 3}), help_text=_("Misalnya: Mengaktifkan grup WhatsApp Media Center bersama wartawan setempat."))
    indicator = forms.ModelChoiceField(label=_("Indikator terkait (opsional)"), required=False,
                                       queryset=Indicator.objects.filter(is_active=True), to_field_name="code")
    due_period = forms.ModelChoiceField(label=_("Tenggat (triwulan)"), queryset=Period.objects.all())
    agreed_period = forms.ModelChoiceField(label=_("Disepakati pada evaluasi"), required=False,
                                           queryset=Period.objects.all())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["due_period"].label_from_instance = lambda p: p.label  # type: ignore[attr-defined]
        self.fields["agreed_period"].label_from_instance = lambda p: p.label  # type: ignore[attr-defined]


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    note = forms.CharField(label=_("Catatan kemajuan"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
