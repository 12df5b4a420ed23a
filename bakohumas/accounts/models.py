"""The accounts app's own tables (the user itself is offices.User): logins as sessions a person or
their manager can end, and invitations to a new account (issue 16, formats/akun.md section 3)."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
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


INVITATION_LIFETIME = dt.timedelta(hours=72)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """One link to set the first password. The table holds only the SHA-256 of the token; the token itself
    is an HMAC of the invitation's id under SECRET_KEY, so the page that lists invitations and the task that
    sends the e-mail can rebuild the link, while a copy of the database alone cannot."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations",
                             verbose_name=_("pengguna"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("diundang oleh"))
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    expires_at = models.DateTimeField(_("berlaku sampai"))
    used_at = models.DateTimeField(_("dipakai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dibatalkan"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("undangan")
        verbose_name_plural = _("undangan")
        constraints = [
            # Resending revokes the earlier link: at most one link per person works at a time.
            models.UniqueConstraint(fields=["user"], condition=Q(used_at__isnull=True, revoked_at__isnull=True),
                                    name="invitation_one_open_per_user"),
            models.CheckConstraint(condition=Q(expires_at__gt=models.F("created_at")),
                                   name="invitation_expires_after_creation"),
            models.CheckConstraint(condition=Q(used_at__isnull=True) | Q(revoked_at__isnull=True),
                                   name="invitation_used_or_revoked_not_both"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.created_at:%Y-%m-%d})"

    def save(self, *args, **kwargs) -> None:
        if not self.token_hash:
            self.token_hash = token_hash(self.token)
        if self.expires_at is None:
            self.expires_at = self.created_at + INVITATION_LIFETIME
        super().save(*args, **kwargs)

    @staticmethod
    def lifetime() -> dt.timedelta:
        return INVITATION_LIFETIME

    @property
    def token(self) -> str:
        return salted_hmac("bakohumas.accounts.Invitation", str(self.id), algorithm="sha256").hexdigest()

    @property
    def state(self) -> str:
        if self.used_at is not None:
            return "used"
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "open"

    @property
    def is_open(self) -> bool:
        return self.state == "open"
