from django import forms
from django.utils.translation import gettext_lazy as _

from bakohumas.core.forms import DateField
from bakohumas.offices.models import OfficeProfile, PositionTerm, validate_nip


class HandoverForm(forms.Form):
    position = forms.ChoiceField(label=_("Jabatan"), choices=PositionTerm.Position.choices)
    holder_name = forms.CharField(label=_("Nama pemegang jabatan baru"), max_length=150)
    contact = forms.CharField(label=_("Kontak (e-mail/WhatsApp)"), max_length=150, required=False)
    started_on = DateField(label=_("Mulai menjabat"))
    handover_note = forms.CharField(
        label=_("Catatan serah terima dari pemegang jabatan sebelumnya"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}), max_length=5000,
    )


LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_PIXELS = 4000 * 4000


def _nip(value: str) -> str:
    nip = value.replace(" ", "")
    if nip:
        validate_nip(nip)
    return nip


class OfficeProfileForm(forms.ModelForm):
    remove_logo = forms.BooleanField(label=_("Hapus logo"), required=False)
    website = forms.URLField(label=_("situs web"), max_length=200, required=False, assume_scheme="https")
    # Typed as printed on a decree ("19850712 201012 1 001"): spaces are dropped before the check.
    ppid_nip = forms.CharField(label=_("NIP PPID"), max_length=24, required=False)
    atasan_nip = forms.CharField(label=_("NIP atasan PPID"), max_length=24, required=False,
                                 help_text=_("Kosongkan bila atasan PPID bukan pegawai negeri (misalnya Ketua KPU)."))

    class Meta:
        model = OfficeProfile
        fields = ["full_name", "address", "phone", "email", "website", "city", "logo",
                  "ppid_name", "ppid_nip", "ppid_position", "atasan_name", "atasan_nip", "atasan_position",
                  "letter_code", "letter_number_pattern"]
        widgets = {"logo": forms.FileInput(attrs={"accept": "image/png,image/jpeg"})}


    def clean_logo(self):
        """PNG or JPEG by its bytes, at most 1 MB, and a picture Pillow can read that is not a
        decompression bomb (it is embedded in every PDF and DOCX)."""
        from PIL import Image

        from bakohumas.core.uploads import check_upload

        upload = self.cleaned_data.get("logo")
        if not upload or not hasattr(upload, "content_type"):  # nothing new: keep the stored logo
            return None
        check_upload(upload, max_bytes=LOGO_MAX_BYTES, kinds={"jpg", "png"})
        try:
            with Image.open(upload) as image:
                too_big = image.width * image.height > LOGO_MAX_PIXELS
                image.verify()
        except Exception:  # Pillow raises many kinds for a broken or hostile picture
            raise forms.ValidationError(_("Berkas logo tidak dapat dibaca sebagai gambar PNG atau JPG.")) from None
        finally:
            upload.seek(0)
        if too_big:
            raise forms.ValidationError(_("Logo terlalu besar; batasnya 4000 × 4000 piksel."))
        return upload

    def clean_ppid_nip(self) -> str:
        return _nip(self.cleaned_data["ppid_nip"])

    def clean_atasan_nip(self) -> str:
        return _nip(self.cleaned_data["atasan_nip"])

    FIELDSETS = (
        (_("Kop surat"), ("full_name", "address", "phone", "email", "website", "city", "logo", "remove_logo")),
        (_("PPID dan atasan PPID"), ("ppid_name", "ppid_nip", "ppid_position", "atasan_name", "atasan_nip",
                                     "atasan_position")),
        (_("Penomoran surat"), ("letter_code", "letter_number_pattern")),
    )

    @property
    def fieldsets(self) -> list[tuple[str, list]]:
        """(legend, bound fields); the page puts the signatories between the second and the last."""
        return [(str(legend), [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def profile_data(self) -> dict:
        data = dict(self.cleaned_data)
        if not data.get("logo"):
            data.pop("logo", None)
        return data


class SignatoryForm(forms.Form):
    name = forms.CharField(label=_("Nama"), max_length=150, required=False)
    nip = forms.CharField(label=_("NIP"), max_length=24, required=False,
                          help_text=_("18 angka; kosongkan untuk anggota KPU yang bukan pegawai negeri."))
    position = forms.CharField(label=_("Jabatan"), max_length=150, required=False)

    def clean_nip(self) -> str:
        return _nip(self.cleaned_data["nip"])

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("position"):
            self.add_error("position", _("Isi jabatan penanda tangan."))
        if (data.get("nip") or data.get("position")) and not data.get("name"):
            self.add_error("name", _("Isi nama penanda tangan."))
        return data


SignatoryFormSet = forms.formset_factory(SignatoryForm, extra=2, max_num=12)
