"""`bakohumas check-media`: the contract's JSON, and exit codes (0 whenever files were examined)."""

from __future__ import annotations

import json

import pytest

from bakohumas.cli import main
from bakohumas.quality.tests.conftest import jpeg, scene

pytestmark = pytest.mark.django_db


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "rapat.jpg"
    good.write_bytes(jpeg(scene()))
    fake = tmp_path / "palsu.jpg"
    fake.write_text("bukan gambar")
    return good, fake


def _run(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(["bakohumas", "check-media", *args])
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_it_prints_the_contract_json(capsys, files, tmp_path):
    good, fake = files
    missing = str(tmp_path / "hilang.mp4")
    code, out, _err = _run(capsys, str(good), str(fake), missing, "--format", "json")
    assert code == 0
    entries = json.loads(out)
    assert [e["file"] for e in entries] == [str(good), str(fake), missing]
    for entry in entries:
        assert list(entry) == ["file", "kind", "grade", "checks"]
        for check in entry["checks"]:
            assert list(check) == ["code", "status", "detail"]
            assert check["status"] in ("lulus", "peringatan", "gagal")
    assert entries[0]["kind"] == "photo" and entries[0]["grade"] == "baik"
    assert [c["code"] for c in entries[0]["checks"]] == ["resolusi", "ketajaman", "pencahayaan", "orientasi", "derau"]
    assert entries[0]["checks"][0]["detail"] == "1600×1200 piksel"
    assert entries[1] == {"file": str(fake), "kind": "invalid", "grade": "tidak_layak", "checks": [
        {"code": "berkas", "status": "gagal", "detail": entries[1]["checks"][0]["detail"]}]}
    assert entries[2]["kind"] == "invalid" and "tidak ditemukan" in entries[2]["checks"][0]["detail"]


def test_the_text_format_is_for_people(capsys, files):
    code, out, _err = _run(capsys, str(files[0]))
    assert code == 0
    assert out.startswith(f"{files[0]}: photo, nilai baik")
    assert "✓ ketajaman:" in out


def test_it_uses_the_national_standard(capsys, files, national):
    from bakohumas.quality.services import standard_update

    standard_update(actor=national, data={"photo_short_edge_warn": 3000, "photo_short_edge_fail": 2000})
    code, out, _err = _run(capsys, str(files[0]), "--format", "json")
    assert code == 0
    assert json.loads(out)[0]["checks"][0]["status"] == "gagal"


@pytest.mark.parametrize("args", [[], ["--format", "xml", "x.jpg"]])
def test_usage_errors_exit_non_zero(capsys, args):
    code, out, err = _run(capsys, *args)
    assert code != 0
    assert out == ""
    assert err


def test_a_folder_is_named_in_indonesian(capsys, tmp_path):
    folder = tmp_path / "foto-kegiatan"
    folder.mkdir()
    code, out, _err = _run(capsys, str(folder), "--format", "json")
    assert code == 0
    entry = json.loads(out)[0]
    assert entry["kind"] == "invalid"
    assert entry["checks"][0]["detail"] == "Ini folder, bukan berkas."
    assert "directory" not in out.lower()
