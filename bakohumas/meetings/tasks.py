"""Background task of the meetings: one invitation (or change, or cancellation) e-mail with its
calendar file, sent outside the request."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django_tasks import task


@task()
def send_invitation_email(*, subject: str, body: str, recipients: list[str], ics: str, method: str) -> int:
    message = EmailMessage(subject, body, None, recipients)
    message.attach("undangan-rakor.ics", ics.encode(), f"text/calendar; charset=utf-8; method={method}")
    return message.send()
