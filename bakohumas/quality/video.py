"""Video checks: resolution, frame rate, bit rate, duration, audio (present, and its loudness).

Read with PyAV (FFmpeg). Only the container header, the first decodable video frame and at most
`AUDIO_SECONDS` of sound (three windows of a long video) are decoded, so a one-hour recording costs about what a one-minute clip
does."""

from __future__ import annotations

import math
from typing import IO

import av
import numpy as np
from django.utils.translation import gettext as _

from bakohumas.quality.media_checks import FAIL, PASS, WARN, CheckResult, MediaReport, grade_of, invalid, num, score_of
from bakohumas.quality.standard import Standard

AUDIO_SECONDS = 30.0  # at most this much sound is decoded (see _loudness)
FRAME_PACKETS = 200  # a video whose first 200 packets hold no decodable picture is broken
MIMES = {"mp4": "video/mp4", "mov": "video/quicktime", "matroska": "video/x-matroska", "webm": "video/webm",
         "avi": "video/x-msvideo", "3gp": "video/3gpp", "mpeg": "video/mpeg"}


def examine_video(handle: IO[bytes], *, mime: str, standard: Standard) -> MediaReport:
    try:
        container = av.open(handle, mode="r", metadata_errors="ignore")
    except (av.FFmpegError, ValueError, OSError, UnicodeDecodeError):
        return invalid(_("Video rusak atau terpotong: berkas tidak dapat dibuka."), mime)
    try:
        return _examine(container, mime, standard)
    except (av.FFmpegError, ValueError, OSError, ZeroDivisionError):
        return invalid(_("Video rusak: isinya tidak dapat dibaca."), mime)
    finally:
        container.close()


def _examine(container, mime: str, standard: Standard) -> MediaReport:
    if not container.streams.video:
        return invalid(_("Berkas ini tidak berisi gambar video."), mime)
    stream = container.streams.video[0]
    width, height = stream.codec_context.width, stream.codec_context.height
    rotation = _first_frame(container, stream)
    if rotation is None:
        return invalid(_("Video rusak: tidak ada gambar yang dapat diputar."), mime)
    if rotation % 180:
        # A phone held upright stores a landscape picture plus a display rotation: report what is shown.
        width, height = height, width
    fps = _fps(stream)
    duration = _duration(container, stream)
    size = _size(container)
    bit_rate = stream.bit_rate or _total_bit_rate(container, size, duration)
    loudness: float | None = None
    has_audio = bool(container.streams.audio)
    if has_audio:
        loudness = _loudness(container, duration)
    checks = (
        _resolution_check(width, height, standard),
        _fps_check(fps, standard),
        _bit_rate_check(bit_rate, width, height, fps, standard),
        _duration_check(duration, standard),
        _audio_check(has_audio, loudness, standard),
    )
    grade = grade_of(checks)
    quality = min(1.0, min(width, height) / max(1, standard.video_short_edge_warn)) * 0.5 + (
        0.5 if not any(c.status != PASS for c in checks) else 0.25)
    fmt = container.format.name.split(",")[0]
    return MediaReport(kind="video", grade=grade, checks=checks, width=width, height=height,
                       duration=round(duration, 3) if duration else duration, mime=mime or MIMES.get(fmt, ""),
                       score=score_of(grade, quality))


def _first_frame(container, stream) -> int | None:
    """Decode one picture (a header over garbage opens fine but plays nothing): its display rotation
    in degrees, or None when nothing decodes."""
    try:
        for count, packet in enumerate(container.demux(stream)):
            for frame in packet.decode():
                return int(getattr(frame, "rotation", 0) or 0)
            if count >= FRAME_PACKETS:
                return None
        for frame in stream.codec_context.decode(None):  # flush the decoder's delay
            return int(getattr(frame, "rotation", 0) or 0)
    except av.FFmpegError:
        return None
    return None


def _fps(stream) -> float:
    rate = stream.average_rate or stream.guessed_rate or stream.base_rate
    return float(rate) if rate else 0.0


def _duration(container, stream) -> float:
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration:
        return container.duration / av.time_base
    if stream.frames and stream.average_rate:
        return stream.frames / float(stream.average_rate)
    return 0.0


def _size(container) -> int:
    try:
        return int(container.size)
    except (AttributeError, TypeError, ValueError):
        return 0


