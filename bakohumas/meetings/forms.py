from __future__ import annotations

from typing import Any

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bakohumas.core.uploads import HEAD_BYTES, check_upload
from bakohumas.meetings.models import AgendaItem, Attendee, Invitee, Meeting
from bakohumas.offices.models import Office
from bakohumas.reports.models import Period

MATERIAL_MAX_BYTES = 25 * 1024 * 1024
# Slides and documents (ZIP containers core.uploads does not name) are accepted by their bytes too.
OFFICE_TYPES = {
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class _Form(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class MeetingForm(_Form):
    title = forms.CharField(label=gettext_lazy("Nama rapat"), max_length=200,
                            initial=gettext_lazy("Rapat Koordinasi Bakohumas"))
    starts_at = forms.DateTimeField(label=gettext_lazy("Mulai"), widget=DATETIME)
    ends_at = forms.DateTimeField(label=gettext_lazy("Selesai"), widget=DATETIME)
    mode = forms.ChoiceField(label=gettext_lazy("Bentuk rapat"), choices=Meeting.Mode.choices)
    link = forms.URLField(label=gettext_lazy("Tautan rapat daring"), required=False, max_length=500,
                          assume_scheme="https", help_text=gettext_lazy("Untuk rapat daring atau hibrida."))
    place = forms.CharField(label=gettext_lazy("Tempat"), required=False, max_length=300,
                            help_text=gettext_lazy("Untuk rapat luring atau hibrida."))
    period = forms.ModelChoiceField(label=gettext_lazy("Triwulan yang dievaluasi"), queryset=Period.objects.all())
    chair_name = forms.CharField(label=gettext_lazy("Pimpinan rapat (jabatan)"), required=False, max_length=150,
                                 help_text=gettext_lazy("Misalnya Ketua KPU Provinsi."))
    offices = forms.ModelMultipleChoiceField(label=gettext_lazy("Satuan kerja yang diundang"),
                                             queryset=Office.objects.none(), widget=forms.CheckboxSelectMultiple,
                                             required=False)

    def __init__(self, *args: Any, organiser: Office | None = None, with_offices: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["period"].label_from_instance = lambda p: p.label  # type: ignore[attr-defined]
        if with_offices and organiser is not None:
            offices = organiser.children.order_by("code")
            self.fields["offices"].queryset = offices  # type: ignore[attr-defined]
            self.fields["offices"].help_text = _("Kosongkan semua untuk mengundang seluruhnya.")
        else:
            del self.fields["offices"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_at"), data.get("ends_at")
        if start and end and end <= start:
            self.add_error("ends_at", _("Waktu selesai harus setelah waktu mulai."))
        mode = data.get("mode")
        if mode in (Meeting.Mode.ONLINE, Meeting.Mode.HYBRID) and not data.get("link"):
            self.add_error("link", _("Rapat daring atau hibrida memerlukan tautan rapat."))
        if mode in (Meeting.Mode.IN_PERSON, Meeting.Mode.HYBRID) and not data.get("place"):
            self.add_error("place", _("Rapat luring atau hibrida memerlukan tempat."))
        return data

    def meeting_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "offices"}


class AgendaItemForm(_Form):
    title = forms.CharField(label=gettext_lazy("Acara"), max_length=200)
    speaker_name = forms.CharField(label=gettext_lazy("Nama pembicara"), required=False, max_length=150)
    speaker_position = forms.CharField(label=gettext_lazy("Jabatan pembicara"), required=False, max_length=150)
    speaker_office = forms.CharField(label=gettext_lazy("Instansi pembicara"), required=False, max_length=150)
    material = forms.FileField(label=gettext_lazy("Bahan (PDF, PPTX, DOCX, foto)"), required=False)
    evaluation_document = forms.ChoiceField(label=gettext_lazy("Atau bahan dari sistem"), required=False,
                                            choices=AgendaItem.Evaluation.choices,
                                            help_text=gettext_lazy("Evaluasi triwulan yang dievaluasi rakor ini, "
                                                                   "dibuat dari data terkini saat diunduh."))

    def clean_material(self) -> Any:
        upload = self.cleaned_data.get("material")
        if not upload:
            return None
        head = upload.read(HEAD_BYTES)
        upload.seek(0)
        kind = filetype.guess(head)
        if kind is not None and kind.mime in OFFICE_TYPES:
            if upload.size > MATERIAL_MAX_BYTES:
                raise ValidationError(_("Berkas terlalu besar; batasnya %(limit)s MB.")
                                      % {"limit": MATERIAL_MAX_BYTES // (1024 * 1024)})
            return upload
        check_upload(upload, max_bytes=MATERIAL_MAX_BYTES, kinds={"pdf", "image"})
        return upload

    def item_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k != "material"}


class AttendeeForm(_Form):
    name = forms.CharField(label=gettext_lazy("Nama"), max_length=150)
    position = forms.CharField(label=gettext_lazy("Jabatan"), max_length=150)
    role = forms.ChoiceField(label=gettext_lazy("Peran"), choices=Attendee.Role.choices)


class PresenceForm(_Form):
    presence = forms.ChoiceField(label=gettext_lazy("Kehadiran"), choices=Invitee.Presence.choices, required=False)


class MinutesForm(_Form):
    minutes = forms.CharField(label=gettext_lazy("Notulen"), required=False, max_length=20000,
                              widget=forms.Textarea(attrs={"rows": 4}))


class DirectionForm(_Form):
    text = forms.CharField(label=gettext_lazy("Arahan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class DirectionActionsForm(_Form):
    due_period = forms.ModelChoiceField(label=gettext_lazy("Tenggat (triwulan)"), queryset=Period.objects.all())
    offices = forms.ModelMultipleChoiceField(label=gettext_lazy("Untuk satuan kerja"), required=False,
                                             queryset=Office.objects.none(), widget=forms.CheckboxSelectMultiple,
                                             help_text=gettext_lazy("Kosongkan untuk semua yang diundang."))

    def __init__(self, *args: Any, meeting: Meeting | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_period"].label_from_instance = lambda p: p.label  # type: ignore[attr-defined]
        if meeting is not None:
            self.fields["offices"].queryset = Office.objects.filter(  # type: ignore[attr-defined]
                meeting_invitations__meeting=meeting).order_by("code")


class CancelForm(_Form):
    reason = forms.CharField(label=gettext_lazy("Alasan pembatalan"), required=False, max_length=500)
