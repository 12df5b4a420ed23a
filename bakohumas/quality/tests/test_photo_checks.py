"""Photo checks on generated pictures: each defect moves its own check and the grade."""

from __future__ import annotations

import io

import numpy as np
import pytest

from bakohumas.quality.media_checks import PHOTO_CODES, examine
from bakohumas.quality.standard import Standard
from bakohumas.quality.tests.conftest import jpeg, noisy, png, scene

STANDARD = Standard()


def _statuses(report) -> dict[str, str]:
    return {c.code: c.status for c in report.checks}


def test_it_passes_a_sharp_well_exposed_large_photo(sharp_scene):
    report = examine(io.BytesIO(jpeg(sharp_scene)), standard=STANDARD)
    assert report.kind == "photo" and report.mime == "image/jpeg"
    assert [c.code for c in report.checks] == list(PHOTO_CODES)
    assert _statuses(report) == dict.fromkeys(PHOTO_CODES, "lulus")
    assert report.grade == "baik"
    assert (report.width, report.height, report.duration) == (1600, 1200, None)


@pytest.mark.parametrize(("radius", "status", "grade"), [(2.5, "peringatan", "cukup"), (6, "gagal", "tidak_layak")])
def test_it_flags_the_same_scene_blurred(sharp_scene, radius, status, grade):
    report = examine(io.BytesIO(jpeg(sharp_scene, blur=radius)), standard=STANDARD)
    assert _statuses(report)["ketajaman"] == status
    assert report.grade == grade
    assert "ketajaman" in report.checks[1].detail


def test_a_blurred_photo_ranks_below_the_sharp_one(sharp_scene):
    sharp = examine(io.BytesIO(jpeg(sharp_scene)), standard=STANDARD)
    soft = examine(io.BytesIO(jpeg(sharp_scene, blur=2.5)), standard=STANDARD)
    blurred = examine(io.BytesIO(jpeg(sharp_scene, blur=6)), standard=STANDARD)
    assert 1 >= sharp.score > soft.score > blurred.score >= 0


@pytest.mark.parametrize(("factor", "status", "words"), [
    (0.2, "gagal", "terlalu gelap"), (0.5, "peringatan", "agak gelap"), (1.0, "lulus", "baik"),
])
def test_it_judges_exposure(sharp_scene, factor, status, words):
    darker = (sharp_scene.astype(np.float32) * factor).astype(np.uint8)
    report = examine(io.BytesIO(jpeg(darker)), standard=STANDARD)
    check = report.checks[2]
    assert (check.code, check.status) == ("pencahayaan", status)
    assert words in check.detail.lower()


def test_it_flags_an_overexposed_photo_with_burnt_highlights(sharp_scene):
    bright = np.clip(sharp_scene.astype(np.float32) * 1.6 + 60, 0, 255).astype(np.uint8)
    report = examine(io.BytesIO(jpeg(bright)), standard=STANDARD)
    assert _statuses(report)["pencahayaan"] == "gagal"
    assert report.grade == "tidak_layak"


@pytest.mark.parametrize(("size", "status"), [((1600, 1200), "lulus"), ((1200, 900), "peringatan"),
                                              ((640, 480), "gagal")])
def test_it_judges_resolution_by_the_short_edge(size, status):
    report = examine(io.BytesIO(png(scene(*size))), standard=STANDARD)
    assert report.mime == "image/png"
    assert (report.checks[0].code, report.checks[0].status) == ("resolusi", status)
    assert f"{size[0]}×{size[1]} piksel" in report.checks[0].detail


@pytest.mark.parametrize(("sigma", "status"), [(0, "lulus"), (16, "peringatan"), (40, "gagal")])
def test_it_estimates_noise(sharp_scene, sigma, status):
    report = examine(io.BytesIO(png(noisy(sharp_scene, sigma))), standard=STANDARD)
    assert _statuses(report)["derau"] == status


def test_it_applies_the_exif_orientation_before_judging():
    # Stored 1600×1200 but the camera was held upright (EXIF 6 = turn 90° clockwise to display).
    report = examine(io.BytesIO(jpeg(scene(), exif_orientation=6)), standard=STANDARD)
    assert (report.width, report.height) == (1200, 1600)
    check = report.checks[3]
    assert (check.code, check.status) == ("orientasi", "peringatan")
    assert "tegak" in check.detail and "EXIF" in check.detail


def test_portrait_photos_pass_when_the_standard_allows_them():
    report = examine(io.BytesIO(jpeg(scene(1200, 1600))), standard=Standard(photo_portrait_warns=False))
    assert _statuses(report)["orientasi"] == "lulus"
    assert report.grade == "baik"


def test_a_panorama_is_warned(sharp_scene):
    report = examine(io.BytesIO(jpeg(scene(3600, 1100))), standard=STANDARD)
    assert _statuses(report)["orientasi"] == "peringatan" and "panorama" in report.checks[3].detail


def test_it_reads_a_path_and_ignores_the_name(tmp_path, sharp_scene):
    path = tmp_path / "rapat.mp4"  # a JPEG under a video's name
    path.write_bytes(jpeg(sharp_scene))
    report = examine(path, standard=STANDARD)
    assert report.kind == "photo"
    assert report.as_dict() == {"kind": "photo", "grade": "baik",
                                "checks": [c.as_dict() for c in report.checks]}


def test_a_large_jpeg_is_analysed_at_reduced_scale(monkeypatch):
    """A 12 MP JPEG is decoded through draft mode: the analysis copy never reaches full size."""
    from PIL import ImageFile

    data = jpeg(scene(4000, 3000), quality=85)
    loaded = []
    original = ImageFile.ImageFile.load

    def spy(self):
        result = original(self)
        loaded.append(self.size)
        return result

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    report = examine(io.BytesIO(data), standard=STANDARD)
    assert (report.width, report.height) == (4000, 3000)
    assert loaded and max(w * h for w, h in loaded) <= 2000 * 1500
