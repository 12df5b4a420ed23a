"""Precision and recall per class, for the rules alone, the model alone and rules + model (what ships):

* on the fixed held-out part of the corpus (about 20 %, whole topics held out), the model trained on
  the other part only;
* on `challenge.csv`, 57 posts written one by one (not from the corpus templates), the model trained
  on the whole corpus.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

from . import _State, classify_texts, train_model
from . import corpus as _corpus
from .rules import INFORMASI, SEREMONIAL


@dataclass(frozen=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Evaluation:
    training_rows: int
    heldout_rows: int
    scores: dict[str, dict[str, ClassScores]]  # mode -> class -> scores
    accuracy: dict[str, float]
    rules_decided: float  # share of held-out rows the rules settle on their own
    errors: list[tuple[str, str, str, str]]  # (text, expected, predicted, reason), rules + model


CHALLENGE_PATH = Path(__file__).resolve().parent / "challenge.csv"
MODES = {"aturan saja": (True, False), "model saja": (False, True), "aturan + model": (True, True)}


def _scores(expected: list[str], predicted: list[str], label: str) -> ClassScores:
    tp = sum(1 for e, p in zip(expected, predicted, strict=True) if e == p == label)
    fp = sum(1 for e, p in zip(expected, predicted, strict=True) if p == label and e != label)
    fn = sum(1 for e, p in zip(expected, predicted, strict=True) if e == label and p != label)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClassScores(round(precision, 3), round(recall, 3), round(f1, 3), tp + fn)


def evaluate(*, challenge: bool = False) -> Evaluation:
    """Train on the training part, classify the held-out part in the three modes (or, with `challenge`,
    train on the whole corpus and classify challenge.csv). The in-process model is swapped for the
    evaluation and put back afterwards."""
    import bakohumas.posts.classification as package

    if challenge:
        training = list(_corpus.load_corpus())
        with CHALLENGE_PATH.open(encoding="utf-8", newline="") as handle:
            heldout = [_corpus.Example(row["teks"], row["kategori"], row["catatan"], "tantangan")
                       for row in csv.DictReader(handle)]
    else:
        training, heldout = _corpus.split_corpus()
    model = train_model([(ex.text, ex.category, 1.0) for ex in training])
    previous = package._state
    package._state = _State(model=model, corrected={}, report=package.TrainingReport(
        corpus_rows=len(training), corpus_sha256="", corrections=0, corrections_available=False,
        informasi=0, seremonial=0, seconds=0.0))
    try:
        texts = [ex.text for ex in heldout]
        expected = [ex.category for ex in heldout]
        scores: dict[str, dict[str, ClassScores]] = {}
        accuracy: dict[str, float] = {}
        errors: list[tuple[str, str, str, str]] = []
        rules_decided = 0.0
        for mode, (use_rules, use_model) in MODES.items():
            results = classify_texts(texts, use_rules=use_rules, use_model=use_model)
            predicted = [r.category for r in results]
            scores[mode] = {label: _scores(expected, predicted, label) for label in (INFORMASI, SEREMONIAL)}
            accuracy[mode] = round(sum(e == p for e, p in zip(expected, predicted, strict=True)) / len(texts), 3)
            if use_rules and use_model:
                rules_decided = round(sum(r.source == "aturan" for r in results) / len(texts), 3)
                errors = [(t, e, r.category, r.reason) for t, e, r in zip(texts, expected, results, strict=True)
                          if e != r.category]
    finally:
        package._state = previous
    return Evaluation(len(training), len(heldout), scores, accuracy, rules_decided, errors)


def markdown(evaluation: Evaluation, title: str = "Held-out part") -> str:
    lines = [f"{title}: {evaluation.heldout_rows} rows (model trained on {evaluation.training_rows} corpus rows); "
             f"the rules settle {evaluation.rules_decided:.0%} of it on their own.", "",
             "| mode | class | precision | recall | F1 | support |", "|---|---|---:|---:|---:|---:|"]
    for mode, per_class in evaluation.scores.items():
        for label, s in per_class.items():
            lines.append(f"| {mode} | {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.support} |")
    lines.append("")
    lines.append("| mode | accuracy |")
    lines.append("|---|---:|")
    for mode, value in evaluation.accuracy.items():
        lines.append(f"| {mode} | {value:.3f} |")
    return "\n".join(lines)


def timed_evaluate() -> tuple[Evaluation, float]:
    started = time.perf_counter()
    result = evaluate()
    return result, time.perf_counter() - started
