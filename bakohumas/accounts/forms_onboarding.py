"""Forms of the invitation pages."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from bakohumas.accounts.management import assignable_roles, manageable_offices
from bakohumas.accounts.services_onboarding import phone_international
from bakohumas.offices.models import Office, User


class InviteForm(forms.Form):
    office: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Satuan kerja"), queryset=Office.objects.none())
    name = forms.CharField(label=_("Nama lengkap"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    phone = forms.CharField(label=_("Nomor WhatsApp"), max_length=32, required=False,
                            help_text=_("Diawali 08 atau +628."))
    role = forms.ChoiceField(label=_("Peran"), choices=User.Role.choices)
    position = forms.CharField(label=_("Jabatan"), max_length=120, required=False)

    def __init__(self, actor: User, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        offices = manageable_offices(actor).order_by("code")
        self.fields["office"].queryset = offices  # type: ignore[attr-defined]
        if offices.count() == 1:
            self.fields["office"].initial = offices.first()

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        validate_email(email)
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("Alamat e-mail ini sudah dipakai akun lain."))
        return email

    def clean_phone(self) -> str:
        phone = phone_international(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(_("Nomor WhatsApp harus diawali 08 atau +628."))
        return phone

    def clean(self) -> dict:
        data = super().clean() or {}
        office, role = data.get("office"), data.get("role")
        if office is not None and role and role not in assignable_roles(self.actor, office):
            self.add_error("role", _("Anda tidak dapat memberikan peran ini di satuan kerja tersebut."))
        return data


class AccountsUploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas CSV atau XLSX"))
    invite = forms.BooleanField(label=_("Kirim undangan ke akun baru"), required=False, initial=True)

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar; batasnya %(limit)s MB.")
                                        % {"limit": settings.IMPORT_MAX_BYTES // (1024 * 1024)})
        return upload.read()
