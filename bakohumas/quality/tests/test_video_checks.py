"""Video checks on small MP4s written with PyAV in the test."""

from __future__ import annotations

import io

import pytest

from bakohumas.quality.media_checks import VIDEO_CODES, examine
from bakohumas.quality.standard import Standard
from bakohumas.quality.tests.conftest import write_video

# Small test videos: the resolution thresholds are scaled down with them.
SMALL = Standard(video_short_edge_warn=360, video_short_edge_fail=240)


def _statuses(report) -> dict[str, str]:
    return {c.code: c.status for c in report.checks}


@pytest.fixture(scope="module")
def good_video(tmp_path_factory):
    return write_video(tmp_path_factory.mktemp("v") / "good.mp4", width=640, height=360, fps=25, seconds=6)


def test_it_passes_a_good_video(good_video):
    report = examine(good_video, standard=SMALL)
    assert report.kind == "video" and report.mime == "video/mp4"
    assert [c.code for c in report.checks] == list(VIDEO_CODES)
    assert _statuses(report) == dict.fromkeys(VIDEO_CODES, "lulus"), report.checks
    assert report.grade == "baik"
    assert (report.width, report.height) == (640, 360)
    assert report.duration == pytest.approx(6, abs=0.2)
    assert "LUFS" in report.checks[4].detail


def test_the_default_standard_wants_full_hd(good_video):
    report = examine(good_video, standard=Standard())
    assert _statuses(report)["resolusi"] == "gagal"  # 360 < 480
    assert "640×360 piksel" in report.checks[0].detail
    assert examine(good_video, standard=Standard(video_short_edge_fail=360)).checks[0].status == "peringatan"


def test_it_reads_an_open_file_object(good_video):
    with open(good_video, "rb") as handle:
        assert examine(io.BytesIO(handle.read()), standard=SMALL).grade == "baik"


def test_a_video_without_sound_warns_or_fails_as_the_standard_says(tmp_path):
    path = write_video(tmp_path / "bisu.mp4", width=640, height=360, seconds=6, audio=False)
    assert _statuses(examine(path, standard=SMALL))["audio"] == "peringatan"
    strict = Standard(video_short_edge_warn=360, video_short_edge_fail=240, video_audio_required=True)
    report = examine(path, standard=strict)
    assert _statuses(report)["audio"] == "gagal" and report.grade == "tidak_layak"
    assert "tidak memiliki suara" in report.checks[4].detail


@pytest.mark.parametrize(("amplitude", "status"), [(0.0001, "gagal"), (0.03, "peringatan"), (0.1, "lulus")])
def test_it_measures_loudness(tmp_path, amplitude, status):
    path = write_video(tmp_path / "suara.mp4", width=320, height=240, seconds=6, amplitude=amplitude)
    assert _statuses(examine(path, standard=SMALL))["audio"] == status


def test_low_frame_rate_and_short_duration(tmp_path):
    path = write_video(tmp_path / "pendek.mp4", width=640, height=360, fps=10, seconds=1.5)
    report = examine(path, standard=SMALL)
    statuses = _statuses(report)
    assert statuses["laju_bingkai"] == "gagal" and "10 bingkai per detik" in report.checks[1].detail
    assert statuses["durasi"] == "gagal"
    assert report.grade == "tidak_layak"


def test_a_short_clip_warns_and_a_long_one_warns(tmp_path, good_video):
    path = write_video(tmp_path / "singkat.mp4", width=320, height=240, seconds=3)
    assert _statuses(examine(path, standard=SMALL))["durasi"] == "peringatan"
    long = Standard(video_short_edge_warn=360, video_short_edge_fail=240, video_duration_min_warn=1,
                    video_duration_max_warn=4)
    assert _statuses(examine(good_video, standard=long))["durasi"] == "peringatan"


def test_a_starved_bit_rate_fails(tmp_path):
    # A flat picture compresses to almost nothing: far below the standard's bits per pixel.
    path = write_video(tmp_path / "datar.mp4", width=640, height=360, seconds=6, textured=False)
    report = examine(path, standard=SMALL)
    assert _statuses(report)["laju_bit"] == "gagal"
    assert "Mbps" in report.checks[2].detail


def test_a_long_video_is_measured_in_windows_not_decoded_whole(tmp_path, monkeypatch):
    from bakohumas.quality import video

    path = write_video(tmp_path / "panjang.mp4", width=160, height=120, fps=10, seconds=40, textured=False)
    decoded = []
    original = video._decode_window

    def spy(container, stream, rate, layout, start, span):
        chunks = original(container, stream, rate, layout, start, span)
        decoded.append((start, sum(c.shape[1] for c in chunks) / rate))
        return chunks

    monkeypatch.setattr(video, "_decode_window", spy)
    report = examine(path, standard=Standard(video_short_edge_warn=120, video_short_edge_fail=100, video_bpp_fail=0,
                                             video_bpp_warn=0, video_fps_warn=10, video_fps_fail=10))
    assert [round(start) for start, _seconds in decoded] == [3, 15, 27]
    assert all(seconds == pytest.approx(10, abs=0.05) for _start, seconds in decoded), decoded
    assert _statuses(report)["audio"] == "lulus", report.checks
