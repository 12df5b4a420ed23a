"""The shipped training corpus (`corpus.csv`, built by `build_corpus.py`) and its fixed held-out part."""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bakohumas.core.spreadsheet import cell_value

CORPUS_PATH = Path(__file__).resolve().parent / "corpus.csv"
HOLDOUT_SEED = 8  # issue 8
HOLDOUT_FOLDS = 5  # one fold of five: about 20 %


@dataclass(frozen=True)
class Example:
    text: str
    category: str
    note: str  # what kind of post it is ("ucapan hari besar", "campuran: ucapan + jadwal"...)
    group: str  # the template it came from ("natal-2"); the held-out part is drawn by topic ("natal")


@cache
def load_corpus(path: Path = CORPUS_PATH) -> tuple[Example, ...]:
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(Example(cell_value(row["teks"]), row["kategori"], cell_value(row["catatan"]), row["kelompok"])
                     for row in csv.DictReader(handle))


def corpus_hash(path: Path = CORPUS_PATH) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def split_corpus(examples: tuple[Example, ...] | None = None) -> tuple[list[Example], list[Example]]:
    """(training, held-out): a fixed, seeded, stratified split by template group (about 80/20)."""
    from sklearn.model_selection import StratifiedGroupKFold

    examples = load_corpus() if examples is None else examples
    labels = [example.category for example in examples]
    groups = [example.group.split("-")[0] for example in examples]  # by topic: held-out topics are unseen
    folds = StratifiedGroupKFold(n_splits=HOLDOUT_FOLDS, shuffle=True, random_state=HOLDOUT_SEED)
    train_index, test_index = next(folds.split(examples, labels, groups))
    return [examples[i] for i in train_index], [examples[i] for i in test_index]
