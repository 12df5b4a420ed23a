"""No lost updates: what an edit page needs when someone else saved the same record meanwhile.

An edit form carries two hidden fields: `revision` (the record's revision when the page was
loaded; the service refuses a save against an older one) and `basis` (a signed copy of the
values the page showed, so a refused save can be merged three ways: *base* = what the user
loaded, *theirs* = what is stored now, *mine* = what the user posted). A field only one side
changed is merged automatically; a field both changed differently is shown with both values
and the user picks one (`pilih__<field>` radio, works without JavaScript). See docs/concurrency.md.

Values are compared as the form shows them (strings, as typed), so one helper serves any plain
form whose initial values come from the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core import signing
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

SALT = "bakohumas.conflicts.basis"
MINE, THEIRS = "anda", "tersimpan"
CHOICE_PREFIX = "pilih__"


def normalize(value: Any) -> str:
    """A value as a form shows it: text with its line breaks unified, yes as "1", nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, list | tuple):
        return "\n".join(normalize(item) for item in value)
    return str(value).replace("\r\n", "\n").strip()


def mergeable_fields(form: forms.BaseForm) -> list[str]:
    """Every field but uploads (a browser cannot send a chosen file again)."""
    return [name for name, item in form.fields.items() if not isinstance(item, forms.FileField)]


def shown_values(form: forms.BaseForm, names: Iterable[str] | None = None) -> dict[str, str]:
    """The values an unbound form shows (its initial values, as the widgets render them)."""
    return {name: normalize(form.fields[name].prepare_value(form.get_initial_for_field(form.fields[name], name)))
            for name in (mergeable_fields(form) if names is None else names)}


def posted_values(form: forms.BaseForm, names: Iterable[str] | None = None) -> dict[str, str]:
    """The values a bound form was posted with, as typed."""
    return {name: normalize(form.fields[name].widget.value_from_datadict(form.data, form.files, form.add_prefix(name)))
            for name in (mergeable_fields(form) if names is None else names)}


def set_posted(data: QueryDict, form_class_fields: Mapping[str, forms.Field], name: str, raw: str) -> None:
    """Put `raw` into posted data as the field's widget would have sent it."""
    if isinstance(form_class_fields[name].widget, forms.CheckboxInput):
        if raw:
            data[name] = "on"
        else:
            data.pop(name, None)
    else:
        data[name] = raw


@dataclass(frozen=True)
class Basis:
    """What the edit page was built from: the revision and the values it showed."""

    revision: int
    values: dict[str, str]
    conflicts: tuple[str, ...] = ()


def sign_basis(*, revision: int, values: Mapping[str, str], conflicts: Iterable[str] = ()) -> str:
    return signing.dumps({"r": revision, "v": dict(values), "c": list(conflicts)}, salt=SALT, compress=True)


def read_basis(raw: str | None) -> Basis | None:
    """The basis posted back; None when missing or tampered with (then every difference is a conflict)."""
    if not raw:
        return None
    try:
        loaded = signing.loads(raw, salt=SALT)
        return Basis(revision=int(loaded["r"]), values={str(k): str(v) for k, v in loaded["v"].items()},
                     conflicts=tuple(str(c) for c in loaded.get("c", [])))
    except (signing.BadSignature, KeyError, TypeError, ValueError, AttributeError):
        return None


@dataclass
class Merge:
    values: dict[str, str]
    taken: list[str] = field(default_factory=list)  # changed only by the other person: their value is used
    conflicts: list[str] = field(default_factory=list)  # changed by both, differently: the user chooses


def three_way(*, base: Mapping[str, str] | None, mine: Mapping[str, str], theirs: Mapping[str, str]) -> Merge:
    """Merge field by field. Without a base every difference is a conflict."""
    merge = Merge(values=dict(mine))
    for name, my_value in mine.items():
        their_value = theirs.get(name, "")
        if my_value == their_value:
            continue
        base_value = base.get(name) if base is not None else None
        if base_value is not None and my_value == base_value:
            merge.values[name] = their_value
            merge.taken.append(name)
        elif base_value is not None and their_value == base_value:
            continue
        else:
            merge.conflicts.append(name)
    return merge


