"""Reminders to the offices that owe a quarterly report: not reported (no report or a draft) or
returned by the province. By e-mail (to the office's operators and Ketua with an address, sent by a
background task) and as a ready WhatsApp text with a wa.me link. The daily job
(`bakohumas send-reminders`) e-mails them N days before and after the deadline
(`BAKOHUMAS_REMINDER_DAYS`). Every reminder is logged in `Reminder`; the database refuses a second
one on the same day for the same office, period and channel, and the service skips it quietly.

Recipients are the same staff roles the PPID reminders use (`ppid.reminders.STAFF_ROLES`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.core.formatting import tanggal
from bakohumas.core.periods import Quarter
from bakohumas.followup.models import Reminder
from bakohumas.followup.whatsapp import normalise_phone, wa_link
from bakohumas.offices.models import Office, User
from bakohumas.ppid.reminders import STAFF_ROLES
from bakohumas.reports.models import Period, Submission
from bakohumas.reports.services import period_get_or_create

DEFAULT_REMINDER_DAYS = "3,1,-1,-3,-7"
# Statuses that still owe a report: nothing sent yet (draft) or sent back by the province.
OWING_STATUSES = (Submission.Status.DRAFT, Submission.Status.RETURNED)


def reminder_days() -> list[int]:
    """Days relative to the deadline on which the daily job e-mails: 3 = three days before, -1 = one
    day after. From the setting or environment variable BAKOHUMAS_REMINDER_DAYS ("3,1,-1,-3,-7")."""
    raw = settings.BAKOHUMAS_REMINDER_DAYS or DEFAULT_REMINDER_DAYS
    if isinstance(raw, (list, tuple)):
        return [int(x) for x in raw]
    try:
        return [int(part) for part in str(raw).split(",") if part.strip()]
    except ValueError:
        raise ImproperlyConfigured(
            f"BAKOHUMAS_REMINDER_DAYS harus berupa daftar bilangan bulat dipisah koma, misalnya "
            f"{DEFAULT_REMINDER_DAYS!r}; bukan {raw!r}.") from None


@dataclass
class Contact:
    name: str
    role: str
    email: str
    phone: str | None  # normalised 62…

    @property
    def label(self) -> str:
        return f"{self.name} ({self.role})"


@dataclass
class OwingOffice:
    """An office that owes the period's report, with whom to remind and the texts to send."""

    office: Office
    period: Period
    status: str | None  # None: no report at all
    submission_id: Any
    contacts: list[Contact] = field(default_factory=list)
    whatsapp_text: str = ""

    @property
    def returned(self) -> bool:
        return self.status == Submission.Status.RETURNED

    @property
    def emails(self) -> list[str]:
        return [c.email for c in self.contacts if c.email]

    @property
    def whatsapp(self) -> list[tuple[Contact, str]]:
        """(contact, wa.me link) for each contact with a usable number."""
        return [(c, wa_link(c.phone, self.whatsapp_text)) for c in self.contacts if c.phone]


def _report_url(owing: OwingOffice) -> str:
    if owing.submission_id:
        path = reverse("reports:detail", args=[owing.submission_id])
    else:
        path = reverse("home")
    return f"{settings.BAKOHUMAS_BASE_URL}{path}"


def _when(period: Period, today: dt.date) -> str:
    days = (period.deadline - today).days
    if days > 1:
        return _("%(n)s hari lagi") % {"n": days}
    if days == 1:
        return _("besok")
    if days == 0:
        return _("hari ini")
    return _("sudah lewat %(n)s hari") % {"n": -days}


def reminder_text(owing: OwingOffice, today: dt.date) -> str:
    """The message, short enough for WhatsApp; the e-mail uses it as its body. Always Indonesian,
    whatever language the sender's interface is in: it goes to a KPU office."""
    with translation.override("id"):
        return _reminder_text(owing, today)


def _reminder_text(owing: OwingOffice, today: dt.date) -> str:
    values = {"office": owing.office.name, "period": owing.period.label,
              "deadline": tanggal(owing.period.deadline), "when": _when(owing.period, today),
              "url": _report_url(owing)}
    if owing.returned:
        first = _("Laporan Bakohumas %(period)s dari %(office)s dikembalikan oleh KPU Provinsi untuk "
                  "diperbaiki.") % values
    else:
        first = _("Laporan Bakohumas %(period)s dari %(office)s belum kami terima.") % values
    return "\n".join([
        _("Yth. Operator humas dan Ketua Bakohumas %(office)s,") % values,
        "",
        first,
        _("Batas waktu: %(deadline)s (%(when)s).") % values,
        _("Silakan isi dan kirim laporan di %(url)s") % values,
        "",
        _("Terima kasih. — Bakohumas KPU"),
    ])


def reminder_subject(owing: OwingOffice) -> str:
    with translation.override("id"):
        return _("Pengingat laporan Bakohumas %(period)s — %(office)s") % {
            "period": owing.period.label, "office": owing.office.name}


class PeriodClosed(ValidationError):
    pass


