"""examine() and the caller's file: left open whatever the file holds (the upload still has to be
stored or reported), and a truncated photo refused whatever the process set in Pillow."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from bakohumas.quality.media_checks import examine
from bakohumas.quality.standard import Standard


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 90, 60)).save(out, "JPEG")
    return out.getvalue()


@pytest.mark.parametrize("content", [_jpeg(), _jpeg()[:200], b"bukan gambar", b"\x00\x00\x00\x18ftypmp42" + b"x" * 64])
def test_the_callers_file_stays_open(content):
    handle = io.BytesIO(content)
    examine(handle, standard=Standard())
    assert not handle.closed
    handle.seek(0)
    assert handle.read() == content


def test_a_truncated_photo_is_refused_even_after_weasyprint_was_imported(monkeypatch):
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)  # what `import weasyprint` does
    out = io.BytesIO()
    Image.effect_noise((800, 600), 60).convert("RGB").save(out, "JPEG", quality=95)
    report = examine(io.BytesIO(out.getvalue()[: len(out.getvalue()) // 2]), standard=Standard())
    assert report.kind == "invalid"
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True  # left as the process had it
