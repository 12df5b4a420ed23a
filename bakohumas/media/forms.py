from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bakohumas.media.derivatives import CHANNELS
from bakohumas.media.models import MediaFile


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Many files from one <input multiple>; each is judged later on its own (services.media_add),
    so one bad file never makes the form refuse the rest."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list:
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        if self.required and not files:
            raise forms.ValidationError(_("Pilih setidaknya satu foto atau video."), code="required")
        return list(files)


class UploadForm(forms.Form):
    berkas = MultipleFileField(
        label=_("Foto dan video"),
        widget=MultipleFileInput(attrs={"accept": "image/*,video/*"}), required=False,
        help_text=_("Boleh memilih banyak berkas sekaligus dari galeri."))
    # `capture` opens the phone's camera straight away (and so cannot pick from the gallery):
    # a second field of the same form, both kept.
    kamera = MultipleFileField(
        label=_("Atau ambil langsung dengan kamera"), required=False,
        widget=MultipleFileInput(attrs={"accept": "image/*,video/*", "capture": "environment"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("berkas") and not data.get("kamera"):
            raise forms.ValidationError(_("Pilih setidaknya satu foto atau video."), code="required")
        return data

    def uploads(self) -> list:
        return [*self.cleaned_data.get("berkas", []), *self.cleaned_data.get("kamera", [])]


class MediaEditForm(forms.ModelForm):
    class Meta:
        model = MediaFile
        fields = ["caption", "credit", "taken_at", "place", "consent_notes", "copyright_notes"]
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3}),
            "taken_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "consent_notes": forms.Textarea(attrs={"rows": 2}),
            "copyright_notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "consent_notes": _("Misalnya: peserta sudah diberi tahu; anak-anak tampil dengan izin orang tua."),
            "copyright_notes": _("Misalnya: foto milik KPU; foto dari mitra media, boleh dipakai dengan menyebut "
                                 "sumber."),
        }


class ZipForm(forms.Form):
    channel = forms.ChoiceField(choices=[(c, c) for c in CHANNELS])


class UploadStartForm(forms.Form):
    filename = forms.CharField(max_length=255)
    size = forms.IntegerField(min_value=1)
