"""WhatsApp numbers and click-to-chat links. Offices send reminders from their own WhatsApp: the
page gives a ready text and a `https://wa.me/<number>?text=…` link (no WhatsApp API account)."""

from __future__ import annotations

import re
from urllib.parse import quote

COUNTRY_CODE = "62"


def normalise_phone(raw: str) -> str | None:
    """An Indonesian number in international form without '+': '0812-3456-7890' -> '6281234567890'.
    None when it cannot be a phone number (fewer than 9 or more than 15 digits after normalising)."""
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("0"):
        digits = COUNTRY_CODE + digits[1:]
    elif digits.startswith("8"):
        digits = COUNTRY_CODE + digits
    if not digits.startswith(COUNTRY_CODE) or not 9 <= len(digits) <= 15:
        return None
    return digits


def wa_link(number: str, text: str) -> str:
    """https://wa.me/6281234567890?text=... (the text URL-encoded, line breaks kept)."""
    return f"https://wa.me/{number}?text={quote(text, safe='')}"
