from django import forms
from django.utils.translation import gettext_lazy as _

from bakohumas.core.forms import DateField
from bakohumas.offices.models import PositionTerm


class HandoverForm(forms.Form):
    position = forms.ChoiceField(label=_("Jabatan"), choices=PositionTerm.Position.choices)
    holder_name = forms.CharField(label=_("Nama pemegang jabatan baru"), max_length=150)
    contact = forms.CharField(label=_("Kontak (e-mail/WhatsApp)"), max_length=150, required=False)
    started_on = DateField(label=_("Mulai menjabat"))
    handover_note = forms.CharField(
        label=_("Catatan serah terima dari pemegang jabatan sebelumnya"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}), max_length=5000,
    )
