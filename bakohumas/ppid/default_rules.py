"""The rule sets of the PPID deadline contract, seeded once (idempotently) after migrate."""

from __future__ import annotations

from django.db import transaction

# code: (name, legal basis, notice, extension, objection filed within (None = UU KIP's 30), answered within)
RULE_SETS = {
    "uu_kip": ("Setiap permohonan (UU KIP)",
               "UU 14/2008 Pasal 22, 35, 36; PKPU 22/2023 jo. PKPU 11/2024 dan PKPU 4/2025; Perki 1/2021",
               10, 7, 30, 30),
    "pemilu": ("Informasi kepemiluan pada tahapan pemilu",
               "Perki 1/2019 tentang Standar Layanan dan Prosedur Penyelesaian Sengketa Informasi Pemilu",
               3, 2, None, 3),
}


@transaction.atomic
def rule_sets_load_default() -> int:
    """Create version 1 of each rule set that has no version yet; returns how many were created."""
    from bakohumas.ppid.models import RuleSet

    created = 0
    for code, (name, basis, notice, extension, filing, answer) in RULE_SETS.items():
        if RuleSet.objects.filter(code=code).exists():
            continue
        RuleSet.objects.create(code=code, version=1, name=name, legal_basis=basis, notice_days=notice,
                               extension_days=extension, objection_filing_days=filing,
                               objection_answer_days=answer, completion_days=3, is_active=True)
        created += 1
    return created


def load_default_rule_sets_after_migrate(sender, using="default", **kwargs) -> None:
    from django.db import connections

    if "ppid_ruleset" not in connections[using].introspection.table_names():
        return
    rule_sets_load_default()
