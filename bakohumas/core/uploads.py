"""A file is what its bytes say, not what its name says."""

from __future__ import annotations

import filetype

EVIDENCE_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def sniff_evidence(upload) -> str | None:
    """The extension for an allowed evidence file, judged from its first bytes; None otherwise."""
    head = upload.read(261)
    upload.seek(0)
    kind = filetype.guess(head)
    return EVIDENCE_TYPES.get(kind.mime) if kind else None
