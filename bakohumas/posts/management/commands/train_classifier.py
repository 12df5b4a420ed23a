"""`bakohumas train-classifier [--evaluate] [--errors]`: train the post classifier from the shipped
corpus and the staff corrections and say what went in; with `--evaluate`, the precision and recall
per class on the corpus' fixed held-out part and on the hand-written challenge set (rules only,
model only, rules + model) as markdown: the tables in docs/posts-classification.md.

The model lives in each process (it trains in about a second at first use), so this command does not
change what a running server uses; a server picks corrections up through `retrain()` /
`retrain_if_stale()` (docs/posts-classification.md).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Latih pengklasifikasi unggahan dari korpus dan koreksi staf; --evaluate menampilkan presisi dan "
            "recall per kelas pada bagian uji korpus.")
    requires_system_checks: list[str] = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("--evaluate", action="store_true", help="presisi dan recall pada bagian uji")
        parser.add_argument("--errors", action="store_true", help="dengan --evaluate: tampilkan salah klasifikasi")

    def handle(self, *args, evaluate: bool, errors: bool, **options) -> None:
        from bakohumas.posts.classification import retrain

        report = retrain()
        corrections = (f"{report.corrections} koreksi staf" if report.corrections_available
                       else "koreksi staf tidak terbaca (basis data tidak tersedia)")
        self.stdout.write(f"Model dilatih dalam {report.seconds:.2f} detik: korpus {report.corpus_rows} baris "
                          f"(sha256 {report.corpus_sha256[:12]}), {corrections}; {report.informasi} informasi, "
                          f"{report.seremonial} seremonial.")
        if evaluate:
            from bakohumas.posts.classification.evaluation import evaluate as run, markdown

            for challenge, title in ((False, "Held-out part of the corpus"), (True, "Challenge set (challenge.csv)")):
                result = run(challenge=challenge)
                self.stdout.write("")
                self.stdout.write(markdown(result, title))
                if errors:
                    for text, expected, predicted, reason in result.errors:
                        self.stdout.write(f"- seharusnya {expected}, hasil {predicted}: {text!r} ({reason})")
