"""Forms of the outputs and the SOP ticks; services act on `cleaned_data`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bakohumas.media.models import MediaFile
from bakohumas.publications.models import Output, OutputKind
from bakohumas.records.models import Activity, Channel

# Social media channels an output can be published on: the records.Channel kinds that are also
# posts.Post platforms (a WhatsApp group or the Media Center is not a post).
SOCIAL_KINDS = ("instagram", "facebook", "x", "tiktok", "youtube", "threads")
URL_ERRORS = {"invalid": _("Masukkan alamat tautan yang lengkap, misalnya https://...")}


class OutputForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis keluaran"), choices=OutputKind.choices)
    title = forms.CharField(label=_("Judul"), max_length=200)
    lead = forms.CharField(label=_("Teras berita (lead)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("Paragraf pertama: apa, siapa, kapan, di mana."))
    body = forms.CharField(label=_("Isi"), required=False, widget=forms.Textarea(attrs={"rows": 12}),
                           help_text=_("Untuk unggahan media sosial: teks keterangan (caption)."))
    channel = forms.ModelChoiceField(label=_("Akun media sosial"), queryset=Channel.objects.none(), required=False,
                                     help_text=_("Hanya untuk unggahan media sosial."))
    photo = forms.ModelChoiceField(label=_("Foto"), queryset=MediaFile.objects.none(), required=False,
                                   help_text=_("Foto dokumentasi kegiatan ini (terbaik lebih dulu); keterangannya "
                                               "ikut diperiksa."))

    def __init__(self, *args: Any, activity: Activity, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.activity = activity
        self.fields["channel"].queryset = Channel.objects.filter(  # type: ignore[attr-defined]
            office=activity.office, kind__in=SOCIAL_KINDS)
        self.fields["photo"].queryset = MediaFile.objects.filter(  # type: ignore[attr-defined]
            activity=activity, kind=MediaFile.Kind.PHOTO).order_by("-score", "created_at")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == OutputKind.SOCIAL_POST:
            if not data.get("channel"):
                self.add_error("channel", _("Pilih akun media sosial tempat unggahan ini diterbitkan."))
        else:
            data["channel"] = None
        return data

    def photo_caption(self) -> str | None:
        """The caption of the chosen photo (None without one), for the article checks."""
        photo = (self.cleaned_data if hasattr(self, "cleaned_data") else {}).get("photo")
        return (photo.caption or "") if photo is not None else None


def output_initial(output: Output) -> dict[str, Any]:
    return {"kind": output.kind, "title": output.title, "lead": output.lead, "body": output.body,
            "channel": output.channel_id, "photo": output.photo_id}


class CheckForm(forms.Form):
    """The draft fields the live checklist posts; nothing is saved."""

    kind = forms.ChoiceField(choices=OutputKind.choices, required=False)
    title = forms.CharField(required=False, max_length=1000)
    lead = forms.CharField(required=False, max_length=20_000)
    body = forms.CharField(required=False, max_length=200_000)
    photo = forms.CharField(required=False, max_length=64)


class PublishForm(forms.Form):
    url = forms.URLField(label=_("Tautan terbit"), max_length=500, assume_scheme="https", error_messages=URL_ERRORS,
                         help_text=_("Alamat berita atau unggahan yang sudah tayang."))
    published_at = forms.DateTimeField(
        label=_("Waktu terbit"), input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Waktu tidak valid; gunakan bentuk YYYY-MM-DD JJ:MM.")})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"published_at": timezone.localtime().replace(second=0, microsecond=0)})
        super().__init__(*args, **kwargs)

    def clean_published_at(self) -> dt.datetime:
        value = self.cleaned_data["published_at"]
        if value and value > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError(_("Waktu terbit tidak boleh di masa depan."))
        return value


class ReturnForm(forms.Form):
    note = forms.CharField(label=_("Yang perlu diperbaiki"), required=False, max_length=300,
                           widget=forms.Textarea(attrs={"rows": 2}))


class TickForm(forms.Form):
    done = forms.BooleanField(required=False)
    note = forms.CharField(required=False, max_length=300)
