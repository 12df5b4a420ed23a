"""Classification of posts as `informasi` or `seremonial`, with a one-sentence Indonesian reason
(contract: `../shared/formats/posts.md`, section Classification; developer notes:
`docs/posts-classification.md`).

Transparent rules decide the clear cases (`rules.py`); a logistic regression over Sastrawi stems
settles the rest (`model.py`). The model is trained in-process at first use from the shipped corpus
(`corpus.csv`) plus the staff corrections in the database (`Post.category_source == "staf"`),
and `retrain()` replaces it after new corrections.

    classify_texts(["Selamat Hari Raya Idul Fitri ...", ...]) -> [Classification(...), ...]
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from . import text as _text
from .corpus import corpus_hash, load_corpus
from .model import CORRECTION_WEIGHT, TrainedModel, model_document, train
from .rules import INFORMASI, SEREMONIAL, decide, find_signals

logger = logging.getLogger(__name__)

SOURCE_RULES = "aturan"
SOURCE_MODEL = "model"
CATEGORIES = (INFORMASI, SEREMONIAL)


@dataclass(frozen=True)
class Classification:
    category: str  # "informasi" | "seremonial"
    reason: str  # one short Indonesian sentence naming what decided it
    source: str  # "aturan" | "model"


@dataclass(frozen=True)
class TrainingReport:
    corpus_rows: int
    corpus_sha256: str
    corrections: int  # staff corrections used (one per distinct text, the latest wins)
    corrections_available: bool  # False when the database could not be read (corpus-only model)
    informasi: int  # training rows per class, corrections included
    seremonial: int
    seconds: float


@dataclass
class _State:
    model: TrainedModel
    corrected: dict[str, str]  # normalised text -> the staff's category
    report: TrainingReport
    fingerprint: tuple | None = None  # of the corrections it was trained on (see retrain_if_stale)


_state: _State | None = None
_lock = threading.Lock()


def _staff_corrections() -> tuple[list[tuple[str, str]], bool]:
    """(text, category) of every staff-corrected post, latest correction last; ([], False) without a database."""
    try:
        from django.db import DatabaseError

        from bakohumas.posts.models import Post
    except Exception:  # Django not configured: a plain script
        return [], False
    try:
        rows = list(Post.objects.filter(category_source=Post.CategorySource.STAFF)
                    .order_by("corrected_at", "updated_at").values_list("text", "category"))
    except (DatabaseError, RuntimeError) as exc:  # unmigrated / unreachable / access blocked in a test
        logger.warning("Koreksi staf tidak terbaca (%s); model dilatih dari korpus saja.", exc)
        return [], False
    return rows, True


def _corrections_fingerprint() -> tuple | None:
    """(number, latest corrected_at, latest updated_at) of the staff corrections; None without a database."""
    try:
        from django.db import DatabaseError
        from django.db.models import Count, Max

        from bakohumas.posts.models import Post
    except Exception:
        return None
    try:
        row = Post.objects.filter(category_source=Post.CategorySource.STAFF).aggregate(
            n=Count("id"), corrected=Max("corrected_at"), updated=Max("updated_at"))
    except (DatabaseError, RuntimeError):
        return None
    return (row["n"], row["corrected"], row["updated"])


def _documents(texts: Sequence[str]) -> tuple[list[str], list[list[str]], list[list[str]]]:
    normalised = [_text.normalise(t) for t in texts]
    token_lists = [_text.tokens(n) for n in normalised]
    return normalised, token_lists, _text.stem_tokens(token_lists)


def train_model(examples: Sequence[tuple[str, str, float]]) -> TrainedModel:
    """A model from (text, category, weight) rows."""
    texts = [row[0] for row in examples]
    normalised, token_lists, stem_lists = _documents(texts)
    documents = [model_document(stems, find_signals(norm, toks, stems))
                 for norm, toks, stems in zip(normalised, token_lists, stem_lists, strict=True)]
    return train(documents, [row[1] for row in examples], [row[2] for row in examples])


def retrain(*, include_corrections: bool = True) -> TrainingReport:
    """Train again from the shipped corpus and the staff corrections, and replace the in-process model.

    A corrected text replaces any corpus row with the same text and weighs CORRECTION_WEIGHT times a
    corpus row. Without a readable database the model is trained from the corpus alone
    (`corrections_available=False`)."""
    global _state
    started = time.perf_counter()
    corpus = load_corpus()
    fingerprint = _corrections_fingerprint() if include_corrections else None
    corrections, available = _staff_corrections() if include_corrections else ([], False)
    corrected: dict[str, str] = {}
    for text_value, category in corrections:
        if category in CATEGORIES and text_value.strip():
            corrected[_text.normalise(text_value)] = category
    rows = [(ex.text, ex.category, 1.0) for ex in corpus if _text.normalise(ex.text) not in corrected]
    rows += [(text_value, category, CORRECTION_WEIGHT) for text_value, category in corrected.items()]
    model = train_model(rows)
    report = TrainingReport(
        corpus_rows=len(corpus), corpus_sha256=corpus_hash(), corrections=len(corrected),
        corrections_available=available,
        informasi=sum(1 for row in rows if row[1] == INFORMASI),
        seremonial=sum(1 for row in rows if row[1] == SEREMONIAL),
        seconds=round(time.perf_counter() - started, 3))
    with _lock:
        _state = _State(model=model, corrected=corrected, report=report, fingerprint=fingerprint)
    return report


def retrain_if_stale() -> TrainingReport | None:
    """Retrain when the staff corrections in the database changed since this process trained (another
    worker took a correction); one aggregate query. Returns the new report, or None if nothing changed.
    Call it before classifying an import; a correction's own service calls `retrain()` directly."""
    state = _state
    if state is None:
        return retrain()
    fingerprint = _corrections_fingerprint()
    if fingerprint is None or fingerprint == state.fingerprint:
        return None
    return retrain()


