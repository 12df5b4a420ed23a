"""The locked dependency set (requirements.lock) is what the project asks for, and the audit script
reads pip-audit's report correctly (docs/security.md)."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[3]


def _locked() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name.strip())] = version.split()[0]
    return pins


def _audit_script():
    spec = importlib.util.spec_from_file_location("audit_deps", ROOT / "scripts" / "audit_deps.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_it_pins_every_dependency_of_the_project_within_its_range():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    locked = _locked()
    for line in wanted:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is not in requirements.lock: run `make lock`"
        assert requirement.specifier.contains(locked[name], prereleases=True), (name, locked[name])


def test_it_names_each_vulnerability_with_its_fix():
    report = {"dependencies": [
        {"name": "django", "version": "4.2.0", "vulns": [{"id": "PYSEC-2023-1", "fix_versions": ["4.2.1"]}]},
        {"name": "six", "version": "1.17.0", "vulns": []},
    ]}
    found, unchecked, checked = _audit_script().summarise(report)
    assert found == ["django 4.2.0: PYSEC-2023-1 (perbaikan: 4.2.1)"]
    assert (unchecked, checked) == ([], 2)


def test_it_never_counts_an_unchecked_package_as_clean(monkeypatch, capsys):
    script = _audit_script()
    unreachable = {"dependencies": [{"name": "django", "skip_reason": "Dependency not found on PyPI"}]}
    monkeypatch.setattr(script, "run_pip_audit", lambda lock: unreachable)
    assert script.main([]) == script.NOT_REACHED
    assert "TIDAK lengkap: 1 dari 1" in capsys.readouterr().out
    assert script.main(["--require"]) == 1
    monkeypatch.setattr(script, "run_pip_audit", lambda lock: {})  # pip-audit could not run at all
    assert script.main([]) == script.NOT_REACHED


def test_it_fails_on_a_known_vulnerability(monkeypatch, capsys):
    script = _audit_script()
    report = {"dependencies": [{"name": "django", "version": "4.2.0",
                                "vulns": [{"id": "GHSA-x", "fix_versions": []}]}]}
    monkeypatch.setattr(script, "run_pip_audit", lambda lock: report)
    assert script.main([]) == 1
    assert "RENTAN  django 4.2.0: GHSA-x (perbaikan: belum ada)" in capsys.readouterr().out
