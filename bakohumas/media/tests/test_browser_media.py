"""An operator on a phone uploads a large photo (sent in chunks by static/media/upload.js, with one
chunk lost on the way and resumed) together with a small one, and sees both on the activity page.

Debian chromium through Playwright; skipped without it, a failure under CI=true."""

from __future__ import annotations

import datetime as dt

import pytest

from bakohumas.browser_testing import PHONE, logged_in_page
from bakohumas.demo import data as demo
from bakohumas.media import views, views_upload
from bakohumas.media.models import MediaFile, UploadSession
from bakohumas.media.tests.conftest import jpeg_bytes, photo_image
from bakohumas.offices.models import Office

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_large_photo_is_sent_in_chunks_and_resumed(browser, live_server, make_activity, monkeypatch, tmp_path):
    from playwright.sync_api import expect

    monkeypatch.setattr(views, "CHUNK_SIZE", 64 * 1024)
    monkeypatch.setattr(views_upload, "CHUNK_SIZE", 64 * 1024)
    demo.demo_load()
    activity = make_activity(Office.objects.get(code="3571"), dt.date(2025, 5, 2), title="Uji unggah bertahap")
    large = tmp_path / "besar.jpg"
    large.write_bytes(jpeg_bytes(photo_image(1800, 1200), quality=95))
    small = tmp_path / "kecil.jpg"
    small.write_bytes(jpeg_bytes(photo_image(400, 300, seed=4), quality=70))
    assert large.stat().st_size > 3 * 64 * 1024 > small.stat().st_size

    page = logged_in_page(browser, live_server.url, "operator.kediri", demo.PASSWORD, **PHONE)
    puts = []

    def drop_second_chunk(route, request):
        if request.method == "PUT":
            puts.append(request.headers.get("content-range"))
            if len(puts) == 2:
                return route.abort("connectionreset")
        return route.continue_()

    page.route("**/dokumentasi/unggah-bertahap/**", drop_second_chunk)
    page.goto(f"/dokumentasi/kegiatan/{activity.id}/")
    page.get_by_label("Foto dan video").set_input_files([str(large), str(small)])
    page.get_by_role("button", name="Unggah").click()
    expect(page.get_by_text("besar.jpg tersimpan.")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("kecil.jpg tersimpan.")).to_be_visible()
    assert sorted(MediaFile.objects.filter(activity=activity).values_list("original_name", flat=True)) == ["besar.jpg", "kecil.jpg"]
    assert MediaFile.objects.get(original_name="besar.jpg").size == large.stat().st_size
    assert puts[1] == puts[2]  # the lost chunk was sent again after asking the server
    assert not UploadSession.objects.exists()
    page.context.close()
