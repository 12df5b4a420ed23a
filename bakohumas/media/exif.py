"""When and where a photo was taken, read from its EXIF (both editable afterwards by the user)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import IO, Any

from django.utils import timezone
from PIL import ExifTags, Image

EXIF_IFD = ExifTags.IFD.Exif
GPS_IFD = ExifTags.IFD.GPSInfo
DATETIME_ORIGINAL = ExifTags.Base.DateTimeOriginal
DATETIME = ExifTags.Base.DateTime
OFFSET_TIME_ORIGINAL = ExifTags.Base.OffsetTimeOriginal


# A camera whose clock was never set writes "0001:01:01 00:00:00" or 1970, 2000-01-01 after a flat
# battery, or a year far ahead: dates outside this window are taken as unknown (year 1 also breaks
# SQLite's date arithmetic). Digital photos before 1990 are not expected.
EARLIEST = dt.datetime(1990, 1, 1)


@dataclass(frozen=True)
class PhotoFacts:
    taken_at: dt.datetime | None = None
    place: str = ""


def _plausible(value: dt.datetime) -> dt.datetime | None:
    """The date (aware), or None when it lies before 1990 or more than a day ahead of now."""
    try:
        aware = value if value.tzinfo is not None else timezone.make_aware(value, timezone.get_default_timezone())
        earliest = timezone.make_aware(EARLIEST, timezone.get_default_timezone())
        latest = timezone.now() + dt.timedelta(days=1)
        return aware if earliest <= aware <= latest else None
    except (OverflowError, ValueError):
        return None


def _parse_datetime(text: Any, offset: Any = None) -> dt.datetime | None:
    if not isinstance(text, str):
        return None
    text = text.strip().rstrip("\x00")
    try:
        value = dt.datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    if value < EARLIEST:
        return None
    if isinstance(offset, str):
        try:
            return _plausible(dt.datetime.strptime(f"{text[:19]} {offset.strip()}", "%Y:%m:%d %H:%M:%S %z"))
        except ValueError:
            pass
    # Cameras record local time without a zone: take it as the site's (Asia/Jakarta).
    return _plausible(value)


def _degrees(value: Any, ref: Any) -> float | None:
    try:
        d, m, s = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    degrees = d + m / 60 + s / 3600
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "ignore")
    return -degrees if str(ref).strip().upper() in ("S", "W") else degrees


def _place(gps: Any) -> str:
    if not gps:
        return ""
    lat = _degrees(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef))
    lon = _degrees(gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return ""
    return f"{lat:.6f}, {lon:.6f}"


def photo_facts(source: str | IO[bytes]) -> PhotoFacts:
    """DateTimeOriginal (else DateTime) and GPS position as "lat, lon"; blanks when absent or unreadable.
    Reads the headers only (no pixels are decoded)."""
    try:
        with Image.open(source) as image:
            exif = image.getexif()
            sub = exif.get_ifd(EXIF_IFD)
            taken = (_parse_datetime(sub.get(DATETIME_ORIGINAL), sub.get(OFFSET_TIME_ORIGINAL))
                     or _parse_datetime(exif.get(DATETIME)))
            return PhotoFacts(taken_at=taken, place=_place(exif.get_ifd(GPS_IFD)))
    except Exception:  # a photo without readable EXIF is still a photo: the quality check judged it
        return PhotoFacts()
