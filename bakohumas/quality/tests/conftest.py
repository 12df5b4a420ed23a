"""Generated test media: a synthetic scene (shapes on gradients) that can be blurred, darkened,
noised or shrunk, and small videos written with PyAV."""

from __future__ import annotations

import functools
import io
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image, ImageFilter


@functools.lru_cache(maxsize=8)
def scene(width: int = 1600, height: int = 1200, seed: int = 1) -> np.ndarray:
    """An RGB picture with hard edges (discs) over smooth gradients, mid exposure (read-only, cached)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width]
    grey = (110 + 50 * np.sin(x / 120) + 30 * np.cos(y / 80)).astype(np.float32)
    for _ in range(60):
        cx, cy, r = rng.integers(0, width), rng.integers(0, height), rng.integers(height // 60, height // 8)
        grey[(x - cx) ** 2 + (y - cy) ** 2 < r * r] = rng.integers(30, 220)
    picture = np.stack([grey, grey * 0.92, grey * 1.04], -1).clip(0, 255).astype(np.uint8)
    picture.flags.writeable = False
    return picture


def jpeg(array: np.ndarray, *, blur: float = 0, exif_orientation: int | None = None, quality: int = 92) -> bytes:
    image = Image.fromarray(array)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    out = io.BytesIO()
    kwargs = {}
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        kwargs["exif"] = exif.tobytes()
    image.save(out, "JPEG", quality=quality, **kwargs)
    return out.getvalue()


def png(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    Image.fromarray(array).save(out, "PNG")
    return out.getvalue()


def noisy(array: np.ndarray, sigma: float, seed: int = 2) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return (array.astype(np.float32) + rng.normal(0, sigma, array.shape)).clip(0, 255).astype(np.uint8)


def write_video(path: Path, *, width: int = 1280, height: int = 720, fps: int = 25, seconds: float = 6,
                audio: bool = True, amplitude: float = 0.1, textured: bool = True) -> Path:
    """An H.264 MP4 (with AAC sound of a 440 Hz tone at `amplitude` if `audio`). `textured` frames
    carry noise so the encoder spends a realistic bit rate on them."""
    rng = np.random.default_rng(3)
    container = av.open(str(path), "w")
    video = container.add_stream("libx264", rate=fps)
    video.width, video.height, video.pix_fmt = width, height, "yuv420p"
    video.options = {"preset": "ultrafast"}
    sound = None
    if audio:
        sound = container.add_stream("aac", rate=48000)
        sound.layout = "stereo"
    base = rng.integers(0, 255, (height, width, 3), dtype=np.uint8) if textured else np.zeros(
        (height, width, 3), np.uint8)
    for i in range(int(fps * seconds)):
        frame = np.roll(base, i * 4, axis=1)
        for packet in video.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")):
            container.mux(packet)
    for packet in video.encode():
        container.mux(packet)
    if sound is not None:
        t = np.arange(int(48000 * seconds)) / 48000
        tone = (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        stereo = np.stack([tone, tone])
        for start in range(0, stereo.shape[1], 1024):
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(stereo[:, start:start + 1024]), format="fltp",
                                               layout="stereo")
            frame.sample_rate, frame.pts = 48000, start
            for packet in sound.encode(frame):
                container.mux(packet)
        for packet in sound.encode():
            container.mux(packet)
    container.close()
    return path


@pytest.fixture
def sharp_scene() -> np.ndarray:
    return scene()