def apply_choices(data: QueryDict, fields: Mapping[str, forms.Field], basis: Basis | None,
                  theirs: Mapping[str, str]) -> tuple[QueryDict, list[str]]:
    """Apply the user's picks from a merge page to the posted data: "tersimpan" puts the stored
    value in. Returns the data and the conflicting fields left without a pick."""
    data = data.copy()
    missing = []
    for name in basis.conflicts if basis is not None else ():
        if name not in fields:
            continue
        choice = data.get(CHOICE_PREFIX + name)
        if choice == THEIRS:
            set_posted(data, fields, name, theirs.get(name, ""))
        elif choice != MINE:
            missing.append(name)
    return data, missing


def display(form_field: forms.Field, raw: str) -> str:
    """A raw value as the user reads it: the label of a choice, Ya/Tidak for a checkbox."""
    if isinstance(form_field.widget, forms.CheckboxInput):
        return _("Ya") if raw else _("Tidak")
    choices = getattr(form_field, "choices", None)
    if choices:
        labels = {str(key).lower(): label for key, label in choices}
        raw_label = labels.get(raw.lower())
        if raw_label is not None:
            return str(raw_label)
    return raw or _("(kosong)")


@dataclass(frozen=True)
class Difference:
    name: str
    label: str
    mine: str
    theirs: str
    choice: str = ""

    @property
    def choice_name(self) -> str:
        return CHOICE_PREFIX + self.name


@dataclass
class Conflict:
    """What `templates/_conflict.html` shows above a form whose save was refused."""

    who: str
    when: dt.datetime | None
    differences: list[Difference]
    taken: list[str]  # labels of the fields taken over from the other person's save
    files_dropped: bool = False
    missing_choice: bool = False

    @property
    def time(self) -> str:
        return timezone.localtime(self.when).strftime("%H:%M") if self.when else ""

    @property
    def theirs_heading(self) -> str:
        return _("Tersimpan (oleh %(who)s, pukul %(time)s)") % {"who": self.who, "time": self.time}


def user_name(user: Any) -> str:
    if user is None:
        return _("pengguna lain")
    return (user.get_full_name() or user.get_username()) if hasattr(user, "get_full_name") else str(user)


def conflict_for(*, fields: Mapping[str, forms.Field], names: Iterable[str], mine: Mapping[str, str],
                 theirs: Mapping[str, str], taken: Iterable[str] = (), who: Any, when: dt.datetime | None,
                 choices: Mapping[str, str] | None = None, files_dropped: bool = False,
                 missing_choice: bool = False, labels: Mapping[str, str] | None = None) -> Conflict:
    def label(name: str) -> str:
        return str((labels or {}).get(name) or fields[name].label or name)

    return Conflict(
        who=user_name(who), when=when, files_dropped=files_dropped, missing_choice=missing_choice,
        differences=[Difference(name=name, label=label(name), mine=display(fields[name], mine.get(name, "")),
                                theirs=display(fields[name], theirs.get(name, "")),
                                choice=(choices or {}).get(CHOICE_PREFIX + name, ""))
                     for name in names if name in fields],
        taken=[label(name) for name in taken if name in fields],
    )


def merge_after_conflict(*, posted: forms.BaseForm, stored: forms.BaseForm, basis: Basis | None, revision: int,
                         who: Any, when: dt.datetime | None, files_dropped: bool = False,
                         missing_choice: bool = False,
                         labels: Mapping[str, str] | None = None) -> tuple[dict[str, str], Conflict, str]:
    """After a refused save: (the initial values of the form to show again, the merge box, the new
    signed basis). `posted` is the user's bound form, `stored` an unbound form of the record as it
    is now, at `revision`. With `missing_choice` (a merge page saved without a pick) the answers
    still unpicked stay in the box."""
    theirs, mine = shown_values(stored), posted_values(posted)
    merge = three_way(base=basis.values if basis else None, mine=mine, theirs=theirs)
    if missing_choice and basis is not None:
        unpicked = {name for name in basis.conflicts if name in mine and mine[name] != theirs.get(name)}
        merge.conflicts = [name for name in mine if name in unpicked or name in merge.conflicts]
    conflict = conflict_for(fields=stored.fields, names=merge.conflicts, mine=mine, theirs=theirs, taken=merge.taken,
                            who=who, when=when, labels=labels, choices=posted.data, files_dropped=files_dropped,
                            missing_choice=missing_choice)
    return merge.values, conflict, sign_basis(revision=revision, values=theirs, conflicts=merge.conflicts)
