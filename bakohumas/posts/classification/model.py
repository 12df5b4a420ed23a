"""The trained classifier: TF-IDF over Sastrawi stems (words and word pairs) plus the rules' signals
as extra features, and a logistic regression. It settles the posts the rules leave open and names
the terms that weighed most."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .rules import INFORMASI, SEREMONIAL, Signals

# The rules' findings become pseudo-words, so the model can weigh "a greeting formula is present"
# against the rest of the text. They are never named in a reason.
_SIGNAL_WORDS = ("zzucapan", "zzinfo", "zzinfolemah")
CORRECTION_WEIGHT = 5.0
# Function words and the words every office's name has: they carry no class, and would otherwise
# turn up as "deciding terms" in a reason ('ini', 'adalah', 'kota'). Stems, like the documents.
STOP_WORDS = frozenset("""
ada adalah agar akan anda antara atas atau bagi bahwa baik bapak beliau beserta bisa dalam dan dapat
dari demikian dengan di dia ibu ia ini itu juga ka kab kabupaten kali kami kamu kan karena ke kita kota
kpu lagi lalu maka masih mereka namun nya oleh pada para provinsi pun saat saja sampai sebagai secara
sedang sehingga sekaligus semua serta setiap sudah supaya tahun telah tentang terhadap tersebut untuk
yaitu yang
""".split())


def model_document(stems: list[str], signals: Signals | None) -> str:
    words = " ".join(stems)
    if signals is None:
        return words
    extra = []
    if signals.ceremonial:
        extra.append("zzucapan")
    if signals.information:
        extra.append("zzinfo")
    if signals.weak:
        extra.append("zzinfolemah")
    return f"{words} {' '.join(extra)}" if extra else words


@dataclass
class TrainedModel:
    vectorizer: object
    classifier: object
    feature_names: np.ndarray
    coefficients: np.ndarray  # positive: seremonial
    positive_class: str

    def predict(self, documents: Sequence[str]) -> list[tuple[str, list[str]]]:
        """(category, up to three deciding terms) per document."""
        if not documents:
            return []
        matrix = self.vectorizer.transform(documents).tocsr()  # type: ignore[attr-defined]
        scores = matrix @ self.coefficients + self.classifier.intercept_[0]  # type: ignore[attr-defined]
        results: list[tuple[str, list[str]]] = []
        indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
        for row, score in enumerate(scores):
            cols = indices[indptr[row]:indptr[row + 1]]
            if not len(cols):  # nothing the model knows: no evidence of a greeting
                results.append((INFORMASI, []))
                continue
            category = SEREMONIAL if score > 0 else INFORMASI
            contributions = data[indptr[row]:indptr[row + 1]] * self.coefficients[cols]
            if score <= 0:
                contributions = -contributions
            order = np.argsort(-contributions)
            terms = [str(self.feature_names[cols[i]]) for i in order[:6] if contributions[i] > 0]
            terms = [term for term in terms if not any(word in _SIGNAL_WORDS for word in term.split())][:3]
            results.append((category, terms))
        return results


def train(documents: Sequence[str], labels: Sequence[str], weights: Sequence[float]) -> TrainedModel:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(token_pattern=r"[^ ]+", ngram_range=(1, 2), sublinear_tf=True, min_df=1,
                                 lowercase=False, stop_words=list(STOP_WORDS), dtype=np.float32)
    matrix = vectorizer.fit_transform(documents)
    target = np.array([1 if label == SEREMONIAL else 0 for label in labels])
    classifier = LogisticRegression(C=8.0, class_weight="balanced", max_iter=2000, solver="liblinear")
    classifier.fit(matrix, target, sample_weight=np.asarray(weights, dtype=float))
    return TrainedModel(vectorizer=vectorizer, classifier=classifier,
                        feature_names=vectorizer.get_feature_names_out(),
                        coefficients=classifier.coef_[0].astype(np.float32), positive_class=SEREMONIAL)
