"""Quality checks for one photo or video: the same code behind the web upload and `bakohumas check-media`.

The kind of a file comes from its bytes (never its name). Thresholds come from the national
standard (`Standard`); the contract of the output is `../shared/formats/media-checks.md`.
Importing this module touches no database; `examine()` reads the standard only when none is given."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _

from bakohumas.quality.standard import Standard, current_standard

__all__ = ["FAIL", "PASS", "WARN", "CheckResult", "MediaReport", "Standard", "current_standard", "examine",
           "grade_of"]

logger = logging.getLogger(__name__)

PASS, WARN, FAIL = "lulus", "peringatan", "gagal"
STATUSES = (PASS, WARN, FAIL)
GOOD, FAIR, UNFIT = "baik", "cukup", "tidak_layak"
PHOTO_CODES = ("resolusi", "ketajaman", "pencahayaan", "orientasi", "derau")
VIDEO_CODES = ("resolusi", "laju_bingkai", "laju_bit", "durasi", "audio")

Source = str | os.PathLike | IO[bytes]


@dataclass(frozen=True)
class CheckResult:
    code: str
    status: str  # "lulus" | "peringatan" | "gagal"
    detail: str  # Indonesian, for the user

    def as_dict(self) -> dict:
        return {"code": self.code, "status": self.status, "detail": self.detail}


@dataclass(frozen=True)
class MediaReport:
    kind: str  # "photo" | "video" | "invalid"
    grade: str  # "baik" | "cukup" | "tidak_layak"
    checks: tuple[CheckResult, ...]
    width: int | None = None
    height: int | None = None
    duration: float | None = None  # seconds (videos)
    mime: str = ""
    score: float = 0.0  # 0..1, higher is better: sorts an activity's photos best first

    def as_dict(self) -> dict:
        """The contract's JSON entry without "file"."""
        return {"kind": self.kind, "grade": self.grade, "checks": [c.as_dict() for c in self.checks]}

    @property
    def is_valid(self) -> bool:
        return self.kind != "invalid"

    @property
    def reason(self) -> str:
        """Why an invalid file was refused (the `berkas` check's detail); empty for valid files."""
        return self.checks[0].detail if self.kind == "invalid" and self.checks else ""


def num(value: float, places: int = 1) -> str:
    """A measurement the Indonesian way: 1.234,5 (dot for thousands, comma for decimals)."""
    if value != value or value in (float("inf"), float("-inf")):  # NaN / infinite
        return "-"
    text = f"{value:,.{places}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def grade_of(checks: tuple[CheckResult, ...] | list[CheckResult]) -> str:
    statuses = {c.status for c in checks}
    if FAIL in statuses:
        return UNFIT
    return FAIR if WARN in statuses else GOOD


GRADE_BASE = {GOOD: 2 / 3, FAIR: 1 / 3, UNFIT: 0.0}


def score_of(grade: str, quality: float) -> float:
    """Grade first (every 'baik' ranks above every 'cukup'), then the measured quality within it."""
    return round(GRADE_BASE[grade] + max(0.0, min(1.0, quality)) / 3, 4)


def invalid(reason: str, mime: str = "") -> MediaReport:
    return MediaReport(kind="invalid", grade=UNFIT, checks=(CheckResult("berkas", FAIL, reason),), mime=mime)


def examine(source: Source, *, standard: Standard | None = None) -> MediaReport:
    """Check a photo or video: a path, or a seekable binary file object (read from its beginning; left open,
    its position afterwards undefined). Never raises for a bad file: that is an `invalid` report."""
    from bakohumas.quality import sniff

    standard = standard or current_standard()
    try:
        handle, owned = sniff.open_binary(source)
    except FileNotFoundError:
        return invalid(_("Berkas tidak ditemukan."))
    except IsADirectoryError:
        return invalid(_("Ini folder, bukan berkas."))
    except PermissionError:
        return invalid(_("Berkas tidak dapat dibaca: izin aksesnya tidak membolehkan."))
    except OSError:  # the system's own wording is English: not shown
        logger.warning("cannot open %r", source, exc_info=True)
        return invalid(_("Berkas tidak dapat dibaca."))
    try:
        return _examine(handle, standard)
    except Exception:  # noqa: BLE001 - one odd file must not break a whole upload batch
        logger.exception("quality check crashed")
        return invalid(_("Berkas tidak dapat diperiksa: isinya rusak atau tidak lazim."))
    finally:
        if owned:
            handle.close()


def _examine(handle: IO[bytes], standard: Standard) -> MediaReport:
    from bakohumas.quality import photo, sniff, video

    family, mime = sniff.sniff(handle)
    if family == "image":
        return photo.examine_photo(handle, mime=mime, standard=standard)
    if family == "video":
        return video.examine_video(handle, mime=mime, standard=standard)
    if family == "empty":
        return invalid(_("Berkas kosong."))
    if mime:
        return invalid(_("Berkas ini bukan foto atau video yang didukung (isinya %(mime)s).") % {"mime": mime}, mime)
    return invalid(_("Berkas ini bukan foto atau video: isinya tidak dikenali."))
