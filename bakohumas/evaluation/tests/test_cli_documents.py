"""`bakohumas evaluate --format xlsx|pdf|pptx|docx --output FILE`: writes the file atomically and
refuses a binary format without --output."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

MAGIC = {"pdf": b"%PDF", "xlsx": b"PK", "docx": b"PK", "pptx": b"PK"}


def test_it_writes_each_document_format(make_report, tmp_path):
    make_report("3571", "2025Q2")
    for fmt, magic in MAGIC.items():
        target = tmp_path / f"evaluasi.{fmt}"
        call_command("evaluate", "--period", "2025Q2", "--region", "35", "--format", fmt, "--output", str(target))
        assert target.read_bytes().startswith(magic)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"evaluasi.{fmt}" for fmt in MAGIC)


def test_it_refuses_a_binary_format_without_output(make_report, capsys):
    make_report("3571", "2025Q2")
    with pytest.raises(CommandError, match="--output"):
        call_command("evaluate", "--period", "2025Q2", "--region", "35", "--format", "pdf")
    assert capsys.readouterr().out == ""


def test_it_leaves_nothing_half_written_on_error(make_report, tmp_path, monkeypatch):
    from bakohumas.evaluation.documents import xlsx

    make_report("3571", "2025Q2")
    target = tmp_path / "evaluasi.xlsx"
    target.write_bytes(b"old")

    def broken(report, progress):
        raise RuntimeError("disk full")

    monkeypatch.setattr(xlsx, "render", broken)
    with pytest.raises(RuntimeError):
        call_command("evaluate", "--period", "2025Q2", "--region", "35", "--format", "xlsx", "--output", str(target))
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["evaluasi.xlsx"]


def test_it_refuses_a_regency_scope_in_one_line(make_report, tmp_path):
    make_report("3571", "2025Q2")
    with pytest.raises(CommandError, match="Kabupaten/Kota"):
        call_command("evaluate", "--period", "2025Q2", "--region", "3571", "--format", "docx",
                     "--output", str(tmp_path / "x.docx"))
