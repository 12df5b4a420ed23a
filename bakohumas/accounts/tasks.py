"""Background tasks of the accounts app: invitation e-mails, sent outside the request (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from bakohumas.accounts.models import Invitation
from bakohumas.accounts.services_onboarding import invitation_link


def _message(invitation: Invitation, connection) -> EmailMultiAlternatives:
    """The invitation e-mail (plain text and simple HTML) with one link."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {"invitation": invitation, "user": invitation.user, "link": invitation_link(invitation)}
        subject = _("Undangan akun Bakohumas")
        text = render_to_string("accounts/onboarding/invitation_email.txt", context)
        html = render_to_string("accounts/onboarding/invitation_email.html", context)
    message = EmailMultiAlternatives(subject, text, None, [invitation.user.email], connection=connection)
    message.attach_alternative(html, "text/html")
    return message


def _send(invitation_ids: list[str]) -> int:
    """Skips links used, revoked or replaced since they were queued; one SMTP connection for the batch."""
    invitations = [invitation for invitation in Invitation.objects.select_related(
        "user", "user__office", "created_by", "created_by__office").filter(pk__in=invitation_ids)
        if invitation.is_open and invitation.user.email]
    if not invitations:
        return 0
    with get_connection() as connection:
        return sum(_message(invitation, connection).send() for invitation in invitations)


@task()
def send_invitation_email(*, invitation_id: str) -> int:
    return _send([invitation_id])


@task()
def send_invitation_emails(*, invitation_ids: list[str]) -> int:
    """A batch of a bulk import's invitations."""
    return _send(invitation_ids)


@task()
def send_password_reset_email(*, subject: str, body: str, html: str, recipient: str) -> int:
    """Sent by the worker, so that the recovery page answers as fast for an unknown address as for a known one."""
    message = EmailMultiAlternatives(subject, body, None, [recipient])
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
