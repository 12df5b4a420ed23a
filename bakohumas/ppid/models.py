"""PPID: public information requests, decisions, objections, disputes and information lists.

Personal data is kept to what the service needs (UU 27/2022): the NIK is stored only when the
requester gives it, and only the office's PPID staff see it."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bakohumas.offices.models import Office


class RuleSet(models.Model):
    """One version of a deadline rule set (`uu_kip`, `pemilu`). Data, editable by KPU RI in the
    admin; a request keeps the version it was computed with."""

    code = models.SlugField(_("kode"), max_length=32)
    version = models.PositiveIntegerField(_("versi"))
    name = models.CharField(_("nama"), max_length=200)
    legal_basis = models.CharField(_("dasar hukum"), max_length=300, blank=True)
    notice_days = models.PositiveSmallIntegerField(_("pemberitahuan tertulis (hari kerja)"))
    extension_days = models.PositiveSmallIntegerField(_("perpanjangan (hari kerja)"))
    objection_filing_days = models.PositiveSmallIntegerField(
        _("pengajuan keberatan (hari kerja)"), null=True, blank=True,
        help_text=_("Kosong: mengikuti ketentuan UU KIP (30 hari kerja)."))
    objection_answer_days = models.PositiveSmallIntegerField(_("tanggapan keberatan (hari kerja)"))
    completion_days = models.PositiveSmallIntegerField(_("kelengkapan permohonan (hari kerja)"), default=3)
    is_active = models.BooleanField(_("aktif"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("aturan tenggat PPID")
        verbose_name_plural = _("aturan tenggat PPID")
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="ppid_ruleset_version_unique"),
            models.UniqueConstraint(fields=["code"], condition=Q(is_active=True), name="ppid_one_active_ruleset"),
            models.CheckConstraint(condition=Q(notice_days__gte=1) & Q(extension_days__gte=1)
                                   & Q(objection_answer_days__gte=1) & Q(completion_days__gte=1),
                                   name="ppid_ruleset_days_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"

    @property
    def filing_days(self) -> int:
        return self.objection_filing_days or 30


class NonWorkingDay(models.Model):
    """An extra non-working day (regional holiday, voting day declared a holiday). Without an
    office it applies everywhere; with one, to that office (and a province's to its kab/kota)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    date = models.DateField(_("tanggal"))
    office = models.ForeignKey(Office, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("berlaku untuk satker"))
    reason = models.CharField(_("keterangan"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("hari tidak bekerja tambahan")
        verbose_name_plural = _("hari tidak bekerja tambahan")
        constraints = [
            models.UniqueConstraint(fields=["date"], condition=Q(office__isnull=True), name="ppid_nwd_national_unique"),
            models.UniqueConstraint(fields=["date", "office"], name="ppid_nwd_office_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.reason}"


class InformationRequestQuerySet(models.QuerySet["InformationRequest"]):
    def visible_to(self, user) -> InformationRequestQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))

    def open(self) -> InformationRequestQuerySet:
        return self.filter(status__in=InformationRequest.OPEN_STATUSES)


def new_tracking_token() -> str:
    return secrets.token_urlsafe(24)


class InformationRequest(models.Model):
    class Channel(models.TextChoices):
        WEB = "web", _("Formulir web")
        IN_PERSON = "langsung", _("Datang langsung")
        LETTER = "surat", _("Surat")
        EMAIL = "email", _("E-mail")
        WHATSAPP = "whatsapp", _("WhatsApp")

    class RequesterKind(models.TextChoices):
        PERSON = "perorangan", _("Perorangan")
        LEGAL_ENTITY = "badan_hukum", _("Badan hukum")
        GROUP = "kelompok", _("Kelompok orang")

    class ObtainMethod(models.TextChoices):
        VIEW = "melihat", _("Melihat/membaca/mendengarkan/mencatat")
        SOFTCOPY = "softcopy", _("Mendapatkan salinan softcopy")
        HARDCOPY = "hardcopy", _("Mendapatkan salinan hardcopy")

    class Delivery(models.TextChoices):
        PICKUP = "langsung", _("Mengambil langsung")
        POST = "pos", _("Pos/kurir")
        EMAIL = "email", _("E-mail")
        WHATSAPP = "whatsapp", _("WhatsApp")

    class Status(models.TextChoices):
        RECEIVED = "diterima", _("Diterima, sedang diproses")
        INCOMPLETE = "perlu_dilengkapi", _("Perlu dilengkapi")
        EXTENDED = "diperpanjang", _("Diperpanjang")
        ANSWERED = "dijawab", _("Sudah dijawab")
        CLOSED = "ditutup", _("Ditutup")

    OPEN_STATUSES = (Status.RECEIVED, Status.INCOMPLETE, Status.EXTENDED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="information_requests")
    number = models.PositiveIntegerField()
    registration_number = models.CharField(_("nomor pendaftaran"), max_length=40)
    tracking_token = models.CharField(max_length=64, unique=True, default=new_tracking_token, editable=False)
    channel = models.CharField(_("saluran"), max_length=16, choices=Channel.choices)

    requester_kind = models.CharField(_("jenis pemohon"), max_length=16, choices=RequesterKind.choices,
                                      default=RequesterKind.PERSON)
    requester_name = models.CharField(_("nama pemohon"), max_length=150)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    legal_entity_decree = models.CharField(_("nomor SK badan hukum"), max_length=150, blank=True)
    address = models.CharField(_("alamat"), max_length=300)
    phone = models.CharField(_("nomor telepon/WhatsApp"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    information_sought = models.TextField(_("rincian informasi yang dibutuhkan"))
    purpose = models.TextField(_("tujuan penggunaan informasi"))
    obtain_method = models.CharField(_("cara memperoleh informasi"), max_length=16, choices=ObtainMethod.choices)
    delivery = models.CharField(_("cara mendapatkan salinan"), max_length=16, choices=Delivery.choices)
    power_of_attorney = models.FileField(_("surat kuasa"), upload_to="ppid/kuasa/%Y/", blank=True, max_length=300)
    is_election_information = models.BooleanField(_("informasi kepemiluan pada tahapan pemilu"), default=False)

    received_on = models.DateField(_("tanggal diterima"))
    deadline_start = models.DateField(_("awal penghitungan tenggat"))
    rule_set = models.ForeignKey(RuleSet, on_delete=models.PROTECT, related_name="+")
    rule_code = models.SlugField(max_length=32)
    rule_version = models.PositiveIntegerField()
    notice_due = models.DateField(_("batas pemberitahuan tertulis"))
    extended_due = models.DateField(_("batas jika diperpanjang"))
    due_explanation = models.JSONField(default=dict, blank=True)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    completion_requested_on = models.DateField(null=True, blank=True)
    completion_due = models.DateField(null=True, blank=True)
    completion_note = models.TextField(_("yang perlu dilengkapi"), blank=True)
    responded_on = models.DateField(_("tanggal dijawab"), null=True, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    # The one-time token of the public form: the same form posted twice registers one request.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = InformationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-number"]
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        constraints = [
            models.UniqueConstraint(fields=["office", "number"], name="ppid_request_number_unique"),
            models.UniqueConstraint(fields=["office", "registration_number"], name="ppid_request_regno_unique"),
            models.CheckConstraint(condition=Q(channel__in=["web", "langsung", "surat", "email", "whatsapp"]),
                                   name="ppid_request_channel_valid"),
            models.CheckConstraint(
                condition=Q(status__in=["diterima", "perlu_dilengkapi", "diperpanjang", "dijawab", "ditutup"]),
                name="ppid_request_status_valid"),
            models.CheckConstraint(condition=Q(nik="") | Q(Exact(Length("nik"), 16)), name="ppid_request_nik_16"),
            models.CheckConstraint(condition=Q(deadline_start__gte=models.F("received_on")),
                                   name="ppid_request_start_after_receipt"),
            models.CheckConstraint(condition=Q(notice_due__gt=models.F("deadline_start"))
                                   & Q(extended_due__gt=models.F("notice_due")), name="ppid_request_dues_ordered"),
            models.CheckConstraint(condition=Q(responded_on__isnull=True)
                                   | Q(responded_on__gte=models.F("received_on")),
                                   name="ppid_request_responded_after_receipt"),
            models.CheckConstraint(condition=~Q(status="dijawab") | Q(responded_on__isnull=False),
                                   name="ppid_answered_request_has_date"),
        ]
        indexes = [models.Index(fields=["office", "status", "notice_due"], name="ppid_request_office_status")]

    def __str__(self) -> str:
        return self.registration_number

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def effective_due(self) -> dt.date:
        return self.extended_due if self.status == self.Status.EXTENDED or self.has_extension else self.notice_due

    @property
    def has_extension(self) -> bool:
        try:
            return self.extension is not None
        except Extension.DoesNotExist:
            return False

    @property
    def is_overdue(self) -> bool:
        return self.status in (self.Status.RECEIVED, self.Status.EXTENDED) and timezone.localdate() > self.effective_due

    @property
    def answered_on_time(self) -> bool | None:
        if self.responded_on is None:
            return None
        return self.responded_on <= self.effective_due


class Decision(models.Model):
    """The written notice (pemberitahuan tertulis) answering a request."""

    class Availability(models.TextChoices):
        HELD = "dikuasai", _("Informasi dikuasai")
        NOT_HELD = "tidak_dikuasai", _("Informasi tidak dikuasai")
        ELSEWHERE = "badan_lain", _("Informasi dikuasai badan publik lain")

    class Outcome(models.TextChoices):
        ACCEPTED = "diterima", _("Diterima seluruhnya")
        PARTLY = "sebagian", _("Diterima sebagian")
        REFUSED = "ditolak", _("Ditolak")
        NONE = "tidak_berlaku", _("Tidak berlaku (informasi tidak dikuasai)")

    class Ground(models.TextChoices):
        """UU 14/2008 Art 17 (and Art 18 is not a ground for refusal)."""
        LAW_ENFORCEMENT = "17a", _("Pasal 17 huruf a: menghambat proses penegakan hukum")
        IP_COMPETITION = "17b", _("Pasal 17 huruf b: hak kekayaan intelektual dan persaingan usaha")
        DEFENCE = "17c", _("Pasal 17 huruf c: pertahanan dan keamanan negara")
        NATURAL_WEALTH = "17d", _("Pasal 17 huruf d: kekayaan alam Indonesia")
        ECONOMY = "17e", _("Pasal 17 huruf e: ketahanan ekonomi nasional")
        FOREIGN_RELATIONS = "17f", _("Pasal 17 huruf f: kepentingan hubungan luar negeri")
        PRIVATE_WILL = "17g", _("Pasal 17 huruf g: isi akta otentik/wasiat pribadi")
        PRIVACY = "17h", _("Pasal 17 huruf h: rahasia pribadi")
        INTERNAL_MEMO = "17i", _("Pasal 17 huruf i: memorandum/surat antar badan publik yang dirahasiakan")
        BY_LAW = "17j", _("Pasal 17 huruf j: tidak boleh diungkapkan berdasarkan undang-undang")

    class Format(models.TextChoices):
        SOFTCOPY = "softcopy", _("Softcopy")
        HARDCOPY = "hardcopy", _("Hardcopy/salinan tercetak")
        VIEW = "melihat", _("Melihat/mencatat di tempat")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.OneToOneField(InformationRequest, on_delete=models.CASCADE, related_name="decision")
    decided_on = models.DateField(_("tanggal pemberitahuan"))
    letter_number = models.CharField(_("nomor surat"), max_length=100, blank=True)
    attachment = models.CharField(_("lampiran"), max_length=100, blank=True, default="-")
    availability = models.CharField(_("penguasaan informasi"), max_length=16, choices=Availability.choices)
    outcome = models.CharField(_("keputusan"), max_length=16, choices=Outcome.choices)
    other_body = models.CharField(_("badan publik yang menguasai"), max_length=200, blank=True)
    exemption_ground = models.CharField(_("dasar pengecualian"), max_length=4, choices=Ground.choices, blank=True)
    consequence_test = models.TextField(_("uji konsekuensi"), blank=True)
    redactions = models.TextField(_("bagian yang dihitamkan dan alasannya"), blank=True)
    format = models.CharField(_("bentuk informasi"), max_length=16, choices=Format.choices, blank=True)
    fee = models.DecimalField(_("biaya (Rp)"), max_digits=12, decimal_places=0, default=0)
    fee_note = models.CharField(_("rincian biaya"), max_length=200, blank=True)
    delivery_time = models.CharField(_("waktu penyediaan"), max_length=200, blank=True)
    notes = models.TextField(_("penjelasan"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pemberitahuan tertulis")
        verbose_name_plural = _("pemberitahuan tertulis")
        constraints = [
            models.CheckConstraint(condition=Q(fee__gte=0), name="ppid_decision_fee_not_negative"),
            models.CheckConstraint(
                condition=~Q(outcome__in=["sebagian", "ditolak"]) | (~Q(exemption_ground="") & ~Q(consequence_test="")),
                name="ppid_refusal_has_ground_and_test"),
            models.CheckConstraint(condition=~Q(outcome="sebagian") | ~Q(redactions=""),
                                   name="ppid_partial_has_redactions"),
            models.CheckConstraint(condition=~Q(availability="badan_lain") | ~Q(other_body=""),
                                   name="ppid_elsewhere_names_body"),
            models.CheckConstraint(condition=Q(availability="dikuasai") | Q(outcome="tidak_berlaku"),
                                   name="ppid_not_held_has_no_outcome"),
            models.CheckConstraint(condition=~Q(availability="dikuasai") | ~Q(outcome="tidak_berlaku"),
                                   name="ppid_held_has_outcome"),
        ]

    def __str__(self) -> str:
        return f"{self.request} — {self.get_outcome_display()}"


class Extension(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.OneToOneField(InformationRequest, on_delete=models.CASCADE, related_name="extension")
    notified_on = models.DateField(_("tanggal pemberitahuan perpanjangan"))
    reasons = models.TextField(_("alasan perpanjangan"))
    letter_number = models.CharField(_("nomor surat"), max_length=100, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("perpanjangan")
        constraints = [models.CheckConstraint(condition=~Q(reasons=""), name="ppid_extension_has_reasons")]

    def __str__(self) -> str:
        return f"Perpanjangan {self.request_id} ({self.notified_on})"



class Objection(models.Model):
    """Keberatan to the atasan PPID on a ground of UU 14/2008 Art 35(1)."""

    class Ground(models.TextChoices):
        REFUSED = "35a", _("a. penolakan atas permintaan informasi (Pasal 17)")
        NOT_PUBLISHED = "35b", _("b. tidak disediakannya informasi berkala (Pasal 9)")
        NOT_ANSWERED = "35c", _("c. tidak ditanggapinya permintaan informasi")
        NOT_AS_REQUESTED = "35d", _("d. permintaan ditanggapi tidak sebagaimana yang diminta")
        NOT_FULFILLED = "35e", _("e. tidak dipenuhinya permintaan informasi")
        FEE = "35f", _("f. pengenaan biaya yang tidak wajar")
        LATE = "35g", _("g. penyampaian informasi melebihi waktu yang diatur")

    class Answer(models.TextChoices):
        UPHELD = "diterima", _("Keberatan diterima (informasi diberikan)")
        PARTLY = "sebagian", _("Keberatan diterima sebagian")
        REJECTED = "ditolak", _("Keberatan ditolak (menguatkan PPID)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="objections")
    filed_on = models.DateField(_("tanggal keberatan"))
    ground = models.CharField(_("alasan keberatan"), max_length=4, choices=Ground.choices)
    statement = models.TextField(_("uraian keberatan"), blank=True)
    filing_deadline = models.DateField(_("batas pengajuan keberatan"))
    answer_due = models.DateField(_("batas tanggapan atasan PPID"))
    due_explanation = models.JSONField(default=dict, blank=True)
    answered_on = models.DateField(_("tanggal tanggapan"), null=True, blank=True)
    answer = models.CharField(_("tanggapan"), max_length=16, choices=Answer.choices, blank=True)
    answer_text = models.TextField(_("isi tanggapan atasan PPID"), blank=True)
    answered_by_name = models.CharField(_("atasan PPID"), max_length=150, blank=True)
    letter_number = models.CharField(_("nomor surat tanggapan"), max_length=100, blank=True)
    delivery_time = models.CharField(_("waktu penyediaan informasi"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-filed_on"]
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        constraints = [
            models.CheckConstraint(condition=Q(ground__in=["35a", "35b", "35c", "35d", "35e", "35f", "35g"]),
                                   name="ppid_objection_ground_valid"),
            models.CheckConstraint(condition=Q(answered_on__isnull=True) | Q(answered_on__gte=models.F("filed_on")),
                                   name="ppid_objection_answer_after_filing"),
            models.CheckConstraint(condition=Q(answered_on__isnull=True, answer="")
                                   | (Q(answered_on__isnull=False) & ~Q(answer="")),
                                   name="ppid_objection_answer_complete"),
            models.CheckConstraint(condition=Q(answer_due__gt=models.F("filed_on")), name="ppid_objection_due_after"),
        ]

    def __str__(self) -> str:
        return f"{self.request} — {self.get_ground_display()}"

    @property
    def is_open(self) -> bool:
        return self.answered_on is None

    @property
    def is_overdue(self) -> bool:
        return self.is_open and timezone.localdate() > self.answer_due


class Dispute(models.Model):
    """Sengketa informasi at the Komisi Informasi, tracked to its end."""

    class Stage(models.TextChoices):
        REGISTERED = "registrasi", _("Registrasi")
        MEDIATION = "mediasi", _("Mediasi")
        ADJUDICATION = "ajudikasi", _("Ajudikasi")
        DECIDED = "putusan", _("Putusan")
        SETTLED = "mediasi_berhasil", _("Selesai melalui mediasi")
        WITHDRAWN = "dicabut", _("Dicabut")
        COURT = "keberatan_pengadilan", _("Keberatan ke pengadilan")

    CLOSED_STAGES = (Stage.DECIDED, Stage.SETTLED, Stage.WITHDRAWN)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="disputes")
    commission = models.CharField(_("Komisi Informasi"), max_length=150)
    case_number = models.CharField(_("nomor register"), max_length=100, blank=True)
    registered_on = models.DateField(_("tanggal registrasi"))
    stage = models.CharField(_("tahap"), max_length=24, choices=Stage.choices, default=Stage.REGISTERED)
    ended_on = models.DateField(_("tanggal selesai"), null=True, blank=True)
    outcome = models.TextField(_("hasil/putusan"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    # No lost updates: an update made on an older revision is refused (docs/concurrency.md).
    revision = models.PositiveIntegerField(default=1, editable=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)

    class Meta:
        ordering = ["-registered_on"]
        verbose_name = _("sengketa informasi")
        verbose_name_plural = _("sengketa informasi")
        constraints = [
            models.CheckConstraint(condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("registered_on")),
                                   name="ppid_dispute_ends_after_start"),
            models.CheckConstraint(
                condition=~Q(stage__in=["putusan", "mediasi_berhasil", "dicabut"]) | Q(ended_on__isnull=False),
                name="ppid_closed_dispute_has_end"),
        ]

    def __str__(self) -> str:
        return f"Sengketa {self.case_number or self.pk} di {self.commission}"



class DipEntry(models.Model):
    """An entry of the office's Daftar Informasi Publik (Perki 1/2021 fields)."""

    class Category(models.TextChoices):
        PERIODIC = "berkala", _("Informasi berkala")
        IMMEDIATE = "serta_merta", _("Informasi serta merta")
        ANY_TIME = "setiap_saat", _("Informasi setiap saat")

    class Form(models.TextChoices):
        PRINTED = "tercetak", _("Tercetak")
        RECORDED = "terekam", _("Terekam/digital")
        BOTH = "keduanya", _("Tercetak dan terekam")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="dip_entries")
    category = models.CharField(_("kategori"), max_length=16, choices=Category.choices)
    title = models.CharField(_("ringkasan isi informasi"), max_length=300)
    holder_unit = models.CharField(_("pejabat/unit yang menguasai informasi"), max_length=200)
    responsible = models.CharField(_("penanggung jawab pembuatan/penerbitan"), max_length=200)
    made_when_where = models.CharField(_("waktu dan tempat pembuatan"), max_length=200)
    form = models.CharField(_("bentuk informasi"), max_length=16, choices=Form.choices)
    retention = models.CharField(_("jangka waktu penyimpanan"), max_length=100)
    link = models.URLField(_("tautan"), blank=True, max_length=500)
    is_published = models.BooleanField(_("tampil di halaman publik"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["category", "title"]
        verbose_name = _("entri DIP")
        verbose_name_plural = _("Daftar Informasi Publik")
        constraints = [
            models.CheckConstraint(condition=Q(category__in=["berkala", "serta_merta", "setiap_saat"]),
                                   name="ppid_dip_category_valid"),
            models.UniqueConstraint(fields=["office", "category", "title"], name="ppid_dip_unique_title"),
        ]

    def __str__(self) -> str:
        return self.title


class ExemptEntryQuerySet(models.QuerySet["ExemptEntry"]):
    def in_force(self, today: dt.date | None = None) -> ExemptEntryQuerySet:
        today = today or timezone.localdate()
        return self.filter(reopened_on__isnull=True).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=today))


class ExemptEntry(models.Model):
    """An entry of the Daftar Informasi yang Dikecualikan (DIK) set by KPU RI, with its duration.
    When it expires the information is public again (`reopened_on`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("informasi yang dikecualikan"), max_length=300)
    ground = models.CharField(_("dasar pengecualian"), max_length=4, choices=Decision.Ground.choices)
    consequence_test = models.TextField(_("uji konsekuensi"))
    decree = models.CharField(_("nomor keputusan"), max_length=150, blank=True)
    decided_on = models.DateField(_("tanggal penetapan"))
    expires_on = models.DateField(_("berlaku sampai"), null=True, blank=True,
                                  help_text=_("Kosong: tanpa batas waktu (Pasal 20 UU 14/2008)."))
    reopened_on = models.DateField(_("dibuka kembali pada"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ExemptEntryQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("entri DIK")
        verbose_name_plural = _("Daftar Informasi yang Dikecualikan")
        constraints = [
            models.CheckConstraint(condition=Q(expires_on__isnull=True) | Q(expires_on__gt=models.F("decided_on")),
                                   name="ppid_exempt_expires_after_decision"),
            models.CheckConstraint(condition=~Q(consequence_test=""), name="ppid_exempt_has_consequence_test"),
        ]

    def __str__(self) -> str:
        return self.title

    def in_force_on(self, day: dt.date) -> bool:
        return self.reopened_on is None and (self.expires_on is None or self.expires_on > day)


class DeadlineRecomputation(models.Model):
    """A log row: a request's due dates moved because a non-working day was added."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="recomputations")
    non_working_day = models.ForeignKey(NonWorkingDay, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="recomputations")
    reason = models.CharField(max_length=200)
    old_notice_due = models.DateField()
    new_notice_due = models.DateField()
    old_extended_due = models.DateField()
    new_extended_due = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.old_notice_due} -> {self.new_notice_due}"



class ReminderLog(models.Model):
    """One reminder to an office's PPID staff about overdue and due-soon requests; at most one a day."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="ppid_reminders")
    sent_on = models.DateField()
    recipients = models.TextField()
    overdue = models.PositiveIntegerField()
    due_soon = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-sent_on"]
        constraints = [models.UniqueConstraint(fields=["office", "sent_on"], name="one_ppid_reminder_per_office_per_day")]

    def __str__(self) -> str:
        return f"{self.office} {self.sent_on}"
