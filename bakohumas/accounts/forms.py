from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Kode 6 angka dari aplikasi autentikator"), regex=r"^\s*\d{6}\s*$", max_length=12,
        error_messages={"invalid": _("Masukkan 6 angka.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_token(self) -> str:
        return self.cleaned_data["token"].strip()


class VerifyForm(forms.Form):
    """The code of the authenticator app, or one of the person's backup codes (8 letters and digits)."""

    token = forms.RegexField(
        label=_("Kode 6 angka dari aplikasi autentikator, atau kode cadangan"),
        regex=r"^\s*(\d{6}|[a-zA-Z2-7]{4}[\s-]?[a-zA-Z2-7]{4})\s*$", max_length=16,
        error_messages={"invalid": _("Masukkan 6 angka dari aplikasi, atau kode cadangan 8 karakter.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "autocapitalize": "none"}),
    )

    def clean_token(self) -> str:
        return "".join(self.cleaned_data["token"].split()).replace("-", "").lower()


class PasswordConfirmForm(forms.Form):
    """The user's own password, typed again. Checked through authenticate(), so django-axes counts a wrong
    one like a failed login (and locks out after AXES_FAILURE_LIMIT) and the login audit records it."""

    password = forms.CharField(
        label=_("Kata sandi"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )

    def __init__(self, request: HttpRequest, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        user = self.request.user
        confirmed = authenticate(self.request, username=user.get_username(), password=password)
        if confirmed is None or confirmed.pk != user.pk:
            raise forms.ValidationError(_("Kata sandi salah."))
        return password
