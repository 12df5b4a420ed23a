"""Forms of the invitation pages."""

from __future__ import annotations

from functools import partial

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.template.loader import render_to_string
from django.conf import settings
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from bakohumas.accounts.management import assignable_roles, manageable_offices
from bakohumas.accounts.services_onboarding import phone_international
from bakohumas.core.uploads import check_upload
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
        # Only the roles the manager can give somewhere (one office per level decides for that level).
        givable: set[str] = set()
        for level in offices.values_list("level", flat=True).distinct().order_by():
            givable.update(assignable_roles(actor, offices.filter(level=level).first()))
        self.fields["role"].choices = [(v, label) for v, label in User.Role.choices if v in givable]  # type: ignore[attr-defined]

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
        check_upload(upload, max_bytes=settings.IMPORT_MAX_BYTES, kinds={"text", "xlsx"})  # size, then bytes
        return upload.read()


class RecoveryForm(PasswordResetForm):
    """Django's reset form; the e-mail goes out through the background worker after commit."""

    email = forms.EmailField(label=_("Alamat e-mail akun Anda"), max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}))

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None) -> None:
        from bakohumas.accounts.tasks import send_password_reset_email

        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        html = render_to_string(html_email_template_name, context) if html_email_template_name else ""
        transaction.on_commit(partial(send_password_reset_email.enqueue, subject=subject, body=body, html=html,
                                      recipient=to_email))
