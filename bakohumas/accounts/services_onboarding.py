"""Invitations: a manager creates an account without a password and sends a one-time link; the person
sets their password on /undangan/<token>/ (formats/akun.md section 3). Every write is audited."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.accounts.management import can_manage, can_manage_account
from bakohumas.accounts.models import Invitation, token_hash
from bakohumas.audit.models import AuditEntry
from bakohumas.audit.services import audit_record
from bakohumas.followup.whatsapp import normalise_phone, wa_link
from bakohumas.offices.models import Office, User

if TYPE_CHECKING:
    from bakohumas.accounts.transfer import AccountImport


def phone_international(raw: str) -> str | None:
    """'0812-3456-7890' or '+6281234567890' -> '+6281234567890'; '' -> ''; None when malformed.
    Indonesian mobile numbers only (they start with 8 after the country code)."""
    if not (raw or "").strip():
        return ""
    if not re.fullmatch(r"\s*(\+62|0)[\d\s-]+", raw):
        return None
    digits = normalise_phone(raw)
    if digits is None or not digits.startswith("628") or not 10 <= len(digits) <= 15:
        return None
    return "+" + digits


def invitation_link(invitation: Invitation) -> str:
    """The one link of an invitation, under BAKOHUMAS_BASE_URL."""
    return settings.BAKOHUMAS_BASE_URL + reverse("invitation", args=[invitation.token])


def invitation_whatsapp(invitation: Invitation) -> tuple[str, str | None]:
    """The ready WhatsApp text with the link, and a wa.me link to the person's number (None without one)."""
    user = invitation.user
    text = _("Yth. %(name)s, Anda diundang menggunakan Bakohumas (%(office)s). Buat kata sandi Anda melalui "
             "tautan ini (berlaku 72 jam, sekali pakai): %(link)s") % {
        "name": user.get_full_name() or user.username, "office": user.office, "link": invitation_link(invitation)}
    number = normalise_phone(user.phone) if user.phone else None
    return text, (wa_link(number, text) if number else None)


