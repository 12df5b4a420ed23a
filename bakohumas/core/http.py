"""Request types for annotations. Views behind `login_required` always see a real `User`, but
django-stubs types `request.user` as `User | AnonymousUser`; this subclass says what the
decorator guarantees (the pattern the django-stubs README recommends). Never instantiated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from bakohumas.offices.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
