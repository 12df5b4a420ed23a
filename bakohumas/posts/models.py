"""Posts an office published on its social media accounts and its website, imported from the
platforms' export files, the canonical CSV (`../shared/formats/posts.md`) or the site's feed, and
classified `informasi` / `seremonial` with a reason that staff can correct (docs/posts.md)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bakohumas.offices.models import Office
from bakohumas.records.models import Channel


class PostQuerySet(models.QuerySet["Post"]):
    def visible_to(self, user) -> PostQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))


class Platform(models.TextChoices):
    """The contract's `platform` values; each is also a records.Channel kind."""

    INSTAGRAM = "instagram", _("Instagram")
    FACEBOOK = "facebook", _("Facebook")
    X = "x", _("X (Twitter)")
    TIKTOK = "tiktok", _("TikTok")
    YOUTUBE = "youtube", _("YouTube")
    THREADS = "threads", _("Threads")
    WEBSITE = "website", _("Website")


class Category(models.TextChoices):
    INFORMATION = "informasi", _("Informasi publik")
    CEREMONIAL = "seremonial", _("Seremonial")


class CategorySource(models.TextChoices):
    RULES = "aturan", _("aturan")
    MODEL = "model", _("model")
    STAFF = "staf", _("koreksi staf")


class PostSource(models.TextChoices):
    CSV = "csv", _("CSV kanonik")
    META = "meta", _("Meta Business Suite")
    X_ARCHIVE = "x_arsip", _("Arsip X")
    TIKTOK = "tiktok", _("Ekspor TikTok")
    YOUTUBE = "youtube", _("YouTube Studio")
    FEED = "feed", _("RSS/Atom/sitemap")
    PUBLICATION = "publikasi", _("Publikasi kegiatan")


class Post(models.Model):
    """One post or website news item. The URL identifies it: importing it again updates it."""

    Platform = Platform
    Category = Category
    CategorySource = CategorySource
    Source = PostSource

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="posts",
                               verbose_name=_("satuan kerja"))
    channel = models.ForeignKey(Channel, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts",
                                verbose_name=_("kanal"))
    platform = models.CharField(_("platform"), max_length=16, choices=Platform.choices)
    account = models.CharField(_("akun"), max_length=160,
                               help_text=_("Nama akun tanpa @, atau nama host untuk website."))
    published_at = models.DateTimeField(_("waktu unggah"))
    url = models.URLField(_("tautan"), max_length=500, unique=True)
    text = models.TextField(_("teks"), blank=True)
    likes = models.PositiveIntegerField(_("suka"), null=True, blank=True)
    comments = models.PositiveIntegerField(_("komentar"), null=True, blank=True)
    shares = models.PositiveIntegerField(_("bagikan"), null=True, blank=True)
    views = models.PositiveIntegerField(_("tayangan"), null=True, blank=True)
    # Handles (lower case, without @) the post mentions or collaborates with: the KPU accounts network.
    mentions = models.JSONField(_("sebutan"), default=list, blank=True)
    category = models.CharField(_("kategori"), max_length=12, choices=Category.choices)
    category_reason = models.CharField(_("alasan"), max_length=300)
    category_source = models.CharField(_("ditentukan oleh"), max_length=8, choices=CategorySource.choices)
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("dikoreksi oleh"))
    corrected_at = models.DateTimeField(_("dikoreksi pada"), null=True, blank=True)
    source = models.CharField(_("sumber"), max_length=12, choices=PostSource.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("unggahan")
        verbose_name_plural = _("unggahan")
        indexes = [models.Index(fields=["office", "platform", "published_at"]),
                   models.Index(fields=["office", "published_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(platform__in=Platform.values), name="post_platform_valid"),
            models.CheckConstraint(condition=Q(category__in=Category.values), name="post_category_valid"),
            models.CheckConstraint(condition=Q(category_source__in=CategorySource.values),
                                   name="post_category_source_valid"),
            models.CheckConstraint(condition=Q(source__in=PostSource.values), name="post_source_valid"),
            models.CheckConstraint(condition=~Q(account=""), name="post_account_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.platform} {self.account} {self.published_at:%Y-%m-%d}"


class FeedQuerySet(models.QuerySet["Feed"]):
    def visible_to(self, user) -> FeedQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))


class FeedKind(models.TextChoices):
    FEED = "feed", _("RSS/Atom")
    SITEMAP = "sitemap", _("Sitemap")


class Feed(models.Model):
    """A website's RSS/Atom feed or sitemap, fetched every day (`bakohumas fetch-feeds`); its items
    become the office's website posts. The last fetch's outcome is kept for the office to see."""

    Kind = FeedKind

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="feeds", verbose_name=_("satuan kerja"))
    channel = models.ForeignKey(Channel, null=True, blank=True, on_delete=models.SET_NULL, related_name="feeds",
                                verbose_name=_("kanal"))
    url = models.URLField(_("alamat feed atau sitemap"), max_length=500)
    kind = models.CharField(_("jenis"), max_length=8, choices=FeedKind.choices, default=FeedKind.FEED)
    last_fetched_at = models.DateTimeField(_("terakhir diambil"), null=True, blank=True)
    last_error = models.CharField(_("kesalahan terakhir"), max_length=500, blank=True)
    last_count = models.PositiveIntegerField(_("jumlah berita terakhir"), null=True, blank=True)
    # The items the last successful fetch left out and why ("3 butir dilewati: ..."); empty if none.
    last_note = models.CharField(_("catatan pengambilan terakhir"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["url"]
        verbose_name = _("feed website")
        verbose_name_plural = _("feed website")
        constraints = [
            models.UniqueConstraint(fields=["office", "url"], name="feed_unique_url_per_office",
                                    violation_error_message=_("Feed dengan alamat ini sudah tercatat.")),
            models.CheckConstraint(condition=Q(kind__in=FeedKind.values), name="feed_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.url