def _check_open(period: Period) -> None:
    if period.entry_closed:
        raise PeriodClosed(_("Pengisian laporan %(period)s sudah ditutup; tidak ada yang perlu diingatkan.")
                           % {"period": period.label})


def owing_offices(*, period: Period, region: Office | None = None, today: dt.date | None = None) -> list[OwingOffice]:
    """The kab/kota offices of the region that owe the period's report (no report, a draft, or
    returned), with their staff contacts and WhatsApp text. Two queries, whatever the region's size."""
    today = today or timezone.localdate()
    this_period = Submission.objects.filter(office=OuterRef("pk"), period=period)
    offices = (
        Office.objects.in_region(region)
        .annotate(submission_id=Subquery(this_period.values("id")[:1]),
                  submission_status=Subquery(this_period.values("status")[:1]))
        .order_by("code")
    )
    owing = [
        OwingOffice(office=o, period=period, status=o.submission_status, submission_id=o.submission_id)
        for o in offices
        if o.submission_status is None or o.submission_status in OWING_STATUSES
    ]
    by_office: dict[int | None, list[Contact]] = defaultdict(list)
    staff = (User.objects.filter(office__in=[o.office for o in owing], role__in=STAFF_ROLES, is_active=True)
             .order_by("role", "last_name", "username"))
    for user in staff:
        by_office[user.office_id].append(Contact(
            name=str(user), role=str(user.get_role_display()), email=user.email, phone=normalise_phone(user.phone)))
    for item in owing:
        item.contacts = by_office[item.office.pk]
        item.whatsapp_text = reminder_text(item, today)
    return owing


def _log(*, office: Office, period: Period, channel: str, recipient: str, today: dt.date, actor: User | None) -> bool:
    """Log one reminder; False when this office, period and channel already had one today."""
    try:
        with transaction.atomic():  # a savepoint: the conflict must not break the caller's transaction
            reminder = Reminder(office=office, period=period, channel=channel, recipient=recipient, sent_on=today,
                                sent_by=actor)
            reminder.full_clean(validate_constraints=False)  # the unique constraint is the database's job
            reminder.save()
    except IntegrityError:
        return False
    return True


@transaction.atomic
def reminders_send_email(*, period: Period, region: Office | None = None, actor: User | None = None,
                         today: dt.date | None = None) -> int:
    """E-mail every owing office of the region that has staff with an address; at most once a day per
    office and period. The mail goes out by a background task after commit. Returns how many
    offices were reminded now (those reminded earlier today are skipped)."""
    from bakohumas.followup.tasks import send_reminder_email

    _check_open(period)
    today = today or timezone.localdate()
    sent = 0
    for owing in owing_offices(period=period, region=region, today=today):
        if not owing.emails:
            continue
        if not _log(office=owing.office, period=period, channel=Reminder.Channel.EMAIL,
                    recipient=", ".join(owing.emails), today=today, actor=actor):
            continue
        transaction.on_commit(partial(send_reminder_email.enqueue, subject=reminder_subject(owing),
                                      body=reminder_text(owing, today), recipients=owing.emails))
        sent += 1
    if actor is not None and sent:
        target = region or Office.objects.get(code=Office.NATIONAL_CODE)
        audit_record(actor=actor, action="followup.reminders.email", target=target, office=target,
                     note=_("%(n)s kantor diingatkan untuk %(period)s.") % {"n": sent, "period": period.label},
                     data={"period": period.code, "offices": sent})
    return sent


@transaction.atomic
def reminder_log_whatsapp(*, owing: OwingOffice, number: str, actor: User, today: dt.date | None = None) -> bool:
    """Log a WhatsApp reminder the user is about to send by the wa.me link (once a day per office)."""
    _check_open(owing.period)
    today = today or timezone.localdate()
    logged = _log(office=owing.office, period=owing.period, channel=Reminder.Channel.WHATSAPP, recipient=number,
                  today=today, actor=actor)
    if logged:
        audit_record(actor=actor, action="followup.reminders.whatsapp", target=owing.office, office=owing.office,
                     data={"period": owing.period.code, "number": number})
    return logged


def periods_to_remind(today: dt.date) -> list[Period]:
    """The periods whose deadline is one of the reminder days away from today (entry not closed).
    A quarter nobody has started a report for has no `Period` row yet; when its default deadline
    (the 10th of the following month) is a reminder day, the period is created so its offices are
    reminded too: that is exactly when nobody has reported."""
    deadlines = [today + dt.timedelta(days=d) for d in reminder_days()]
    for day in deadlines:
        quarter = Quarter.containing(day).previous()  # the 10th of a month after a quarter's end
        if quarter.default_deadline == day and not Period.objects.filter(code=quarter.code).exists():
            period_get_or_create(quarter.code)
    return list(Period.objects.filter(deadline__in=deadlines, entry_closed=False).order_by("code"))


def reminders_send_scheduled(*, today: dt.date | None = None) -> dict[str, int]:
    """The daily job: for each period due for a reminder today, e-mail every owing office in the
    country. Returns {period code: offices reminded}."""
    today = today or timezone.localdate()
    return {period.code: reminders_send_email(period=period, today=today) for period in periods_to_remind(today)}