def _current() -> _State:
    state = _state
    if state is None:
        retrain()
        state = _state
    assert state is not None
    return state


def current_report() -> TrainingReport:
    return _current().report


def classify_texts(texts: Sequence[str], *, use_rules: bool = True, use_model: bool = True) -> list[Classification]:
    """Classify many texts at once (tokens are stemmed once per batch and cached across batches).

    `use_rules`/`use_model` exist for the evaluation (rules only, model only); callers leave them."""
    state = _current()
    normalised, token_lists, stem_lists = _documents(texts)
    results: list[Classification | None] = [None] * len(normalised)
    pending: list[int] = []
    documents: list[str] = []
    for i, (norm, toks, stems) in enumerate(zip(normalised, token_lists, stem_lists, strict=True)):
        staff = state.corrected.get(norm)
        if staff is not None and use_model:
            results[i] = Classification(staff, f"Teks sama dengan unggahan yang telah dikoreksi staf menjadi {staff}.",
                                        SOURCE_MODEL)
            continue
        if not toks:
            results[i] = Classification(INFORMASI, "Teks kosong; dianggap informasi sampai diperiksa staf.",
                                        SOURCE_RULES)
            continue
        signals = find_signals(norm, toks, stems)
        if use_rules:
            decision = decide(signals)
            if decision is not None:
                results[i] = Classification(decision.category, decision.reason, SOURCE_RULES)
                continue
        if not use_model:  # rules only: what they leave open counts as informasi (the safe default)
            results[i] = Classification(INFORMASI, "Aturan tidak menemukan ucapan yang jelas.", SOURCE_RULES)
            continue
        pending.append(i)
        documents.append(model_document(stems, signals))
    for i, (category, terms) in zip(pending, state.model.predict(documents), strict=True):
        if not terms and category == INFORMASI:
            reason = "Tidak ada ucapan atau kata yang dikenali; dianggap informasi."
        elif terms:
            quoted = ", ".join(f"'{term}'" for term in terms)
            reason = f"Model menilai {category}; kata penentu: {quoted}."
        else:
            reason = f"Model menilai {category} tanpa kata penentu yang menonjol."
        results[i] = Classification(category, reason, SOURCE_MODEL)
    return [r for r in results if r is not None]


def classify_text(text: str) -> Classification:
    return classify_texts([text])[0]


__all__ = ["Classification", "TrainingReport", "classify_text", "classify_texts", "current_report", "retrain",
           "retrain_if_stale"]
