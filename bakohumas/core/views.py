"""View helpers shared by the apps' thin views."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def form_page(request: HttpRequest, form: BaseForm, save: Callable[[dict[str, Any]], Any],
              context: Mapping[str, Any], done: Callable[[Any], HttpResponse], *, template: str) -> HttpResponse:
    """Show `form`; on a valid POST run `save(cleaned_data)` (a service) and answer `done(saved)`.
    Otherwise the page again with the errors (400); a service's refusal is shown on the form."""
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                saved = save(form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, " ".join(exc.messages))
            else:
                messages.success(request, _("Tersimpan."))
                return done(saved)
    return render(request, template, {**context, "form": form}, status=status)
