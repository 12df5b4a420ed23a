"""Planned information posts of an office: the planning half of the content calendar
(docs/governance.md). What was published comes from bakohumas.posts."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bakohumas.offices.models import Office
from bakohumas.posts.models import Platform


class PlannedPostQuerySet(models.QuerySet["PlannedPost"]):
    def visible_to(self, user) -> PlannedPostQuerySet:
        return self.filter(office__in=Office.objects.visible_to(user))


class PlannedPost(models.Model):
    """One information post an office plans to publish on a day, on one platform."""

    class Status(models.TextChoices):
        PLANNED = "direncanakan", _("direncanakan")
        PUBLISHED = "terbit", _("terbit")
        CANCELLED = "batal", _("batal")

    Platform = Platform

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="planned_posts",
                               verbose_name=_("satuan kerja"))
    planned_on = models.DateField(_("tanggal rencana terbit"))
    platform = models.CharField(_("platform"), max_length=16, choices=Platform.choices)
    topic = models.CharField(_("topik informasi"), max_length=200,
                             help_text=_("Informasi apa yang disampaikan, misalnya jadwal pemutakhiran data pemilih."))
    notes = models.TextField(_("catatan"), blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("dibuat oleh"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlannedPostQuerySet.as_manager()

    class Meta:
        ordering = ["planned_on", "platform", "topic"]
        verbose_name = _("rencana unggahan")
        verbose_name_plural = _("rencana unggahan")
        indexes = [models.Index(fields=["office", "planned_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(platform__in=Platform.values), name="planned_post_platform_valid"),
            models.CheckConstraint(condition=Q(status__in=["direncanakan", "terbit", "batal"]),
                                   name="planned_post_status_valid"),
            models.CheckConstraint(condition=~Q(topic=""), name="planned_post_topic_not_empty"),
            models.UniqueConstraint("office", "planned_on", "platform", "topic", name="planned_post_unique",
                                    violation_error_message=_("Rencana unggahan ini sudah tercatat.")),
        ]

    def __str__(self) -> str:
        return f"{self.planned_on} {self.platform} {self.topic}"