def _total_bit_rate(container, size: int, duration: float) -> int:
    if container.bit_rate:
        return int(container.bit_rate)
    return int(size * 8 / duration) if duration else 0


def _loudness(container, duration: float) -> float | None:
    """Integrated loudness (LUFS, ITU-R BS.1770 via pyloudnorm) of at most `AUDIO_SECONDS` of sound:
    all of a short video; three windows (early, middle, late) of a longer one, so a silent
    opening does not decide. -inf for silence; None when the sound cannot be decoded."""
    import pyloudnorm

    stream = container.streams.audio[0]
    rate = stream.codec_context.sample_rate or 48000
    layout = "stereo" if (stream.codec_context.channels or 1) > 1 else "mono"
    if duration <= AUDIO_SECONDS:
        windows = [(0.0, AUDIO_SECONDS)]
    else:
        span = AUDIO_SECONDS / 3
        windows = [((duration - span) * share, span) for share in (0.1, 0.5, 0.9)]
    chunks: list[np.ndarray] = []
    for start, span in windows:
        chunks.extend(_decode_window(container, stream, rate, layout, start, span))
    if not chunks:
        return None
    audio = np.concatenate(chunks, axis=1).T
    del chunks
    if audio.shape[0] < int(0.5 * rate):
        # pyloudnorm needs one 400 ms gating block; fall back to RMS (dBFS) for a very short sound.
        rms = float(np.sqrt(np.mean(audio.astype(np.float64) ** 2)))
        return 20 * math.log10(rms) if rms > 0 else float("-inf")
    meter = pyloudnorm.Meter(rate)
    return float(meter.integrated_loudness(audio if audio.shape[1] > 1 else audio[:, 0]))


def _decode_window(container, stream, rate: int, layout: str, start: float, span: float) -> list[np.ndarray]:
    """Float samples (channels × n) from `start` seconds for `span` seconds of one audio stream."""
    container.seek(int(start / stream.time_base) if start and stream.time_base else 0, stream=stream,
                   any_frame=False, backward=True)
    resampler = av.AudioResampler(format="fltp", layout=layout, rate=rate)
    chunks: list[np.ndarray] = []
    wanted = int(span * rate)
    got = 0
    try:
        for frame in container.decode(stream):
            if frame.time is not None and frame.time + frame.samples / rate < start:
                continue  # before the window (seeking lands on the packet before)
            for out in resampler.resample(frame):
                data = out.to_ndarray()[:, :wanted - got]
                chunks.append(data)
                got += data.shape[1]
            if got >= wanted:
                break
    except av.FFmpegError:
        pass  # a damaged stretch of sound: measure what decoded
    return chunks


def _resolution_check(width: int, height: int, standard: Standard) -> CheckResult:
    short = min(width, height)
    detail = _("%(w)s×%(h)s piksel") % {"w": width, "h": height}
    if short < standard.video_short_edge_fail:
        return CheckResult("resolusi", FAIL, detail + "; " + _(
            "sisi pendek minimal %(min)s piksel. Rekam ulang atau gunakan berkas asli dari kamera.")
            % {"min": standard.video_short_edge_fail})
    if short < standard.video_short_edge_warn:
        return CheckResult("resolusi", WARN, detail + "; " + _("dianjurkan minimal %(min)s piksel pada sisi pendek "
                                                               "(Full HD).") % {"min": standard.video_short_edge_warn})
    return CheckResult("resolusi", PASS, detail)


def _fps_check(fps: float, standard: Standard) -> CheckResult:
    shown = num(fps, 2 if fps % 1 else 0)
    if fps < standard.video_fps_fail:
        return CheckResult("laju_bingkai", FAIL, _("%(fps)s bingkai per detik; minimal %(min)s: gerakan akan "
                                                   "patah-patah.") % {"fps": shown, "min": num(standard.video_fps_fail, 0)})
    if fps < standard.video_fps_warn:
        return CheckResult("laju_bingkai", WARN, _("%(fps)s bingkai per detik; dianjurkan minimal %(min)s.")
                           % {"fps": shown, "min": num(standard.video_fps_warn, 0)})
    return CheckResult("laju_bingkai", PASS, _("%(fps)s bingkai per detik.") % {"fps": shown})


