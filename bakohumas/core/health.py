"""A health check for load balancers and the load benchmark: plain "ok" once the database answers."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def health(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database error", content_type="text/plain; charset=utf-8", status=503)
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
