"""Perpustakaan Pemilu: catalogue records with copies and files, and ISBN applications.

Repeatable bibliographic values (authors, subjects, ISBNs, ISSNs) are JSON arrays validated in
`clean()`: they are always read and written with their record, MARC and CSV carry them as lists,
and no query needs to join on them (search uses the denormalised `search_text`)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bakohumas.library.isbn import normalize_isbn, normalize_issn
from bakohumas.offices.models import Office

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise  # choice labels are lazy translations

MAX_FILE_BYTES = 20 * 1024 * 1024
EDITOR_ROLES = ("operator", "ketua")


def can_edit_library_of(user, office: Office) -> bool:
    """Only the operator and the ketua of the owning office change its catalogue and applications."""
    return (getattr(user, "is_authenticated", False) and user.office_id == office.pk
            and user.role in EDITOR_ROLES)


def can_review_isbn(user) -> bool:
    """KPU RI's humas reviews ISBN applications and passes them on to Perpusnas."""
    office = getattr(user, "office", None) if getattr(user, "is_authenticated", False) else None
    return office is not None and office.is_national and user.role == "humas_ri"


class DocumentType(models.TextChoices):
    BOOK = "buku", _("Buku")
    REPORT = "laporan", _("Laporan")
    REGULATION = "peraturan", _("Peraturan")
    DECREE = "keputusan", _("Keputusan")
    GUIDE = "panduan", _("Panduan/modul")
    SERIAL = "terbitan-berkala", _("Terbitan berkala")
    PROCEEDINGS = "prosiding", _("Prosiding/kajian")
    MAP = "peta", _("Peta")
    OTHER = "lainnya", _("Lainnya")


class Election(models.TextChoices):
    PEMILU_2019 = "pemilu-2019", _("Pemilu 2019")
    PILKADA_2020 = "pilkada-2020", _("Pilkada 2020")
    PEMILU_2024 = "pemilu-2024", _("Pemilu 2024")
    PILKADA_2024 = "pilkada-2024", _("Pilkada 2024")
    PEMILU_2029 = "pemilu-2029", _("Pemilu 2029")
    NONE = "umum", _("Umum (bukan tahapan tertentu)")


class Language(models.TextChoices):
    # MARC/ISO 639-2 bibliographic codes, so 008/35-37 and 041 carry them unchanged.
    INDONESIAN = "ind", _("Bahasa Indonesia")
    ENGLISH = "eng", _("Bahasa Inggris")
    JAVANESE = "jav", _("Bahasa Jawa")
    MADURESE = "mad", _("Bahasa Madura")
    OTHER = "und", _("Lainnya")


class RecordQuerySet(models.QuerySet["CatalogueRecord"]):
    def visible_to(self, user) -> RecordQuerySet:
        """Staff: their office and what it oversees (Rule 1), deleted records excluded."""
        return self.filter(office__in=Office.objects.visible_to(user), deleted_at__isnull=True)

    def public(self) -> RecordQuerySet:
        return self.filter(deleted_at__isnull=True)


