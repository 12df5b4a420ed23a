"""The news article checks of a draft, from `quality.article_checks` (another app owns the rules):
website news and press releases get them, a social media caption does not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bakohumas.publications.models import ARTICLE_KINDS

PASS, WARN, FAIL = "lulus", "peringatan", "gagal"


@dataclass(frozen=True)
class ChecklistSummary:
    checks: list[Any]  # quality.article_checks.ArticleCheck: code, status, detail

    @property
    def failed(self) -> int:
        return sum(1 for c in self.checks if c.status == FAIL)

    @property
    def warned(self) -> int:
        return sum(1 for c in self.checks if c.status == WARN)

    @property
    def passed(self) -> int:
        return sum(1 for c in self.checks if c.status == PASS)


def article_checklist(*, kind: str, title: str, lead: str, body: str,
                      photo_caption: str | None) -> ChecklistSummary | None:
    """The checklist for an article draft; None for a kind that is not an article."""
    if kind not in ARTICLE_KINDS:
        return None
    from bakohumas.quality.article_checks import check_article

    return ChecklistSummary(check_article(kind=kind, title=title or "", lead=lead or "", body=body or "",
                                          photo_caption=photo_caption))
