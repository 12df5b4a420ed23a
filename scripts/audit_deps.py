"""Known vulnerabilities in the locked dependencies (requirements.lock), through pip-audit.

Exit 0: every locked package was checked and none has a known vulnerability.
Exit 1: a known vulnerability (each one is named with the version that fixes it).
Exit 3: the vulnerability service could not be reached, so some packages were not checked; this
is said plainly and is not a pass. With --require (or BAKOHUMAS_AUDIT_REQUIRED=true) it exits 1.

Accept a vulnerability only with a reason: `--ignore-vuln ID` in IGNORED below, with a comment.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ID -> why it does not apply to Bakohumas. Empty: nothing is accepted.
IGNORED: dict[str, str] = {}
NOT_REACHED = 3


def run_pip_audit(lock: Path) -> dict:
    """pip-audit's JSON report for the pinned requirements; {} when it could not run at all."""
    command = [sys.executable, "-m", "pip_audit", "--requirement", str(lock), "--no-deps", "--disable-pip",
               "--format", "json", "--progress-spinner", "off", "--vulnerability-service", "pypi"]
    for vuln_id in IGNORED:
        command += ["--ignore-vuln", vuln_id]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        return json.loads(result.stdout or "{}")
    except json.JSONDecodeError:
        return {}


def summarise(report: dict) -> tuple[list[str], list[str], int]:
    """(vulnerabilities, packages not checked, packages checked) from pip-audit's JSON report."""
    found, unchecked, checked = [], [], 0
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            unchecked.append(dependency["name"])
            continue
        checked += 1
        for vuln in dependency.get("vulns", []):
            fix = ", ".join(vuln.get("fix_versions", [])) or "belum ada"
            found.append(f"{dependency['name']} {dependency['version']}: {vuln['id']} (perbaikan: {fix})")
    return found, unchecked, checked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=Path, default=ROOT / "requirements.lock")
    parser.add_argument("--require", action="store_true",
                        default=os.environ.get("BAKOHUMAS_AUDIT_REQUIRED", "").lower() in {"1", "true", "yes"},
                        help="gagal bila ada paket yang tidak dapat diperiksa")
    args = parser.parse_args(argv)
    if not args.lock.is_file():
        print(f"Berkas kunci dependensi tidak ada: {args.lock}", file=sys.stderr)
        return 2
    found, unchecked, checked = summarise(run_pip_audit(args.lock))
    for line in found:
        print(f"RENTAN  {line}")
    if found:
        print(f"{len(found)} kerentanan diketahui pada dependensi terkunci. Naikkan versinya (make lock).")
        return 1
    if unchecked or not checked:
        total = len(unchecked) + checked
        print(f"Audit kerentanan TIDAK lengkap: {len(unchecked)} dari {total} paket tidak dapat diperiksa "
              "(layanan kerentanan PyPI tidak terjangkau dari mesin ini).")
        return 1 if args.require else NOT_REACHED
    print(f"Audit kerentanan: {checked} paket terkunci diperiksa, tidak ada kerentanan yang diketahui.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
