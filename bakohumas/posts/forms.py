from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bakohumas.core.uploads import check_upload
from bakohumas.posts.models import Category, Feed, Platform

FORMAT_CHOICES = [("auto", _("Kenali otomatis")), ("csv", _("CSV kanonik")), ("meta", _("Meta Business Suite")),
                  ("x", _("Arsip X (Twitter)")), ("tiktok", _("Unduhan data TikTok")),
                  ("youtube", _("YouTube Studio"))]


class PostFilterForm(forms.Form):
    platform = forms.ChoiceField(label=_("Platform"), required=False,
                                 choices=[("", _("Semua platform")), *Platform.choices])
    kategori = forms.ChoiceField(label=_("Kategori"), required=False,
                                 choices=[("", _("Semua kategori")), *Category.choices])
    bulan = forms.CharField(label=_("Bulan"), required=False,
                            widget=forms.TextInput(attrs={"type": "month", "placeholder": "2025-07"}))

    def clean_bulan(self) -> dt.date | None:
        value = (self.cleaned_data.get("bulan") or "").strip()
        if not value:
            return None
        if not re.match(r"^\d{4}-\d{2}$", value):
            raise ValidationError(_("Tulis bulan sebagai TTTT-BB, misalnya 2025-07."))
        year, month = map(int, value.split("-"))
        if not 1 <= month <= 12 or year < 2000:
            raise ValidationError(_("Bulan tidak valid."))
        return dt.date(year, month, 1)


class CorrectionForm(forms.Form):
    category = forms.ChoiceField(label=_("Kategori yang benar"), choices=Category.choices)


class ImportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format berkas"), choices=FORMAT_CHOICES, initial="auto")
    file = forms.FileField(label=_("Berkas ekspor atau CSV"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise ValidationError(_("Berkas terlalu besar; batasnya %(limit)s MB. Untuk arsip X, unggah "
                                    "data/tweets.js saja.") % {"limit": settings.IMPORT_MAX_BYTES // (1024 * 1024)})
        check_upload(upload, max_bytes=settings.IMPORT_MAX_BYTES, kinds={"text", "zip"})  # exports: CSV, JSON, ZIP
        return upload


class FeedForm(forms.Form):
    url = forms.URLField(label=_("Alamat RSS/Atom atau sitemap"), max_length=500, assume_scheme="https")
    kind = forms.ChoiceField(label=_("Jenis"), choices=Feed.Kind.choices, initial=Feed.Kind.FEED)
