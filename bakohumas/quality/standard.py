"""The national quality standard as plain data: the thresholds every media check reads.

`Standard` is a frozen dataclass so the checks (and the media benchmark) can run without the
database; `current_standard()` reads the row KPU RI edits (see `models.QualityStandard`) and falls
back to the defaults below when no row exists yet or the table is not there (fresh install,
a script without migrations)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Standard:
    # Photos — measured on the image after its EXIF orientation is applied.
    photo_short_edge_warn: int = 1080   # px; below: warning (too small for a 1080×1350 feed post)
    photo_short_edge_fail: int = 720    # px; below: failure
    photo_sharpness_warn: float = 100.0  # variance of the Laplacian at 1024 px long edge; below: warning
    photo_sharpness_fail: float = 40.0   # below: failure (visibly blurred)
    photo_brightness_low_warn: float = 70.0    # mean luminance 0..255
    photo_brightness_low_fail: float = 40.0
    photo_brightness_high_warn: float = 200.0
    photo_brightness_high_fail: float = 225.0
    photo_clipped_warn: float = 0.05  # share of pixels burnt white (≥250) or crushed black (≤5)
    photo_clipped_fail: float = 0.25
    photo_portrait_warns: bool = True  # a portrait photo loses much in the website's 16:9 crop
    photo_noise_warn: float = 5.0   # estimated noise sigma (0..255 scale) at 1024 px long edge
    photo_noise_fail: float = 10.0
    # Videos
    video_short_edge_warn: int = 1080
    video_short_edge_fail: int = 480
    video_fps_warn: float = 24.0
    video_fps_fail: float = 15.0
    video_bpp_warn: float = 0.05  # video bits per pixel per frame (bit rate ÷ (width × height × fps))
    video_bpp_fail: float = 0.02
    video_duration_min_fail: float = 2.0   # seconds
    video_duration_min_warn: float = 5.0
    video_duration_max_warn: float = 600.0  # 0 = no upper limit
    video_audio_required: bool = False      # True: a video without sound fails instead of warning
    video_loudness_low_fail: float = -40.0  # integrated loudness, LUFS
    video_loudness_low_warn: float = -28.0
    video_loudness_high_warn: float = -10.0
    video_loudness_high_fail: float = -5.0

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in dataclasses.fields(cls)]

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)


DEFAULT_STANDARD = Standard()


def current_standard() -> Standard:
    """The standard in force: the national row if there is one, else the defaults."""
    from django.db import DatabaseError

    from bakohumas.quality.models import QualityStandard

    try:
        row = QualityStandard.objects.current()
    except DatabaseError:
        # No table yet (a fresh database, a script run before `migrate`): the defaults still apply.
        return DEFAULT_STANDARD
    return row.as_standard() if row is not None else DEFAULT_STANDARD