def username_from_email(email: str, taken: set[str] | None = None) -> str:
    """The part before '@' (letters, digits and . _ - only), made unique with a number: budi.s, budi.s2, ..."""
    base = re.sub(r"[^\w.-]", "", email.split("@", 1)[0].lower())[:140] or "pengguna"
    if taken is None:
        taken = set(User.objects.filter(username__startswith=base).values_list("username", flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{n}"
    taken.add(candidate)
    return candidate


def _split_name(name: str) -> tuple[str, str]:
    """The whole name in first_name (Indonesian names have no reliable surname) and nothing in last_name."""
    return name.strip()[:150], ""


def _new_invitation(*, user: User, actor: User | None) -> Invitation:
    invitation = Invitation(user=user, created_by=actor if getattr(actor, "is_authenticated", False) else None)
    invitation.token_hash = token_hash(invitation.token)
    invitation.expires_at = invitation.created_at + Invitation.lifetime()
    invitation.full_clean()
    invitation.save()
    return invitation


def _send(invitation: Invitation) -> None:
    from bakohumas.accounts.tasks import send_invitation_email

    transaction.on_commit(partial(send_invitation_email.enqueue, invitation_id=str(invitation.id)))


EMAIL_BATCH = 50  # invitations per background task of a bulk import


def _send_batches(invitations: list[Invitation]) -> None:
    from bakohumas.accounts.tasks import send_invitation_emails

    ids = [str(invitation.id) for invitation in invitations]
    for start in range(0, len(ids), EMAIL_BATCH):
        transaction.on_commit(partial(send_invitation_emails.enqueue, invitation_ids=ids[start:start + EMAIL_BATCH]))


@transaction.atomic
def account_invite(*, actor: User, office: Office, name: str, email: str, phone: str, role: str,
                   position: str = "") -> Invitation:
    """A new account at `office` with an unusable password (it cannot log in yet) and an invitation e-mail."""
    if not can_manage(actor, office, role):
        raise PermissionDenied
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("Alamat e-mail ini sudah dipakai akun lain.")})
    first_name, last_name = _split_name(name)
    user = User(username=username_from_email(email), email=email.strip(), first_name=first_name,
                last_name=last_name, phone=phone, office=office, role=role, position=position.strip())
    user.set_unusable_password()
    user.full_clean()
    user.save()
    invitation = _new_invitation(user=user, actor=actor)
    audit_record(actor=actor, action="account.invite", target=user, office=office,
                 note=_("%(name)s diundang sebagai %(role)s.") % {"name": user, "role": user.get_role_display()},
                 data={"email": user.email, "role": role, "invitation": str(invitation.id)})
    _send(invitation)
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, actor: User) -> Invitation:
    """A new link for the same person; every earlier link stops working."""
    user = invitation.user
    if not can_manage_account(actor, user):
        raise PermissionDenied
    if user.has_usable_password():
        raise ValidationError(_("Akun ini sudah aktif; undangan tidak dapat dikirim ulang."))
    now = timezone.now()
    Invitation.objects.filter(user=user, used_at__isnull=True, revoked_at__isnull=True).update(revoked_at=now)
    new = _new_invitation(user=user, actor=actor)
    audit_record(actor=actor, action="account.invite_resend", target=user, office=user.office,
                 note=_("Undangan dikirim ulang."), data={"invitation": str(new.id)})
    _send(new)
    return new


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: User) -> Invitation:
    if not can_manage_account(actor, invitation.user):
        raise PermissionDenied
    if invitation.used_at is not None or invitation.revoked_at is not None:
        raise ValidationError(_("Undangan ini sudah dipakai atau dibatalkan."))
    invitation.revoked_at = timezone.now()
    invitation.full_clean()
    invitation.save(update_fields=["revoked_at"])
    audit_record(actor=actor, action="account.invite_revoke", target=invitation.user, office=invitation.user.office,
                 note=_("Undangan dibatalkan."), data={"invitation": str(invitation.id)})
    return invitation


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation of a link, whatever its state (the page says whether it expired, was used or revoked)."""
    if not re.fullmatch(r"[0-9a-f]{64}", token or ""):
        return None
    return (Invitation.objects.select_related("user", "created_by", "created_by__office")
            .filter(token_hash=token_hash(token)).first())


@transaction.atomic
def invitation_accept(*, invitation: Invitation, password: str) -> User:
    """Set the first password; the link is used up. Only an open invitation is accepted (re-read under a lock,
    so a link opened in two tabs is used once)."""
    locked = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
    user = locked.user
    if not locked.is_open or not user.is_active:  # a deactivated account is not reopened by an old link
        raise ValidationError(_("Tautan undangan ini tidak berlaku lagi."))
    validate_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    audit_record(actor=user, action="account.invite_accept", target=user, office=user.office,
                 note=_("Kata sandi pertama dibuat dari undangan."), data={"invitation": str(locked.id)})
    return user


@transaction.atomic
def accounts_import(*, parsed: AccountImport, actor: User | None, invite: bool = True,
                    source: str = "") -> dict[str, int]:
    """Write a checked file (transfer.parse_accounts) all at once: new accounts without a usable password
    (nothing to hash: 3,000 rows take seconds), updates of existing ones, an audit row per account, and an
    invitation e-mail per new account (after commit, through the background worker) unless `invite` is off.
    Raises ValidationError if the file has errors: nothing is written then."""
    if not parsed.ok:
        raise ValidationError([str(error) for error in parsed.errors])
    taken = set(User.objects.values_list("username", flat=True))
    new_users = []
    for row in parsed.new_rows:
        user = User(username=username_from_email(row.email, taken), email=row.email, first_name=row.name,
                    phone=row.phone, office=row.office, role=row.role, position=row.position,
                    password=make_password(None))
        # Field checks only: the parser checked the values, and the database enforces uniqueness.
        user.full_clean(validate_unique=False, validate_constraints=False)
        new_users.append(user)
    User.objects.bulk_create(new_users, batch_size=500)
    changed = parsed.changed_rows
    updates = []
    for row in changed:
        account = row.existing
        assert account is not None
        before = {key: str(getattr(account, key)) for key in row.changes}
        for key, value in row.changes.items():
            setattr(account, key, value)
        account.full_clean(validate_unique=False, validate_constraints=False)
        updates.append((account, before))
    User.objects.bulk_update([user for user, _before in updates], ["first_name", "last_name", "phone", "office",
                                                                   "role", "position"], batch_size=500)
    invitations = []
    if invite:
        by = actor if getattr(actor, "is_authenticated", False) else None
        for user in new_users:
            invitation = Invitation(user=user, created_by=by)
            invitation.token_hash = token_hash(invitation.token)
            invitation.expires_at = invitation.created_at + Invitation.lifetime()
            invitations.append(invitation)
        Invitation.objects.bulk_create(invitations, batch_size=500)
    who = actor if getattr(actor, "is_authenticated", False) else None
    AuditEntry.objects.bulk_create(
        [AuditEntry(actor=who, action="account.import_create", target_type="offices.user", target_id=str(user.pk),
                    office=user.office, note=_("Akun dibuat dari impor %(source)s.") % {"source": source},
                    data={"email": user.email, "role": user.role, "invited": invite}) for user in new_users]
        + [AuditEntry(actor=who, action="account.import_update", target_type="offices.user", target_id=str(user.pk),
                      office=user.office, note=_("Akun diperbarui dari impor %(source)s.") % {"source": source},
                      data={"before": before, "after": {key: str(getattr(user, key)) for key in before}})
           for user, before in updates], batch_size=500)
    _send_batches(invitations)
    return {"created": len(new_users), "updated": len(updates), "invited": len(invitations)}
