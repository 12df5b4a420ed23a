from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from bakohumas.core.forms import model_formfield
from bakohumas.quality.models import QualityStandard
from bakohumas.quality.standard import Standard


class StandardForm(forms.ModelForm):
    """Every threshold of the national standard; the model's `clean` keeps each failure threshold
    on the right side of its warning threshold."""

    class Meta:
        formfield_callback = model_formfield
        model = QualityStandard
        fields = Standard.field_names()


def try_max_bytes() -> int:
    """The trial page examines in the request: as big as a photo upload may be."""
    return int(getattr(settings, "MEDIA_PHOTO_MAX_MB", 40)) * 1024 * 1024


class TryForm(forms.Form):
    """One file to examine against the standard; nothing is stored."""

    file = forms.FileField(label=_("Foto atau video"), allow_empty_file=False,
                           error_messages={"required": _("Pilih berkas yang akan diperiksa."),
                                           "empty": _("Berkas kosong.")})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > try_max_bytes():
            raise forms.ValidationError(_("Berkas lebih dari %(limit)s MB. Periksa video besar melalui unggahan media "
                                          "kegiatan.") % {"limit": try_max_bytes() // (1024 * 1024)})
        return upload
