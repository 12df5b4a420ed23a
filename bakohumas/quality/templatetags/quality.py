"""Labels for quality results in templates: `{{ check.code|check_label }}`, `{{ report.grade|grade_label }}`,
`{{ check.status|status_label }}`; and `{% quality_checklist checks grade %}` for the shared checklist."""

from __future__ import annotations

from django import template

from bakohumas.quality.labels import CHECK_LABELS, GRADE_LABELS, STATUS_LABELS, STATUS_MARKS

register = template.Library()


@register.filter
def check_label(code: str) -> str:
    return str(CHECK_LABELS.get(code, code))


@register.filter
def grade_label(grade: str) -> str:
    return str(GRADE_LABELS.get(grade, grade))


@register.filter
def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


@register.inclusion_tag("quality/_checklist.html")
def quality_checklist(checks, grade: str = "") -> dict:
    """Any list of objects with code/status/detail (CheckResult, ArticleCheck, or their dicts)."""
    rows = []
    for check in checks:
        data = check if isinstance(check, dict) else check.as_dict()
        rows.append({**data, "mark": STATUS_MARKS.get(str(data["status"]), "?")})
    return {"rows": rows, "grade": grade}
