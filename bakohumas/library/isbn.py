"""ISBN handling on top of python-stdnum: check digits, ISBN-10 to ISBN-13, hyphenation by the
ISBN International range table that stdnum ships (`stdnum/isbn.dat`), and the registration group
("Indonesia" for 978-602, 978-623, 978-979 …). No hand-written range tables here."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from stdnum import isbn as stdisbn
from stdnum import issn as stdissn
from stdnum import numdb
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError


_PREFIX = re.compile(r"^ISBN(?:[- ]?1[03](?=[\s:]))?[\s:-]*", re.IGNORECASE)


@dataclass(frozen=True)
class IsbnCheck:
    input: str
    valid: bool
    isbn13: str | None = None
    isbn10: str | None = None
    hyphenated: str | None = None
    group: str | None = None
    reason: str | None = None

    def as_contract(self) -> dict:
        """The JSON printed by `bakohumas isbn-check` (docs/library.md, formats/library.md)."""
        if not self.valid:
            return {"input": self.input, "valid": False, "reason": self.reason}
        data = asdict(self)
        data.pop("reason")
        data.pop("isbn10")
        return data


def _reason(exc: ValidationError) -> str:
    if isinstance(exc, InvalidChecksum):
        return _("Digit pemeriksa (check digit) tidak cocok.")
    if isinstance(exc, InvalidLength):
        return _("Panjang ISBN harus 10 atau 13 digit.")
    if isinstance(exc, InvalidComponent):
        return _("Awalan ISBN-13 harus 978 atau 979.")
    if isinstance(exc, InvalidFormat):
        return _("ISBN hanya boleh berisi angka (dan X di akhir ISBN-10).")
    return _("ISBN tidak valid.")


def group_name(isbn13: str) -> str | None:
    """The registration group's name from the range table, e.g. "Indonesia" for 978-602-…"""
    for _part, info in numdb.get("isbn").info(isbn13[:12]):
        if "agency" in info:
            return info["agency"]
    return None


def check(value: str) -> IsbnCheck:
    """Validate and describe one ISBN written any usual way (hyphens, spaces, "ISBN" prefix)."""
    raw = value if isinstance(value, str) else str(value)
    # "ISBN 978…", "ISBN-13: 978…", "ISBN-10 602…" (stripping "-" before "-13" left "13: 978…")
    cleaned = _PREFIX.sub("", raw.strip(), count=1)
    try:
        compact = stdisbn.validate(cleaned)
    except ValidationError as exc:
        return IsbnCheck(input=raw, valid=False, reason=_reason(exc))
    isbn13 = stdisbn.to_isbn13(compact)
    try:
        isbn10 = stdisbn.to_isbn10(isbn13)
    except ValidationError:  # 979 numbers have no ISBN-10
        isbn10 = None
    hyphenated = stdisbn.format(isbn13)
    return IsbnCheck(input=raw, valid=True, isbn13=isbn13, isbn10=isbn10, hyphenated=hyphenated,
                     group=group_name(isbn13))


def normalize_isbn(value: str) -> str:
    """The ISBN-13 without hyphens; raises django's ValidationError with the Indonesian reason."""
    from django.core.exceptions import ValidationError as DjangoValidationError

    result = check(value)
    if not result.valid:
        raise DjangoValidationError(_("ISBN %(value)s tidak valid: %(reason)s") % {"value": value, "reason": result.reason})
    return result.isbn13  # type: ignore[return-value]


def hyphenate(isbn13: str) -> str:
    return stdisbn.format(isbn13)


def normalize_issn(value: str) -> str:
    """NNNN-NNNC, check digit verified."""
    from django.core.exceptions import ValidationError as DjangoValidationError

    try:
        return stdissn.format(stdissn.validate(value))
    except ValidationError as exc:
        raise DjangoValidationError(_("ISSN %(value)s tidak valid.") % {"value": value}) from exc


def with_check_digit(first12: str) -> str:
    """A full ISBN-13 from its first 12 digits (demo data and tests)."""
    from stdnum import ean

    return first12 + ean.calc_check_digit(first12)
