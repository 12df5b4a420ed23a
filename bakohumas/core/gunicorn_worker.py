"""gunicorn's thread worker with an Indonesian page for requests too big to reach Django.

A request line longer than `limit_request_line` (a pasted 10,000-character search in a link) or headers
past gunicorn's limits are refused by gunicorn itself, before Django runs, with a bare English page
("URI Too Long"). This worker answers the same status (414 or 431) with `templates/414.html`: what
happened and a way back. Everything else is gunicorn's own handling."""

from __future__ import annotations

from typing import Any

from gunicorn import util
from gunicorn.http.errors import LimitRequestHeaders, LimitRequestLine
from gunicorn.workers.gthread import ThreadWorker

# gunicorn's maximum (its default is 4094): long but legitimate links, a catalogue search with every
# facet selected, pass; anything longer gets the friendly page below.
LIMIT_REQUEST_LINE = 8190


def too_large_response(status: int) -> bytes:
    """The whole HTTP response (status line, headers, Indonesian page) for a 414 or 431."""
    from django.template.loader import render_to_string
    from django.utils import translation

    reason = "URI Too Long" if status == 414 else "Request Header Fields Too Large"
    with translation.override("id"):
        body = render_to_string("414.html", {"status": status}).encode("utf-8")
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: text/html; charset=utf-8\r\n"
            f"Cache-Control: no-store\r\nContent-Length: {len(body)}\r\n\r\n")
    return head.encode("latin-1") + body


class FriendlyThreadWorker(ThreadWorker):
    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        if not isinstance(exc, LimitRequestLine | LimitRequestHeaders):
            return super().handle_error(req, client, addr, exc)
        status = 414 if isinstance(exc, LimitRequestLine) else 431
        self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
        try:
            util.write_nonblock(client, too_large_response(status))
        except Exception:  # noqa: BLE001 - the client may be gone; nothing else to do, as in gunicorn
            self.log.debug("Failed to send error message.")
        return None
