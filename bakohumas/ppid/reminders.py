"""Daily reminders to each office's PPID staff: requests past their deadline or due within three
working days. Run by `bakohumas ppid-daily` (cron or a systemd timer, see docs/operations.md)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from bakohumas.core.formatting import tanggal
from bakohumas.offices.models import User
from bakohumas.ppid.models import InformationRequest, ReminderLog
from bakohumas.ppid.selectors import with_effective_due, due_soon_limit

STAFF_ROLES = (User.Role.OPERATOR, User.Role.KETUA)


def _message(office, overdue: list, due_soon: list) -> str:
    lines = [f"Yth. PPID {office.name},", ""]
    if overdue:
        lines.append(f"{len(overdue)} permohonan informasi sudah melewati batas waktu pemberitahuan tertulis:")
        lines += [f"- {r.registration_number}: batas {tanggal(r.due)}" for r in overdue]
        lines.append("")
    if due_soon:
        lines.append(f"{len(due_soon)} permohonan jatuh tempo dalam tiga hari kerja:")
        lines += [f"- {r.registration_number}: batas {tanggal(r.due)}" for r in due_soon]
        lines.append("")
    lines.append(f"Daftar permohonan: {settings.BAKOHUMAS_BASE_URL}{reverse('ppid:request_list', args=[office.code])}")
    lines.append("Pesan ini dikirim otomatis oleh Bakohumas.")
    return "\n".join(lines)


def ppid_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind every office that owes an answer, once a day; returns how many offices were reminded."""
    today = today or timezone.localdate()
    soon = due_soon_limit(today)
    waiting = with_effective_due(
        InformationRequest.objects.filter(status__in=[InformationRequest.Status.RECEIVED,
                                                      InformationRequest.Status.EXTENDED])
    ).filter(due__lte=soon).select_related("office").order_by("due", "registration_number")
    by_office: dict = defaultdict(list)
    for request in waiting:
        by_office[request.office].append(request)
    already = set(ReminderLog.objects.filter(sent_on=today).values_list("office_id", flat=True))
    staff = defaultdict(list)
    for user in User.objects.filter(office__in=list(by_office), role__in=STAFF_ROLES, is_active=True).exclude(email=""):
        staff[user.office_id].append(user.email)
    sent = 0
    for office, requests in by_office.items():
        if office.pk in already or not staff[office.pk]:
            continue
        overdue = [r for r in requests if r.due < today]
        due_soon = [r for r in requests if r.due >= today]
        try:
            with transaction.atomic():
                ReminderLog.objects.create(office=office, sent_on=today, recipients=", ".join(staff[office.pk]),
                                           overdue=len(overdue), due_soon=len(due_soon))
                body = _message(office, overdue, due_soon)
                recipients = staff[office.pk]
                # partial binds this office's body and recipients now, not the loop's last ones.
                transaction.on_commit(partial(
                    send_mail, "Pengingat batas waktu permohonan informasi", body, None, recipients))
        except IntegrityError:  # another run reminded this office today
            continue
        sent += 1
    return sent
