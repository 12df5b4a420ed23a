"""The documentation SOP as data: for every activity kind, the steps before, during and after the
activity — who does each, which outputs it produces, its deadline relative to the activity date
(H-1, H+0, H+1, H+7 in calendar days) and whether the Ketua Bakohumas must approve it.

The table is code, not database rows: it changes with the national standard (a release), every
office follows the same one, and a test checks that it stays complete (docs/publications.md).
Step codes are stable: an office's ticks (`ChecklistMark.step`) refer to them, so rename a step's
title freely but never reuse a code for a different step."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bakohumas.records.models import ActivityKind


class Phase(models.TextChoices):
    BEFORE = "sebelum", _("Sebelum kegiatan")
    DURING = "saat", _("Saat kegiatan")
    AFTER = "sesudah", _("Sesudah kegiatan")


class SopRole(models.TextChoices):
    """Who carries out a step. Only `ketua` is also a user role: a step that needs the Ketua's
    approval can be ticked by a ketua of the office alone (see `needs_approval`)."""

    OPERATOR = "operator", _("Operator humas")
    KETUA = "ketua", _("Ketua Bakohumas")
    PIMPINAN = "pimpinan", _("Pimpinan")
    PHOTOGRAPHER = "fotografer", _("Fotografer")
    VIDEOGRAPHER = "videografer", _("Videografer")
    BROADCAST = "operator_siaran", _("Operator siaran")
    WRITER = "penulis", _("Penulis berita")


class SopOutput(models.TextChoices):
    PHOTO = "foto", _("Foto")
    VIDEO = "video", _("Video")
    WEBSITE_NEWS = "berita_website", _("Berita website")
    PRESS_RELEASE = "siaran_pers", _("Siaran pers")
    SOCIAL_POST = "unggahan_medsos", _("Unggahan media sosial")
    ARCHIVE = "arsip", _("Arsip")


@dataclass(frozen=True)
class Step:
    code: str
    phase: str
    title: Promise
    who: str
    outputs: tuple[str, ...] = ()
    due_days: int = 0  # relative to the activity date: -1 = H-1, 0 = the same day, 1 = H+1
    needs_approval: bool = False
    # The Output kind whose publication ticks this step (see services.output_publish).
    published_by: str = ""

    @property
    def due_label(self) -> str:
        if self.due_days == 0:
            return "H"
        return f"H{self.due_days:+d}"

    def due_on(self, held_on: dt.date) -> dt.date:
        return held_on + dt.timedelta(days=self.due_days)

    def who_label(self) -> str:
        return str(SopRole(self.who).label)

    def output_labels(self) -> list[str]:
        return [str(SopOutput(o).label) for o in self.outputs]


B, D, A = Phase.BEFORE, Phase.DURING, Phase.AFTER
R, O = SopRole, SopOutput

# --- building blocks --------------------------------------------------------------------------

PLAN = Step("rencana_dokumentasi", B, _("Tetapkan petugas dokumentasi dan keluaran yang dibutuhkan"), R.OPERATOR,
            due_days=-1)
BRIEF = Step("brief_pimpinan", B, _("Siapkan poin pesan kunci bersama pimpinan"), R.PIMPINAN, due_days=-1)
PHOTOS = Step("foto_kegiatan", D, _("Foto kegiatan: suasana, narasumber, peserta (minimal 5 foto layak)"),
              R.PHOTOGRAPHER, (O.PHOTO,))
VIDEO = Step("video_kegiatan", D, _("Rekam video singkat untuk media sosial"), R.VIDEOGRAPHER, (O.VIDEO,))
QUOTES = Step("catat_kutipan", D, _("Catat kutipan narasumber dan data kegiatan (5W+1H)"), R.WRITER)
SOCIAL = Step("unggah_medsos", A, _("Unggah di media sosial resmi"), R.OPERATOR, (O.SOCIAL_POST,), 0,
              published_by="unggahan_medsos")
NEWS = Step("berita_website", A, _("Terbitkan berita di website (disetujui Ketua Bakohumas)"), R.WRITER,
            (O.WEBSITE_NEWS, O.PHOTO), 1, needs_approval=True, published_by="berita_website")
ARCHIVE = Step("arsip", A, _("Arsipkan foto, video, dan naskah terpilih dengan keterangan"), R.OPERATOR,
               (O.ARCHIVE,), 7)

# --- per activity kind -------------------------------------------------------------------------

LIVE_STREAM_STEPS: tuple[Step, ...] = (
    PLAN,
    Step("uji_teknis", B, _("Uji teknis siaran: koneksi, audio, kamera, akun"), R.BROADCAST, due_days=-1),
    Step("etika_penyiaran", B, _("Periksa naskah dan materi terhadap etika penyiaran (P3SPS KPI)"), R.KETUA,
         due_days=-1, needs_approval=True),
    Step("hak_musik_footage", B, _("Pastikan hak pakai musik dan cuplikan video (footage)"), R.OPERATOR,
         due_days=-1),
    Step("persetujuan_tampil", B, _("Minta persetujuan orang yang tampil dalam siaran"), R.OPERATOR, due_days=-1),
    Step("siarkan_rekam", D, _("Siarkan dan rekam siaran secara utuh"), R.BROADCAST, (O.VIDEO,)),
    PHOTOS,
    SOCIAL,
    Step("arsip_rekaman", A, _("Arsipkan rekaman siaran dengan keterangan"), R.OPERATOR, (O.ARCHIVE, O.VIDEO), 7),
)

SOP: dict[str, tuple[Step, ...]] = {
    ActivityKind.OUTREACH: (PLAN, PHOTOS, VIDEO, QUOTES, SOCIAL, NEWS, ARCHIVE),
    ActivityKind.COORDINATION: (PLAN, PHOTOS, QUOTES, SOCIAL, NEWS, ARCHIVE),
    ActivityKind.LIVE_STREAM: LIVE_STREAM_STEPS,
    ActivityKind.PODCAST_EPISODE: (
        PLAN,
        Step("naskah_podcast", B, _("Setujui tema, narasumber, dan naskah episode"), R.KETUA, due_days=-1,
             needs_approval=True),
        Step("persetujuan_narasumber", B, _("Minta persetujuan narasumber untuk direkam dan disiarkan"),
             R.OPERATOR, due_days=-1),
        Step("rekam_podcast", D, _("Rekam episode (audio/video)"), R.VIDEOGRAPHER, (O.VIDEO,)),
        PHOTOS,
        Step("unggah_episode", A, _("Unggah episode dan cuplikannya di media sosial"), R.OPERATOR,
             (O.SOCIAL_POST, O.VIDEO), 3, published_by="unggahan_medsos"),
        ARCHIVE,
    ),
    ActivityKind.PRESS_CONFERENCE: (
        PLAN,
        Step("draf_siaran_pers", B, _("Siapkan draf siaran pers dan undangan media"), R.WRITER,
             (O.PRESS_RELEASE,), -1),
        BRIEF,
        Step("daftar_hadir_media", D, _("Catat media dan jurnalis yang hadir"), R.OPERATOR),
        PHOTOS, VIDEO,
        Step("kirim_siaran_pers", A, _("Terbitkan dan kirim siaran pers (disetujui Ketua Bakohumas)"), R.WRITER,
             (O.PRESS_RELEASE,), 0, needs_approval=True, published_by="siaran_pers"),
        SOCIAL,
        Step("berita_website", A, _("Terbitkan berita di website (disetujui Ketua Bakohumas)"), R.WRITER,
             (O.WEBSITE_NEWS, O.PHOTO), 0, needs_approval=True, published_by="berita_website"),
        Step("pantau_pemberitaan", A, _("Pantau dan kliping pemberitaan media"), R.OPERATOR, (O.ARCHIVE,), 3),
        ARCHIVE,
    ),
    ActivityKind.MEDIA_VISIT: (
        PLAN, BRIEF, PHOTOS, QUOTES, SOCIAL, NEWS,
        Step("pantau_pemberitaan", A, _("Pantau dan kliping pemberitaan media"), R.OPERATOR, (O.ARCHIVE,), 3),
        ARCHIVE,
    ),
    ActivityKind.VOTER_EDUCATION: (
        PLAN,
        Step("persetujuan_peserta", B, _("Minta persetujuan peserta (atau sekolahnya) untuk difoto"), R.OPERATOR,
             due_days=-1),
        PHOTOS, VIDEO, QUOTES, SOCIAL, NEWS, ARCHIVE,
    ),
    ActivityKind.TALK_SHOW: (
        PLAN, BRIEF,
        Step("persetujuan_narasumber", B, _("Minta persetujuan narasumber untuk direkam dan disiarkan"),
             R.OPERATOR, due_days=-1),
        PHOTOS, VIDEO, QUOTES, SOCIAL, NEWS, ARCHIVE,
    ),
    ActivityKind.OTHER: (PLAN, PHOTOS, SOCIAL, NEWS, ARCHIVE),
}


def steps_for(kind: str) -> tuple[Step, ...]:
    return SOP.get(kind, SOP[ActivityKind.OTHER])


def step_for(kind: str, code: str) -> Step | None:
    return next((step for step in steps_for(kind) if step.code == code), None)


def steps_published_by(kind: str, output_kind: str) -> list[Step]:
    return [step for step in steps_for(kind) if step.published_by == output_kind]

