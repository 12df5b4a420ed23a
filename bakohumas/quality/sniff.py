"""What a file is, from its first bytes (the `filetype` library), never from its name."""

from __future__ import annotations

import os
from typing import IO, Any, cast

import filetype

# Photos we examine (Pillow decodes them); MPO is the JPEG variant some phones write.
IMAGE_MIMES = {"image/jpeg", "image/png", "image/webp"}
# Containers a phone or camera writes; PyAV (FFmpeg) decodes them.
VIDEO_MIMES = {"video/mp4", "video/quicktime", "video/x-matroska", "video/webm", "video/x-msvideo", "video/3gpp",
               "video/x-m4v", "video/mpeg"}


class KeepOpen:
    """The caller's file as the image and video libraries see it, minus close(): Pillow and PyAV
    close a file object they were handed when decoding fails, and the caller still has to store
    or report it."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw

    def __getattr__(self, name: str) -> Any:
        return getattr(self._raw, name)

    def close(self) -> None:
        pass

    @property
    def closed(self) -> bool:
        return False


def open_binary(source: str | os.PathLike | IO[bytes]) -> tuple[IO[bytes], bool]:
    """A seekable binary handle at offset 0, and whether we opened it (and so must close it)."""
    if isinstance(source, (str, os.PathLike)):
        return open(source, "rb"), True  # noqa: SIM115 - closed by the caller
    try:
        source.seek(0)
    except (AttributeError, OSError):
        pass
    return cast(IO[bytes], KeepOpen(source)), False


def sniff(handle: IO[bytes]) -> tuple[str, str]:
    """("image" | "video" | "empty" | "other", mime or "") from the first bytes; the handle is rewound."""
    head = handle.read(8192)
    handle.seek(0)
    if not head:
        return "empty", ""
    kind = filetype.guess(head)
    if kind is None:
        return "other", ""
    if kind.mime in IMAGE_MIMES:
        return "image", kind.mime
    if kind.mime in VIDEO_MIMES or (kind.mime.startswith("video/")):
        return "video", kind.mime
    return "other", kind.mime
