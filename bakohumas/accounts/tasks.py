"""Background tasks of the accounts app: invitation e-mails, sent outside the request (django-tasks)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from bakohumas.accounts.models import Invitation
from bakohumas.accounts.services_onboarding import invitation_link


@task()
def send_invitation_email(*, invitation_id: str) -> int:
    """The invitation e-mail (plain text and simple HTML) with one link; nothing when the link has meanwhile
    been used, revoked or replaced."""
    invitation = (Invitation.objects.select_related("user", "user__office", "created_by", "created_by__office")
                  .filter(pk=invitation_id).first())
    if invitation is None or not invitation.is_open or not invitation.user.email:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"invitation": invitation, "user": invitation.user, "link": invitation_link(invitation)}
        subject = _("Undangan akun Bakohumas")
        text = render_to_string("accounts/onboarding/invitation_email.txt", context)
        html = render_to_string("accounts/onboarding/invitation_email.html", context)
    message = EmailMultiAlternatives(subject, text, None, [invitation.user.email])
    message.attach_alternative(html, "text/html")
    return message.send()
