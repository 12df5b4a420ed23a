from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bakohumas.core.forms import DateField
from bakohumas.governance.models import PlannedPost


class PlannedPostForm(forms.Form):
    planned_on = DateField(label=_("Tanggal rencana terbit"),
                           error_messages={"required": _("Isi tanggal rencana terbit.")})
    platform = forms.ChoiceField(label=_("Platform"), choices=PlannedPost.Platform.choices)
    topic = forms.CharField(label=_("Topik informasi"), max_length=200,
                            help_text=_("Informasi apa yang disampaikan, misalnya jadwal pemutakhiran data pemilih."),
                            error_messages={"required": _("Isi topik informasinya.")})
    notes = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    status = forms.ChoiceField(label=_("Status"), choices=PlannedPost.Status.choices,
                               initial=PlannedPost.Status.PLANNED)


def planned_post_initial(plan: PlannedPost) -> dict[str, Any]:
    return {name: getattr(plan, name) for name in ("planned_on", "platform", "topic", "notes", "status")}
