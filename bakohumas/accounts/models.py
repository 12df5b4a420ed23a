"""The accounts app's own tables. The user itself is offices.User."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

USER_AGENT_LENGTH = 255


class UserSession(models.Model):
    """One login: which session of the store belongs to whom, so a person (or their manager) can see
    their sessions and end them. Django's session store is keyed by a random key, not by user."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="login_sessions")
    session_key = models.CharField(_("kunci sesi"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("masuk pada"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("terakhir aktif"), default=timezone.now)
    ip = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)
    user_agent = models.CharField(_("peramban"), max_length=USER_AGENT_LENGTH, blank=True)

    class Meta:
        ordering = ["-last_seen_at"]
        verbose_name = _("sesi")
        verbose_name_plural = _("sesi")
        indexes = [models.Index(fields=["user", "-last_seen_at"], name="usersession_user_seen")]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"
