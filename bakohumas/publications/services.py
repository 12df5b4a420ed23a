"""Writes of the SOP checklist and the outputs: keyword-only, atomic, validated, audited.

Permissions are checked here too (not only in the views), because a step that needs the Ketua
Bakohumas's approval and the approval of an output are the point of the SOP: `PermissionDenied`
when the actor may not. Publishing an output makes it a `posts.Post` (source "publikasi") through
`posts.services.post_upsert` and ticks the SOP steps that publication completes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.audit.services import audit_record
from bakohumas.publications import selectors as s
from bakohumas.publications.models import ChecklistMark, Output, OutputKind, OutputStatus
from bakohumas.publications.sop import Step, step_for, steps_published_by
from bakohumas.records.models import Activity

OUTPUT_FIELDS = ("kind", "title", "lead", "body", "channel", "photo")


# --- the SOP checklist ---------------------------------------------------------------------------

def _step(activity: Activity, step_code: str) -> Step:
    step = step_for(activity.kind, step_code)
    if step is None:
        raise ValidationError(_("Langkah SOP “%(code)s” tidak ada untuk jenis kegiatan ini.") % {"code": step_code})
    return step


def _mark(*, activity: Activity, step: Step, done_by: Any, note: str, done_at: dt.datetime | None = None
          ) -> ChecklistMark:
    mark = ChecklistMark.objects.filter(activity=activity, step=step.code).first()
    if mark is not None:
        return mark
    mark = ChecklistMark(activity=activity, step=step.code, done_at=done_at or timezone.now(), note=note,
                         done_by=done_by if getattr(done_by, "is_authenticated", False) else None)
    mark.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            mark.save()
    except IntegrityError:  # ticked at the same moment by someone else: theirs stands
        return ChecklistMark.objects.get(activity=activity, step=step.code)
    audit_record(actor=done_by, action="publications.sop.tick", target=activity, office=activity.office,
                 note=note, data={"step": step.code})
    return mark


@transaction.atomic
def checklist_tick(*, activity: Activity, step_code: str, actor: Any, note: str = "") -> ChecklistMark:
    """Mark a step of the activity's SOP done (again: nothing changes). A step that needs approval
    may be ticked only by a ketua of the office."""
    step = _step(activity, step_code)
    if not s.may_tick(actor, activity.office, step):
        raise PermissionDenied
    return _mark(activity=activity, step=step, done_by=actor, note=note.strip())


@transaction.atomic
def checklist_untick(*, activity: Activity, step_code: str, actor: Any) -> None:
    step = _step(activity, step_code)
    if not s.may_tick(actor, activity.office, step):
        raise PermissionDenied
    deleted, _rows = ChecklistMark.objects.filter(activity=activity, step=step.code).delete()
    if deleted:
        audit_record(actor=actor, action="publications.sop.untick", target=activity, office=activity.office,
                     data={"step": step.code})


# --- outputs ------------------------------------------------------------------------------------

def _assign(output: Output, data: Mapping[str, Any]) -> list[str]:
    changed = []
    for name in OUTPUT_FIELDS:
        if name in data and getattr(output, name, None) != data[name]:
            setattr(output, name, data[name])
            changed.append(name)
    return changed


def _require_writer(actor: Any, output: Output) -> None:
    if not s.may_write(actor, output.office):
        raise PermissionDenied


@transaction.atomic
def output_create(*, activity: Activity, actor: Any, data: Mapping[str, Any]) -> Output:
    if not s.may_write(actor, activity.office):
        raise PermissionDenied
    output = Output(activity=activity, office=activity.office,
                    created_by=actor if getattr(actor, "is_authenticated", False) else None)
    changed = _assign(output, data)
    output.full_clean()
    output.save()
    audit_record(actor=actor, action="publications.output.create", target=output, office=output.office,
                 data={"kind": output.kind, "title": output.title, "fields": changed})
    return output


@transaction.atomic
def output_update(*, output: Output, actor: Any, data: Mapping[str, Any]) -> Output:
    """Change a draft. Changing one that waits for approval takes it back to draft (the Ketua
    approves what they read); an approved or published output is changed only after the Ketua
    returns it."""
    _require_writer(actor, output)
    if output.status not in (OutputStatus.DRAFT, OutputStatus.PENDING):
        raise ValidationError(_("Keluaran yang sudah disetujui tidak dapat diubah; minta Ketua Bakohumas "
                                "mengembalikannya ke draf."))
    changed = _assign(output, data)
    if not changed:
        return output
    output.status = OutputStatus.DRAFT
    output.full_clean()
    output.save()
    audit_record(actor=actor, action="publications.output.update", target=output, office=output.office,
                 data={"fields": changed})
    return output


def _transition(output: Output, *, to: str, allowed_from: tuple[str, ...], actor: Any, action: str,
                note: str = "", message: str) -> Output:
    if output.status not in allowed_from:
        raise ValidationError(message)
    old = output.status
    output.status = to
    output.full_clean()
    output.save()
    audit_record(actor=actor, action=action, target=output, office=output.office, note=note,
                 data={"from": old, "to": to})
    return output


@transaction.atomic
def output_submit(*, output: Output, actor: Any) -> Output:
    """Ask the Ketua Bakohumas to approve the draft."""
    _require_writer(actor, output)
    return _transition(output, to=OutputStatus.PENDING, allowed_from=(OutputStatus.DRAFT,), actor=actor,
                       action="publications.output.submit",
                       message=_("Hanya draf yang dapat diajukan untuk persetujuan."))


@transaction.atomic
def output_approve(*, output: Output, actor: Any) -> Output:
    """The Ketua Bakohumas of the office approves (a draft they wrote themselves, too)."""
    if not s.may_approve(actor, output.office):
        raise PermissionDenied
    output.approved_by = actor
    output.approved_at = timezone.now()
    return _transition(output, to=OutputStatus.APPROVED, allowed_from=(OutputStatus.DRAFT, OutputStatus.PENDING),
                       actor=actor, action="publications.output.approve",
                       message=_("Keluaran ini sudah disetujui."))


@transaction.atomic
def output_return(*, output: Output, actor: Any, note: str = "") -> Output:
    """The Ketua sends it back to draft (to be changed), with what to change."""
    if not s.may_approve(actor, output.office):
        raise PermissionDenied
    output.approved_by = None
    output.approved_at = None
    return _transition(output, to=OutputStatus.DRAFT, allowed_from=(OutputStatus.PENDING, OutputStatus.APPROVED),
                       actor=actor, action="publications.output.return", note=note.strip(),
                       message=_("Hanya keluaran yang menunggu persetujuan atau sudah disetujui yang dapat "
                                 "dikembalikan."))


def post_fields(output: Output) -> dict[str, Any]:
    """Platform, account, channel and text of the Post an output becomes. Website news and press
    releases are published on the office's website (account: the URL's host)."""
    if output.kind == OutputKind.SOCIAL_POST:
        channel = output.channel
        if channel is None:
            raise ValidationError(_("Pilih akun media sosial tempat unggahan ini diterbitkan."))
        return {"platform": channel.kind, "account": channel.handle.strip().lstrip("@") or channel.handle,
                "channel": channel, "text": output.body or output.title}
    host = (urlsplit(output.published_url).hostname or "").lower()
    text = "\n\n".join(part for part in (output.title, output.lead, output.body) if part)
    return {"platform": "website", "account": host, "channel": None, "text": text}


@transaction.atomic
def output_publish(*, output: Output, actor: Any, url: str, published_at: dt.datetime | None = None) -> Output:
    """Record where and when the approved output was published, make it a Post (publishing again,
    with the same URL, updates that Post), and tick the SOP steps it completes."""
    from bakohumas.posts.models import Post
    from bakohumas.posts.services import normalise_url, post_upsert

    _require_writer(actor, output)
    if output.status not in (OutputStatus.APPROVED, OutputStatus.PUBLISHED):
        raise ValidationError(_("Keluaran harus disetujui Ketua Bakohumas sebelum diterbitkan."))
    url = normalise_url(url.strip())  # the form posts are stored in: the same link written differently is one post
    if Post.objects.filter(url=url).exclude(office=output.office).exists():
        raise ValidationError(_("Tautan ini sudah tercatat sebagai unggahan kantor lain."))
    if Output.objects.filter(published_url=url).exclude(pk=output.pk).exists():
        raise ValidationError(_("Tautan ini sudah dipakai keluaran lain."))
    previous_post = output.post
    output.published_url = url
    output.published_at = published_at or timezone.now()
    output.status = OutputStatus.PUBLISHED
    output.full_clean()
    post = post_upsert(office=output.office, url=url, published_at=output.published_at,
                       source=Post.Source.PUBLICATION, actor=actor, **post_fields(output))
    output.post = post
    output.save()
    if previous_post is not None and previous_post.pk != post.pk and previous_post.source == Post.Source.PUBLICATION:
        previous_post.delete()  # the output moved to a corrected URL: the old one is not a publication
    for step in steps_published_by(output.activity.kind, output.kind):
        # The Ketua approved the output; the step counts as done by them.
        _mark(activity=output.activity, step=step, done_by=output.approved_by or actor,
              note=_("Otomatis: keluaran “%(title)s” terbit.") % {"title": output.title})
    audit_record(actor=actor, action="publications.output.publish", target=output, office=output.office,
                 data={"url": url, "published_at": output.published_at.isoformat(), "post": str(post.pk)})
    return output
