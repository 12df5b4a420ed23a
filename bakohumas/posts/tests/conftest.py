"""Posts test helpers: sample files and Kediri's channels. Imports run the real classifier."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[3] / "docs" / "samples" / "posts"


@pytest.fixture
def classify_calls(monkeypatch):
    """Records how many texts each call to the (real) classifier was given."""
    from bakohumas.posts import services

    calls: list[int] = []
    real = services.classify

    def classify(texts):
        calls.append(len(texts))
        return real(texts)

    monkeypatch.setattr(services, "classify", classify)
    return calls


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


@pytest.fixture
def kediri_channels(kediri, make_channel):
    """Kediri's accounts as the samples name them."""
    return {kind: make_channel(kediri, kind, handle, url=url) for kind, handle, url in (
        ("instagram", "@kpukotakediri", ""), ("facebook", "KPU Kota Kediri", "https://www.facebook.com/kpukotakediri"),
        ("x", "@kpukotakediri", ""), ("tiktok", "@kpukotakediri", ""), ("youtube", "KPU Kota Kediri", ""),
        ("website", "kota-kediri.kpu.go.id", "https://kota-kediri.kpu.go.id"))}


@pytest.fixture
def private_feeds(settings):
    """Feeds may be fetched from 127.0.0.1 and any port (the tests' local servers); off by default."""
    settings.POSTS_FEEDS_ALLOW_PRIVATE = True
