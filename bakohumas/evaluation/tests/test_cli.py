import json

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_evaluate_prints_contract_json(make_report, capsys):
    make_report("3571", "2025Q2", wa_bakohumas_eksternal=1)
    call_command("evaluate", "--period", "2025Q2", "--region", "35", "--format", "json")
    data = json.loads(capsys.readouterr().out)
    assert data["region"] == {"code": "35", "name": "Jawa Timur"} and data["units"]["reported"] == 1


def test_evaluate_prints_a_table_for_the_nation(make_report, capsys, tmp_path):
    make_report("3571", "2025Q2")
    call_command("evaluate", "--period", "2025Q2", "--format", "table", "--missing-rule", "count_as_not_met")
    out = capsys.readouterr().out
    assert "Indonesia (ID)" in out and "Temuan:" in out
    target = tmp_path / "eval.json"
    call_command("evaluate", "--period", "2025Q2", "--format", "json", "--output", str(target))
    assert json.loads(target.read_text())["units"]["expected"] == 514


def test_load_demo_prints_the_accounts(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "operator.kediri" in out and "evaluator.jatim" in out and "kata sandi" in out
