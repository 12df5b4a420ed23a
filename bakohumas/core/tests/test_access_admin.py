"""Django's admin, requested by every role: none of them is staff, so every admin URL (the index, each
app's list, each registered model's list, add, change, delete and history pages) sends them to the
admin login (django-rq's JSON statistics: 401) and never answers 200. Staff accounts are made by `createsuperuser`, not by the app."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, reverse

from bakohumas.access_testing import FOUND, ROLES, foreign_operator

pytestmark = pytest.mark.django_db

OPEN = {"login", "logout"}  # the admin's own login and logout pages are not behind `admin_view`


def _patterns(patterns, prefix: str = "") -> list[URLPattern]:
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found += _patterns(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name and pattern.name not in OPEN:
            found.append(pattern)
    return found


def _admin_urls() -> list[str]:
    app_label = next(iter(admin.site._registry))._meta.app_label
    urls = []
    for pattern in _patterns(admin.site.get_urls()):
        names = list(pattern.pattern.regex.groupindex)
        kwargs = {name: app_label if name == "app_label" else "1" for name in names}
        urls.append(reverse(f"admin:{pattern.name}", kwargs=kwargs))
    return sorted(set(urls))


def test_every_registered_model_is_enumerated():
    urls = _admin_urls()
    for model in admin.site._registry:
        meta = model._meta
        assert reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist") in urls
        assert reverse(f"admin:{meta.app_label}_{meta.model_name}_add") in urls


@pytest.mark.parametrize("role", [*ROLES, "foreign_operator", "anonymous"])
def test_no_role_of_the_app_gets_into_the_admin(client, users, role):
    if role == "foreign_operator":
        client.force_login(foreign_operator())
    elif role != "anonymous":
        client.force_login(users[role])
    login = reverse("admin:login")
    for url in _admin_urls():
        response = client.get(url)
        if response.status_code == FOUND:
            assert response.url.startswith(login), (url, response.url)
        else:  # django-rq's JSON statistics answer API callers plainly
            assert "stats.json" in url and response.status_code in (401, 403), (url, response.status_code)
