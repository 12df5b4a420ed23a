from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bakohumas.accounts.management import ROLES_BY_LEVEL, can_manage, manageable_offices
from bakohumas.offices.models import Office, User


class AccountFilterForm(forms.Form):
    kantor = forms.ModelChoiceField(label=_("Satuan kerja"), queryset=Office.objects.none(), required=False,
                                    to_field_name="code", empty_label=_("Semua satuan kerja"))
    q = forms.CharField(label=_("Cari nama atau e-mail"), max_length=100, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kantor"].queryset = manageable_offices(user).order_by("code")  # type: ignore[attr-defined]


class AccountAssignmentForm(forms.Form):
    """A new office and/or role for an account; the manager must manage both the old and the new."""

    office = forms.ModelChoiceField(label=_("Satuan kerja"), queryset=Office.objects.none(), to_field_name="code")
    role = forms.ChoiceField(label=_("Peran"), choices=User.Role.choices)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["office"].queryset = manageable_offices(user).order_by("code")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        office, role = data.get("office"), data.get("role")
        if office is not None and role:
            if role not in ROLES_BY_LEVEL[office.level]:
                self.add_error("role", _("Satuan kerja ini tidak memiliki peran tersebut."))
            elif not can_manage(self.user, office, role):
                self.add_error("role", _("Anda tidak berwenang memberikan peran ini di satuan kerja tersebut."))
        return data
