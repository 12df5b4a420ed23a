"""A real SMTP server on loopback for tests (aiosmtpd): Django's SMTP backend sends to it, and the test
reads the received messages as a mail client would (issue 16, item 8)."""

from __future__ import annotations

import email
import email.policy
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Mailbox:
    """What the server received, parsed: message.get_body(("plain",)).get_content() for the text."""

    host: str = "127.0.0.1"
    port: int = 0
    messages: list[EmailMessage] = field(default_factory=list)
    recipients: list[list[str]] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd handler hook  # noqa: N802
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        self.messages.append(message)  # type: ignore[arg-type]
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"

    def text(self, index: int = -1) -> str:
        part = self.messages[index].get_body(preferencelist=("plain",))
        assert part is not None
        return part.get_content()  # type: ignore[attr-defined]

    def html(self, index: int = -1) -> str | None:
        part = self.messages[index].get_body(preferencelist=("html",))
        return part.get_content() if part is not None else None  # type: ignore[attr-defined]

    def links(self, index: int = -1) -> list[str]:
        return re.findall(r"https?://[^\s<>\"]+", self.text(index))


def run_smtp_server(settings) -> Iterator[Mailbox]:
    """Start aiosmtpd on a free loopback port and point Django's SMTP backend at it."""
    from aiosmtpd.controller import Controller

    mailbox = Mailbox(port=_free_port())
    controller = Controller(mailbox, hostname=mailbox.host, port=mailbox.port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = mailbox.host, mailbox.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    try:
        yield mailbox
    finally:
        controller.stop()
