from __future__ import annotations

from typing import Any

from django import template

from bakohumas.accounts.management import is_manager

register = template.Library()


@register.filter
def manages_accounts(user: Any) -> bool:
    """For the navigation: does the user manage anyone's account (management.py)?"""
    return is_manager(user)
