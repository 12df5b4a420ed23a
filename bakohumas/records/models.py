"""Day-to-day PR records of an office: its channels, its partnerships (kerja sama) and its
activities (kegiatan). They are kept as things happen, and the quarterly report is suggested from
them ("record once, report automatically"; see `selectors.py` and docs/records.md).

Each record belongs to one office and carries a UUID, which is what URLs use."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from bakohumas.offices.models import Office

EXPIRING_SOON_DAYS = 60
EARLIEST_ACTIVITY = dt.date(2000, 1, 1)


def _active_on(day: dt.date, *, start: str, end: str) -> Q:
    """A record whose period (start may be empty = "since before we kept records") covers `day`."""
    return (Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": day})) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": day}))


def _active_between(first: dt.date, last: dt.date, *, start: str, end: str) -> Q:
    """Active at any time from `first` to `last` (both included)."""
    return (Q(**{f"{start}__isnull": True}) | Q(**{f"{start}__lte": last})) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": first}))


# --- channels ----------------------------------------------------------------------------------

class ChannelQuerySet(models.QuerySet["Channel"]):
    def visible_to(self, user) -> ChannelQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))

    def active_on(self, day: dt.date) -> ChannelQuerySet:
        return self.filter(_active_on(day, start="active_since", end="active_until"))

    def active_between(self, first: dt.date, last: dt.date) -> ChannelQuerySet:
        return self.filter(_active_between(first, last, start="active_since", end="active_until"))


class ChannelKind(models.TextChoices):
    WEBSITE = "website", _("Website")
    INSTAGRAM = "instagram", _("Instagram")
    FACEBOOK = "facebook", _("Facebook")
    X = "x", _("X (Twitter)")
    TIKTOK = "tiktok", _("TikTok")
    YOUTUBE = "youtube", _("YouTube")
    THREADS = "threads", _("Threads")
    PODCAST = "podcast", _("Podcast")
    MEDIA_CENTER = "media_center", _("Media Center")
    WA_BAKOHUMAS = "wa_bakohumas_eksternal", _("Grup WA Bakohumas eksternal")
    WA_MEDIA_CENTER = "wa_media_center", _("Grup WA Media Center (jurnalis)")
    OTHER = "lainnya", _("Lainnya")


class Channel(models.Model):
    """One communication channel of an office: a website, a social media account, a podcast, the
    Media Center, or a WhatsApp group, with who manages it and from when to when it was active."""

    Kind = ChannelKind

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="channels",
                               verbose_name=_("satuan kerja"))
    kind = models.CharField(_("jenis kanal"), max_length=32, choices=Kind.choices)
    handle = models.CharField(_("nama akun/kanal"), max_length=160,
                              help_text=_("Misalnya @kpukotakediri, nama grup, atau nama ruang Media Center."))
    url = models.URLField(_("tautan"), max_length=500, blank=True)
    active_since = models.DateField(_("aktif sejak"), null=True, blank=True,
                                    help_text=_("Kosongkan jika sudah aktif sejak sebelum dicatat."))
    active_until = models.DateField(_("aktif sampai"), null=True, blank=True,
                                    help_text=_("Kosongkan jika masih aktif."))
    managed_by = models.CharField(_("pengelola"), max_length=160, blank=True,
                                  help_text=_("Nama atau jabatan/unit yang mengelola kanal ini."))
    notes = models.TextField(_("catatan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ChannelQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "handle"]
        verbose_name = _("kanal komunikasi")
        verbose_name_plural = _("kanal komunikasi")
        constraints = [
            models.UniqueConstraint(Lower("handle"), "kind", "office", name="channel_unique_handle_per_office",
                                    violation_error_message=_("Kanal dengan jenis dan nama ini sudah tercatat.")),
            models.CheckConstraint(condition=Q(kind__in=ChannelKind.values), name="channel_kind_valid"),
            models.CheckConstraint(
                condition=Q(active_since__isnull=True) | Q(active_until__isnull=True)
                | Q(active_until__gte=F("active_since")),
                name="channel_until_after_since",
                violation_error_message=_("Tanggal 'aktif sampai' tidak boleh sebelum 'aktif sejak'.")),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.handle}"

    def is_active_on(self, day: dt.date) -> bool:
        return (self.active_since is None or self.active_since <= day) and (
            self.active_until is None or self.active_until >= day)


# --- partnerships ------------------------------------------------------------------------------

class PartnershipQuerySet(models.QuerySet["Partnership"]):
    def visible_to(self, user) -> PartnershipQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))

    def active_between(self, first: dt.date, last: dt.date) -> PartnershipQuerySet:
        """Signed on or before `last` and valid until `first` or later (or open-ended)."""
        return self.filter(signed_on__lte=last).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=first))

    def expiring_between(self, first: dt.date, last: dt.date) -> PartnershipQuerySet:
        return self.filter(valid_until__range=(first, last), signed_on__lte=last)


class PartnerType(models.TextChoices):
    MEDIA = "media", _("Media")
    EDUCATION = "pendidikan", _("Lembaga pendidikan")
    GOVERNMENT = "pemerintah", _("Lembaga pemerintah")
    NON_GOVERNMENT = "non_pemerintah", _("Lembaga non-pemerintah")


class PartnershipForm(models.TextChoices):
    MOU = "mou", _("MoU (nota kesepahaman)")
    PKS = "pks", _("PKS (perjanjian kerja sama)")
    INFORMAL = "informal", _("Informal (tanpa naskah)")


class Partnership(models.Model):
    """A kerja sama: an MoU, a PKS, or an informal arrangement with one partner."""

    PartnerType = PartnerType

    Form = PartnershipForm

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="partnerships",
                               verbose_name=_("satuan kerja"))
    partner_name = models.CharField(_("nama mitra"), max_length=200)
    partner_type = models.CharField(_("jenis mitra"), max_length=20, choices=PartnerType.choices)
    form = models.CharField(_("bentuk kerja sama"), max_length=12, choices=Form.choices)
    number = models.CharField(_("nomor naskah"), max_length=120, blank=True)
    scope = models.TextField(_("ruang lingkup"), blank=True)
    signed_on = models.DateField(_("tanggal ditandatangani/mulai"))
    valid_until = models.DateField(_("berlaku sampai"), null=True, blank=True,
                                   help_text=_("Kosongkan jika tanpa batas waktu."))
    document = models.FileField(_("naskah yang ditandatangani"), upload_to="kerja-sama/%Y/", blank=True,
                                max_length=300)
    notes = models.TextField(_("catatan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_on", "partner_name"]
        verbose_name = _("kerja sama")
        verbose_name_plural = _("kerja sama")
        constraints = [
            models.UniqueConstraint(Lower("partner_name"), "signed_on", "office",
                                    name="partnership_unique_partner_date_per_office",
                                    violation_error_message=_("Kerja sama dengan mitra ini pada tanggal yang "
                                                              "sama sudah tercatat.")),
            models.CheckConstraint(condition=Q(partner_type__in=PartnerType.values),
                                   name="partnership_partner_type_valid"),
            models.CheckConstraint(condition=Q(form__in=PartnershipForm.values), name="partnership_form_valid"),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("signed_on")),
                name="partnership_valid_after_signed",
                violation_error_message=_("Tanggal 'berlaku sampai' tidak boleh sebelum tanggal ditandatangani.")),
        ]

    def __str__(self) -> str:
        return f"{self.partner_name} ({self.get_form_display()})"

    def is_active_on(self, day: dt.date) -> bool:
        return self.signed_on <= day and (self.valid_until is None or self.valid_until >= day)

    def days_left(self, today: dt.date) -> int | None:
        return None if self.valid_until is None else (self.valid_until - today).days

    def expires_soon(self, today: dt.date) -> bool:
        left = self.days_left(today)
        return left is not None and 0 <= left <= EXPIRING_SOON_DAYS and self.signed_on <= today


# --- activities --------------------------------------------------------------------------------

class ActivityQuerySet(models.QuerySet["Activity"]):
    def visible_to(self, user) -> ActivityQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))


class ActivityKind(models.TextChoices):
    OUTREACH = "sosialisasi", _("Sosialisasi")
    COORDINATION = "rapat_koordinasi", _("Rapat koordinasi")
    LIVE_STREAM = "siaran_langsung", _("Siaran langsung (live streaming)")
    PODCAST_EPISODE = "episode_podcast", _("Episode podcast")
    PRESS_CONFERENCE = "konferensi_pers", _("Konferensi pers")
    MEDIA_VISIT = "kunjungan_media", _("Kunjungan media")
    VOTER_EDUCATION = "pendidikan_pemilih", _("Pendidikan pemilih")
    TALK_SHOW = "talkshow", _("Dialog/talkshow")
    OTHER = "lainnya", _("Lainnya")


class Activity(models.Model):
    """One PR activity (kegiatan) on one day: what, with whom, with or without budget, how many
    people it reached and where it was published. Media files attach to it elsewhere (issue 5)."""

    Kind = ActivityKind

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="activities",
                               verbose_name=_("satuan kerja"))
    held_on = models.DateField(_("tanggal kegiatan"))
    kind = models.CharField(_("jenis kegiatan"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("nama kegiatan"), max_length=200)
    partnership = models.ForeignKey(Partnership, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="activities", verbose_name=_("dalam rangka kerja sama"))
    partners = models.CharField(_("mitra yang terlibat"), max_length=300, blank=True)
    non_budget = models.BooleanField(_("tanpa anggaran (non-budgeting)"), default=False)
    audience_size = models.PositiveIntegerField(_("jumlah peserta/penonton"), null=True, blank=True)
    publication_urls = models.JSONField(_("tautan publikasi"), default=list, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "title"]
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")
        indexes = [models.Index(fields=["office", "held_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ActivityKind.values), name="activity_kind_valid"),
            # The same activity entered twice (a double click, two people): same day, kind and name.
            models.UniqueConstraint(Lower("title"), "kind", "held_on", "office", name="activity_unique_per_day",
                                    violation_error_message=_("Kegiatan dengan tanggal, jenis, dan nama ini sudah "
                                                              "tercatat.")),
            models.CheckConstraint(condition=Q(held_on__gte=EARLIEST_ACTIVITY), name="activity_held_since_2000",
                                   violation_error_message=_("Tanggal kegiatan tidak boleh sebelum 1 Januari 2000.")),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.partnership_id and self.partnership and self.partnership.office_id != self.office_id:
            raise ValidationError({"partnership": _("Kerja sama itu milik kantor lain.")})
        if not isinstance(self.publication_urls, list) or not all(isinstance(u, str) for u in self.publication_urls):
            raise ValidationError({"publication_urls": _("Tautan publikasi harus berupa daftar alamat.")})
