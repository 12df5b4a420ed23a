from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def facet_query(context, key: str, value: str) -> str:
    """The current OPAC query string with one facet set (or cleared) and the page reset."""
    params = context["request"].GET.copy()
    params.pop("hal", None)
    if value:
        params[key] = value
    else:
        params.pop(key, None)
    return params.urlencode()
