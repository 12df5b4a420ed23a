"""The Rakor Bakohumas itself: a coordination meeting a province (or KPU RI, for the nation) holds
with its offices. The meeting has an agenda (speakers, materials, the minutes of each item and the
directions given), the offices invited to it, and who attended from each office."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bakohumas.offices.models import Office
from bakohumas.reports.models import Period


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def visible_to(self, user) -> MeetingQuerySet:
        """The organiser's users and those above it, and the users of every invited office."""
        office_id = getattr(user, "office_id", None) if getattr(user, "is_authenticated", False) else None
        if office_id is None:
            return self.all() if getattr(user, "is_superuser", False) else self.none()
        return self.filter(Q(organiser__in=Office.objects.visible_to(user)) | Q(invitees__office_id=office_id)
                           ).distinct()


class Meeting(models.Model):
    class Mode(models.TextChoices):
        ONLINE = "online", _("Daring")
        IN_PERSON = "in_person", _("Luring (tatap muka)")
        HYBRID = "hybrid", _("Hibrida (daring dan luring)")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Terjadwal")
        CANCELLED = "cancelled", _("Dibatalkan")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organiser = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="meetings_organised",
                                  verbose_name=_("penyelenggara"))
    title = models.CharField(_("nama rapat"), max_length=200)
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    mode = models.CharField(_("bentuk rapat"), max_length=16, choices=Mode.choices, default=Mode.ONLINE)
    link = models.URLField(_("tautan rapat daring"), max_length=500, blank=True)
    place = models.CharField(_("tempat"), max_length=300, blank=True)
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="meetings",
                               verbose_name=_("triwulan yang dievaluasi"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED)
    # iCalendar SEQUENCE: raised on every change sent to the invitees (RFC 5545 3.8.7.4).
    sequence = models.PositiveIntegerField(default=0)
    invited_at = models.DateTimeField(_("undangan terakhir dikirim"), null=True, blank=True)
    invited_sequence = models.PositiveIntegerField(null=True, blank=True)
    chair_name = models.CharField(_("pimpinan rapat"), max_length=150, blank=True)
    minutes_approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                            on_delete=models.SET_NULL, related_name="+",
                                            verbose_name=_("notulen disetujui oleh"))
    minutes_approved_at = models.DateTimeField(_("notulen disetujui pada"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("rakor")
        verbose_name_plural = _("rakor")
        indexes = [models.Index(fields=["organiser", "period"], name="meeting_organiser_period")]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start",
                                   violation_error_message=_("Waktu selesai harus setelah waktu mulai.")),
            models.CheckConstraint(condition=Q(mode__in=["online", "in_person", "hybrid"]), name="meeting_mode_valid"),
            models.CheckConstraint(condition=Q(status__in=["scheduled", "cancelled"]), name="meeting_status_valid"),
            models.CheckConstraint(condition=Q(mode="in_person") | ~Q(link=""), name="meeting_online_has_link",
                                   violation_error_message=_("Rapat daring atau hibrida memerlukan tautan rapat.")),
            models.CheckConstraint(condition=Q(mode="online") | ~Q(place=""), name="meeting_in_person_has_place",
                                   violation_error_message=_("Rapat luring atau hibrida memerlukan tempat.")),
            models.CheckConstraint(condition=Q(minutes_approved_at__isnull=True) | Q(status="scheduled"),
                                   name="meeting_cancelled_has_no_minutes"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def minutes_approved(self) -> bool:
        return self.minutes_approved_at is not None

    @property
    def has_unsent_changes(self) -> bool:
        return self.invited_sequence is not None and self.invited_sequence != self.sequence


class Invitee(models.Model):
    """One office invited to a meeting; whether it attended (marked by the organiser, or recorded by
    the office with the names of who attended), and the news item it wrote about it."""

    class Presence(models.TextChoices):
        UNKNOWN = "", _("Belum dicatat")
        PRESENT = "present", _("Hadir")
        ABSENT = "absent", _("Tidak hadir")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitees")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="meeting_invitations",
                               verbose_name=_("satuan kerja"))
    presence = models.CharField(_("kehadiran"), max_length=8, choices=Presence.choices, blank=True, default="")
    news = models.ForeignKey("publications.Output", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+", verbose_name=_("berita"))

    class Meta:
        ordering = ["office__code"]
        verbose_name = _("kantor yang diundang")
        verbose_name_plural = _("kantor yang diundang")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "office"], name="one_invitation_per_office_per_meeting"),
            models.CheckConstraint(condition=Q(presence__in=["", "present", "absent"]), name="invitee_presence_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id} {self.office}"


class Attendee(models.Model):
    class Role(models.TextChoices):
        KETUA = "ketua", _("Ketua")
        ANGGOTA = "anggota", _("Anggota")
        SEKRETARIS = "sekretaris", _("Sekretaris (Ketua Bakohumas)")
        KASUBBAG = "kasubbag", _("Kepala Subbagian")
        STAF = "staf", _("Staf")
        LAINNYA = "lainnya", _("Lainnya")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    invitee = models.ForeignKey(Invitee, on_delete=models.CASCADE, related_name="attendees")
    name = models.CharField(_("nama"), max_length=150)
    position = models.CharField(_("jabatan"), max_length=150)
    role = models.CharField(_("peran"), max_length=16, choices=Role.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("peserta")
        verbose_name_plural = _("peserta")
        constraints = [
            models.CheckConstraint(condition=Q(role__in=["ketua", "anggota", "sekretaris", "kasubbag", "staf",
                                                         "lainnya"]), name="attendee_role_valid"),
            models.CheckConstraint(condition=~Q(name=""), name="attendee_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class AgendaItem(models.Model):
    class Evaluation(models.TextChoices):
        NONE = "", _("Tidak ada")
        PDF = "pdf", _("Laporan evaluasi triwulan (PDF)")
        PPTX = "pptx", _("Bahan paparan evaluasi (PPTX)")
        XLSX = "xlsx", _("Data dan evaluasi (XLSX)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(_("urutan"))
    title = models.CharField(_("acara"), max_length=200)
    speaker_name = models.CharField(_("nama pembicara"), max_length=150, blank=True)
    speaker_position = models.CharField(_("jabatan pembicara"), max_length=150, blank=True)
    speaker_office = models.CharField(_("instansi pembicara"), max_length=150, blank=True)
    material = models.FileField(_("bahan (berkas)"), upload_to="meetings/%Y/", blank=True)
    material_name = models.CharField(max_length=200, blank=True)
    evaluation_document = models.CharField(_("bahan dari sistem"), max_length=8, choices=Evaluation.choices,
                                           blank=True, default="",
                                           help_text=_("Dibuat dari data terkini saat diunduh, tidak disimpan."))
    minutes = models.TextField(_("notulen"), blank=True)

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("acara rapat")
        verbose_name_plural = _("acara rapat")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="one_agenda_item_per_position"),
            models.CheckConstraint(condition=Q(evaluation_document__in=["", "pdf", "pptx", "xlsx"]),
                                   name="agenda_evaluation_document_valid"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def speaker(self) -> str:
        return ", ".join(p for p in (self.speaker_name, self.speaker_position, self.speaker_office) if p)


class Direction(models.Model):
    """One direction (arahan) given in an agenda item; it may become follow-up actions of offices."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="directions")
    text = models.TextField(_("arahan"))
    actions = models.ManyToManyField("followup.Action", blank=True, related_name="meeting_directions")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("arahan")
        verbose_name_plural = _("arahan")
        constraints = [models.CheckConstraint(condition=~Q(text=""), name="direction_text_not_empty")]

    def __str__(self) -> str:
        return self.text[:60]
