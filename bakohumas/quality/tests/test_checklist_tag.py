"""The shared checklist other pages use to show media and article results."""

from __future__ import annotations

from django.template import Context, Template

from bakohumas.quality.article_checks import ArticleCheck
from bakohumas.quality.media_checks import CheckResult


def _render(checks, grade="") -> str:
    return Template("{% load quality %}{% quality_checklist checks grade %}").render(
        Context({"checks": checks, "grade": grade}))


def test_it_renders_media_results_with_the_grade():
    html = _render((CheckResult("ketajaman", "gagal", "Foto kabur."), CheckResult("resolusi", "lulus", "4000×3000 piksel")),
                   "tidak_layak")
    assert 'class="badge grade-tidak_layak">tidak layak<' in html
    assert 'class="quality-gagal"' in html and "<strong>Ketajaman</strong>" in html and "Foto kabur." in html
    assert "✓" in html and "✗" in html


def test_it_renders_article_checks_and_dicts():
    html = _render([ArticleCheck("kutipan", "peringatan", "Belum ada kutipan."),
                    {"code": "foto", "status": "lulus", "detail": "Ada foto."}])
    assert "Kutipan narasumber" in html and "Foto dan keterangannya" in html
    assert "quality-grade" not in html
