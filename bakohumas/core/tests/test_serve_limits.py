"""Requests too big for gunicorn get an Indonesian page, not gunicorn's bare "URI Too Long"."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from bakohumas.core.gunicorn_worker import LIMIT_REQUEST_LINE, too_large_response
from bakohumas.faketime_testing import needs_timed_waits


def test_the_414_response_is_a_whole_indonesian_page():
    response = too_large_response(414)
    head, _, body = response.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 414 URI Too Long\r\n")
    assert f"Content-Length: {len(body)}".encode() in head
    text = body.decode()
    assert "Alamat terlalu panjang" in text and "200 karakter" in text and 'lang="id"' in text


def test_the_431_response_explains_the_cookies():
    response = too_large_response(431)
    assert response.startswith(b"HTTP/1.1 431 ") and "cookie" in response.decode()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = _free_port()
    env = {**os.environ, "BAKOHUMAS_DATA_DIR": str(tmp_path), "LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-c", "from bakohumas.cli import main; main()", "serve", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--threads", "1"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.3)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _status_and_body(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@needs_timed_waits  # gunicorn's thread worker waits on its futures with a timeout
def test_bakohumas_serve_answers_a_10000_character_search_in_indonesian(server):
    status, body = _status_and_body(f"{server}/perpustakaan/opac/?q=" + "a" * 10_000)
    assert status == 414
    assert "Alamat terlalu panjang" in body and "URI Too Long" not in body
    status, _ = _status_and_body(f"{server}/perpustakaan/opac/?q=" + "a" * (LIMIT_REQUEST_LINE - 100))
    assert status != 414  # gunicorn's maximum line, not its default 4094, reaches Django