class CatalogueRecord(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="catalogue_records",
                               verbose_name=_("satuan kerja"))
    title = models.CharField(_("judul"), max_length=500)
    subtitle = models.CharField(_("anak judul"), max_length=500, blank=True)
    responsibility = models.CharField(_("pernyataan tanggung jawab"), max_length=500, blank=True)
    # [{"name": "...", "kind": "person" | "organisation"}]
    authors = models.JSONField(_("pengarang"), default=list, blank=True)
    publisher = models.CharField(_("penerbit"), max_length=255, blank=True)
    place = models.CharField(_("tempat terbit"), max_length=120, blank=True)
    year = models.PositiveSmallIntegerField(_("tahun terbit"), null=True, blank=True)
    edition = models.CharField(_("edisi"), max_length=120, blank=True)
    collation = models.CharField(_("kolasi"), max_length=255, blank=True,
                                 help_text=_("Misalnya: xii, 240 hlm. : ilus. ; 21 cm"))
    series = models.CharField(_("seri"), max_length=255, blank=True)
    subjects = models.JSONField(_("subjek"), default=list, blank=True)
    language = models.CharField(_("bahasa"), max_length=3, choices=Language.choices, default=Language.INDONESIAN)
    election = models.CharField(_("pemilu/pemilihan"), max_length=32, choices=Election.choices, default=Election.NONE)
    election_stage = models.CharField(_("tahapan"), max_length=160, blank=True)
    document_type = models.CharField(_("jenis dokumen"), max_length=32, choices=DocumentType.choices,
                                     default=DocumentType.BOOK)
    isbns = models.JSONField(_("ISBN"), default=list, blank=True)
    issns = models.JSONField(_("ISSN"), default=list, blank=True)
    call_number = models.CharField(_("nomor panggil"), max_length=64, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    cover = models.FileField(_("sampul"), upload_to="perpustakaan/sampul/%Y/", blank=True)
    files_public = models.BooleanField(_("berkas boleh diunduh publik"), default=False)
    # MARC fields with no column of their own, kept verbatim from an import and written back on
    # export so a MARC round trip loses nothing: [{"tag": "246", "ind": "3 ", "sub": [["a", "…"]]}].
    marc_extra = models.JSONField(default=list, blank=True, editable=False)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    # No lost updates (docs/concurrency.md): bumped by every edit; an edit made on an older one is refused.
    revision = models.PositiveIntegerField(default=1, editable=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", editable=False)
    # The one-time token of the "Tambah katalog" form: the same form posted twice creates one record.
    form_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    objects = RecordQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("katalog")
        verbose_name_plural = _("katalog")
        indexes = [models.Index(fields=["updated_at", "id"], name="library_record_oai")]
        constraints = [
            models.CheckConstraint(condition=Q(year__isnull=True) | Q(year__gte=1900, year__lte=2100),
                                   name="library_record_year_range"),
            models.CheckConstraint(condition=Q(document_type__in=DocumentType.values),
                                   name="library_record_type_valid"),
            models.CheckConstraint(condition=Q(election__in=Election.values), name="library_record_election_valid"),
            models.CheckConstraint(condition=~Q(title=""), name="library_record_title_required"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def full_title(self) -> str:
        return f"{self.title} : {self.subtitle}" if self.subtitle else self.title

    @property
    def author_names(self) -> list[str]:
        return [author["name"] for author in self.authors]

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        self.authors = _clean_authors(self.authors, errors)
        self.subjects = _clean_strings(self.subjects, "subjects", errors)
        try:
            self.isbns = _unique([normalize_isbn(v) for v in _clean_strings(self.isbns, "isbns", errors)])
        except ValidationError as exc:
            errors["isbns"] = exc.messages
        try:
            self.issns = _unique([normalize_issn(v) for v in _clean_strings(self.issns, "issns", errors)])
        except ValidationError as exc:
            errors["issns"] = exc.messages
        if errors:
            raise ValidationError(errors)

    def build_search_text(self) -> str:
        parts = [self.title, self.subtitle, self.responsibility, self.publisher, self.series, self.call_number,
                 *self.author_names, *self.subjects, *self.isbns, *self.issns]
        return " ".join(p for p in parts if p).lower()


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _clean_strings(values: Any, field: str, errors: dict) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        errors[field] = _("Harus berupa daftar teks.")
        return []
    return _unique([v.strip() for v in values if v.strip()])


def _clean_authors(values: Any, errors: dict) -> list[dict]:
    if not isinstance(values, list):
        errors["authors"] = _("Harus berupa daftar pengarang.")
        return []
    out = []
    for value in values:
        if isinstance(value, str):
            value = {"name": value, "kind": "person"}
        name = str(value.get("name", "")).strip() if isinstance(value, dict) else ""
        kind = value.get("kind", "person") if isinstance(value, dict) else ""
        if not name or kind not in ("person", "organisation"):
            errors["authors"] = _("Setiap pengarang perlu nama dan jenis (orang atau badan).")
            return []
        out.append({"name": name, "kind": kind})
    return out


class RecordFile(models.Model):
    """A PDF of the document. Downloadable from the OPAC only if the record's `files_public`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    record = models.ForeignKey(CatalogueRecord, on_delete=models.CASCADE, related_name="files")
    label = models.CharField(_("keterangan"), max_length=200, blank=True)
    file = models.FileField(_("berkas PDF"), upload_to="perpustakaan/berkas/%Y/")
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.CheckConstraint(condition=Q(size__lte=MAX_FILE_BYTES), name="library_file_size_limit")]

    def __str__(self) -> str:
        return self.label or gettext("Berkas PDF")

    @property
    def download_name(self) -> str:
        """What the download is called: the record's title and the file's label, never the stored
        name (random) nor the uploader's (which may claim another type)."""
        return slugify(f"{self.record.title} {self.label}")[:120] or "berkas"


class Item(models.Model):
    """A physical copy of a record, with its shelf location and inventory code."""

    class Status(models.TextChoices):
        AVAILABLE = "tersedia", _("Tersedia")
        ON_LOAN = "dipinjam", _("Dipinjam")
        LOST = "hilang", _("Hilang")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    record = models.ForeignKey(CatalogueRecord, on_delete=models.CASCADE, related_name="items")
    # Copied from the record so the database can keep inventory codes unique per office.
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    inventory_code = models.CharField(_("kode inventaris"), max_length=64)
    location = models.CharField(_("lokasi"), max_length=160, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.AVAILABLE)
    note = models.CharField(_("catatan"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["inventory_code"]
        constraints = [
            models.UniqueConstraint(fields=["office", "inventory_code"], name="library_item_code_unique_in_office"),
            models.CheckConstraint(condition=Q(status__in=["tersedia", "dipinjam", "hilang"]),
                                   name="library_item_status_valid"),
            models.CheckConstraint(condition=~Q(inventory_code=""), name="library_item_code_required"),
        ]

    def __str__(self) -> str:
        return self.inventory_code


class ApplicationQuerySet(models.QuerySet["IsbnApplication"]):
    def visible_to(self, user) -> ApplicationQuerySet:
        """The office and the province see the application and its log; KPU RI sees all."""
        return self.filter(office__in=Office.objects.visible_to(user))


class IsbnApplication(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SUBMITTED = "submitted", _("Diajukan ke KPU RI")
        RETURNED = "returned", _("Dikembalikan")
        FORWARDED = "forwarded", _("Diteruskan ke Perpusnas")
        ASSIGNED = "assigned", _("ISBN terbit")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="isbn_applications")
    record = models.ForeignKey(CatalogueRecord, on_delete=models.PROTECT, related_name="isbn_applications",
                               verbose_name=_("buku"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    isbn = models.CharField(_("ISBN"), max_length=13, blank=True)
    kdt = models.TextField(_("KDT (Katalog Dalam Terbitan)"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    deposit_on = models.DateField(_("tanggal serah simpan"), null=True, blank=True)
    deposit_note = models.CharField(_("keterangan serah simpan"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pengajuan ISBN")
        verbose_name_plural = _("pengajuan ISBN")
        constraints = [
            models.CheckConstraint(condition=Q(status__in=["draft", "submitted", "returned", "forwarded", "assigned"]),
                                   name="library_application_status_valid"),
            models.CheckConstraint(condition=~Q(status="assigned") | (~Q(isbn="") & Q(assigned_at__isnull=False)),
                                   name="library_application_assigned_has_isbn"),
            models.CheckConstraint(condition=Q(deposit_on__isnull=True) | Q(status="assigned"),
                                   name="library_application_deposit_after_isbn"),
            models.CheckConstraint(condition=Q(status="draft") | Q(submitted_at__isnull=False),
                                   name="library_application_submitted_at"),
        ]

    def __str__(self) -> str:
        return str(self.record)

    @property
    def office_may_edit(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class PartKind(models.TextChoices):
    """What the KPU RI asks for with every application, in the order of the checklist."""

    REQUEST_LETTER = "surat-permohonan", _("Surat permohonan")
    ORIGINALITY = "pernyataan-keaslian", _("Surat pernyataan keaslian karya")
    MANUSCRIPT = "naskah", _("Naskah final atau dummy buku")
    TITLE_PAGE = "halaman-judul", _("Halaman judul")
    COPYRIGHT_PAGE = "halaman-hak-cipta", _("Halaman hak cipta")
    PREFACE = "kata-pengantar", _("Kata pengantar")
    CONTENTS = "daftar-isi", _("Daftar isi")
    COVER = "sampul", _("Sampul")


class ApplicationPart(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(IsbnApplication, on_delete=models.CASCADE, related_name="parts")
    kind = models.CharField(max_length=32, choices=PartKind.choices)
    file = models.FileField(upload_to="perpustakaan/isbn/%Y/")
    size = models.PositiveIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["application", "kind"], name="library_part_one_per_kind"),
            models.CheckConstraint(condition=Q(kind__in=PartKind.values), name="library_part_kind_valid"),
            models.CheckConstraint(condition=Q(size__lte=MAX_FILE_BYTES), name="library_part_size_limit"),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class ApplicationEvent(models.Model):
    """The application's log, shown to the office, its province and KPU RI."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    application = models.ForeignKey(IsbnApplication, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    action = models.CharField(max_length=32)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.action} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def to_status_label(self) -> StrOrPromise:
        return IsbnApplication.Status(self.to_status).label if self.to_status else ""
