"""Background tasks of the follow-up app: sending reminder e-mails outside the request."""

from __future__ import annotations

from django.core.mail import send_mail
from django_tasks import task


@task()
def send_reminder_email(*, subject: str, body: str, recipients: list[str]) -> int:
    return send_mail(subject, body, None, recipients)
