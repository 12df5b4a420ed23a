from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_ERRORS = {"invalid": _("Tanggal tidak valid; pilih tanggal dari kalender atau tulis YYYY-MM-DD, "
                            "misalnya 2025-07-17.")}


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class AsOfForm(forms.Form):
    """The evaluation as it stood on a day (`?per=2025-07-17`)."""

    per = forms.DateField(label=_("Keadaan per tanggal"), required=False, widget=DateInput(),
                          input_formats=["%Y-%m-%d"], error_messages=DATE_ERRORS,
                          help_text=_("Laporan yang pertama kali dikirim sesudah tanggal ini dihitung belum "
                                      "melapor. Kosongkan untuk keadaan hari ini."))


class EvaluationEditForm(forms.Form):
    recommendations = forms.CharField(
        label=_("Rekomendasi (satu per baris)"), required=False, widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Ubah kalimatnya, ubah urutan barisnya, hapus baris, atau tambahkan baris baru. "
                    "Teks yang sama masuk ke halaman ini dan ke keempat dokumen."))
    note = forms.CharField(label=_("Catatan evaluator"), required=False, max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}))
    meeting_date = forms.DateField(label=_("Tanggal rakor"), required=False, widget=DateInput(),
                                   input_formats=["%Y-%m-%d"], error_messages=DATE_ERRORS,
                                   help_text=_("Dicetak di sampul dokumen."))
    reset = forms.BooleanField(label=_("Kembalikan ke rekomendasi yang dihasilkan dari data"), required=False)
