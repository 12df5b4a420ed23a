"""`bakohumas import-posts` and `bakohumas fetch-feeds`."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from bakohumas.posts.models import Post
from bakohumas.posts.tests.conftest import SAMPLES

pytestmark = pytest.mark.django_db


def test_it_imports_a_sample_file(kediri, kediri_channels, capsys):
    call_command("import_posts", str(SAMPLES / "tiktok-user_data.json"), "--office", "3571")
    assert "2 baru" in capsys.readouterr().out and Post.objects.count() == 2


def test_it_honours_an_explicit_format(kediri, kediri_channels):
    with pytest.raises(CommandError, match="bukan ekspor Meta"):
        call_command("import_posts", str(SAMPLES / "unggahan-kanonik.csv"), "--office", "3571", "--format", "meta")
    assert not Post.objects.exists()


def test_row_errors_go_to_stderr_and_nothing_is_written(kediri, tmp_path, capsys):
    path = tmp_path / "salah.csv"
    path.write_text("platform,akun,tanggal,url,teks\ninstagram,kpukotakediri,2025-07-01,https://a.id/1,x\n"
                    "instagram,,2025-07-01,https://a.id/2,x\n")
    with pytest.raises(CommandError, match="1 kesalahan"):
        call_command("import_posts", str(path), "--office", "3571")
    assert "baris 3, kolom akun" in capsys.readouterr().err and not Post.objects.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["/tidak/ada.csv", "--office", "3571"], "tidak ditemukan"), (["x.csv", "--office", "9999"], "tidak dikenal")])
def test_bad_arguments_are_one_clear_line(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("import_posts", *args)


def test_a_bad_file_is_one_line_on_stderr_and_a_non_zero_exit(kediri, tmp_path, capsys):
    from bakohumas.posts.management.commands.import_posts import Command

    path = tmp_path / "gambar.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["bakohumas", "import_posts", str(path), "--office", "3571"])
    assert exit_info.value.code != 0
    err = capsys.readouterr().err.strip()
    assert "biner" in err and len(err.splitlines()) == 1


def test_deeply_nested_json_is_one_line_on_stderr_and_a_non_zero_exit(kediri, tmp_path, capsys):
    from bakohumas.posts.management.commands.import_posts import Command

    path = tmp_path / "user_data.json"
    path.write_bytes(b'{"Video": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["bakohumas", "import_posts", str(path), "--office", "3571"])
    assert exit_info.value.code != 0
    err = capsys.readouterr().err.strip()
    assert "bertingkat terlalu dalam" in err and len(err.splitlines()) == 1


def test_fetch_feeds_reports_each_feed(kediri, capsys, private_feeds):
    from bakohumas.posts.feeds import feed_create

    with pytest.raises(CommandError, match="Semua 1 feed gagal"):
        feed_create(office=kediri, url="http://127.0.0.1:9/rss", kind="feed", actor=None)
        call_command("fetch_feeds")
    assert "127.0.0.1:9/rss: Feed tidak dapat diambil" in capsys.readouterr().err
    call_command("fetch_feeds", "--office", "35")  # a province with no feeds: nothing to do, no error
    assert "0 dari 0 feed" in capsys.readouterr().out