def _bit_rate_check(bit_rate: int, width: int, height: int, fps: float, standard: Standard) -> CheckResult:
    pixel_rate = width * height * (fps or 25.0)
    bpp = bit_rate / pixel_rate if pixel_rate else 0.0
    values = {"mbps": num(bit_rate / 1e6, 2), "bpp": num(bpp, 3)}
    measured = _("%(mbps)s Mbps (%(bpp)s bit per piksel per bingkai)") % values
    if not bit_rate:
        return CheckResult("laju_bit", WARN, _("Laju bit tidak tercatat di berkas."))
    if bpp < standard.video_bpp_fail:
        return CheckResult("laju_bit", FAIL, measured + "; " + _(
            "terlalu rendah, gambar akan pecah/kotak-kotak (minimal %(min)s). Jangan ambil video dari kiriman "
            "ulang aplikasi pesan.") % {"min": num(standard.video_bpp_fail, 3)})
    if bpp < standard.video_bpp_warn:
        return CheckResult("laju_bit", WARN, measured + "; " + _("agak rendah (dianjurkan minimal %(min)s).")
                           % {"min": num(standard.video_bpp_warn, 3)})
    return CheckResult("laju_bit", PASS, measured + ".")


def _duration_check(duration: float, standard: Standard) -> CheckResult:
    shown = _clock(duration)
    if duration < standard.video_duration_min_fail:
        return CheckResult("durasi", FAIL, _("Durasi %(d)s; terlalu pendek (minimal %(min)s detik).")
                           % {"d": shown, "min": num(standard.video_duration_min_fail, 0)})
    if duration < standard.video_duration_min_warn:
        return CheckResult("durasi", WARN, _("Durasi %(d)s; dianjurkan minimal %(min)s detik.")
                           % {"d": shown, "min": num(standard.video_duration_min_warn, 0)})
    if standard.video_duration_max_warn and duration > standard.video_duration_max_warn:
        return CheckResult("durasi", WARN, _("Durasi %(d)s; lebih dari %(max)s, potong menjadi versi pendek untuk "
                                             "media sosial.") % {"d": shown,
                                                                  "max": _clock(standard.video_duration_max_warn)})
    return CheckResult("durasi", PASS, _("Durasi %(d)s.") % {"d": shown})


def _clock(seconds: float) -> str:
    whole = int(round(seconds))
    if whole < 60:
        return _("%(s)s detik") % {"s": num(seconds, 1)}
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _audio_check(has_audio: bool, loudness: float | None, standard: Standard) -> CheckResult:
    if not has_audio:
        status = FAIL if standard.video_audio_required else WARN
        return CheckResult("audio", status, _("Video tidak memiliki suara."))
    if loudness is None:
        return CheckResult("audio", WARN, _("Suara ada, tetapi kenyaringannya tidak dapat diukur."))
    if loudness == float("-inf") or loudness < standard.video_loudness_low_fail:
        return CheckResult("audio", FAIL, _("Suara nyaris tidak terdengar (%(lufs)s LUFS; minimal %(min)s).")
                           % {"lufs": num(loudness, 1), "min": num(standard.video_loudness_low_fail, 0)})
    if loudness > standard.video_loudness_high_fail:
        return CheckResult("audio", FAIL, _("Suara terlalu keras, kemungkinan pecah (%(lufs)s LUFS; maksimal %(max)s).")
                           % {"lufs": num(loudness, 1), "max": num(standard.video_loudness_high_fail, 0)})
    if loudness < standard.video_loudness_low_warn:
        return CheckResult("audio", WARN, _("Suara pelan (%(lufs)s LUFS; dianjurkan %(min)s sampai %(max)s).")
                           % {"lufs": num(loudness, 1), "min": num(standard.video_loudness_low_warn, 0),
                              "max": num(standard.video_loudness_high_warn, 0)})
    if loudness > standard.video_loudness_high_warn:
        return CheckResult("audio", WARN, _("Suara keras (%(lufs)s LUFS; dianjurkan %(min)s sampai %(max)s).")
                           % {"lufs": num(loudness, 1), "min": num(standard.video_loudness_low_warn, 0),
                              "max": num(standard.video_loudness_high_warn, 0)})
    return CheckResult("audio", PASS, _("Suara ada, kenyaringan %(lufs)s LUFS.") % {"lufs": num(loudness, 1)})
