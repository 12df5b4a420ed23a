from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from bakohumas.core import formatting
from bakohumas.core.periods import InvalidPeriod, Quarter

register = template.Library()


@register.filter(expects_localtime=True)
def tanggal(value):
    """17 Juli 2025; a date-time is shown in the site's time zone (Asia/Jakarta)."""
    return formatting.tanggal(value)


@register.filter
def persen(value):
    """10,5% — the Indonesian decimal comma; a dash where there is no denominator."""
    if value is None:
        return "–"
    text = f"{value:.1f}".replace(".", ",")
    return f"{text}%"


@register.filter
def yatidak(value):
    if value is None or value == "":
        return "–"
    return "Ya" if value in (1, True, "1") else "Tidak"


AUDIT_ACTIONS = {
    "library.record.create": _("katalog dibuat"),
    "library.record.update": _("katalog diubah"),
    "library.record.delete": _("katalog dihapus"),
    "library.record.add_file": _("berkas ditambahkan"),
    "library.item.add": _("eksemplar ditambahkan"),
    "library.isbn.attach": _("ISBN dicatat pada katalog"),
}


@register.filter
def audit_action(code: str) -> str:
    """A readable label for an audit action code; the code itself when there is none."""
    return str(AUDIT_ACTIONS.get(code, code))


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def heat(value):
    """A colour bucket 0–4 for a percentage in a heat table."""
    if value is None:
        return "x"
    return min(int(value // 20), 4)


@register.filter
def periode(value) -> str:
    """A period as people say it ("Triwulan II 2025"): from a Period, a Quarter or a code such as
    "2025Q2". Codes stay in URLs and file names only; anything else is shown as it is."""
    if value is None or value == "":
        return "–"
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    try:
        return Quarter.parse(str(value)).label
    except InvalidPeriod:
        return str(value)
