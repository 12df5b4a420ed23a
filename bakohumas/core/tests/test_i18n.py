"""Guard: the translation catalogues compile, the committed .mo files match their .po files, the
English catalogue is complete, and the interface language follows only the language cookie set
by the footer switch (never the browser's Accept-Language)."""

from __future__ import annotations

import ast
import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
PO_FILES = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
COOKIE = settings.LANGUAGE_COOKIE_NAME


def _po_id(path: Path) -> str:
    return str(path.relative_to(LOCALE_DIR))


def test_there_is_a_catalogue_for_every_language():
    assert {path.parts[-3] for path in PO_FILES} >= {code for code, _name in settings.LANGUAGES}


# --- a tiny .po reader: enough for what makemessages writes --------------------------------------

_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def _unquote(literal: str) -> str:
    # A PO string is a C string; its escapes are a subset of Python's. Decode as UTF-8 text.
    return ast.literal_eval(literal)


def read_po(path: Path) -> list[dict]:
    """The entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (str or list) and fuzzy.
    Obsolete (`#~`) entries are left out, as msgfmt leaves them out."""
    entries: list[dict] = []
    entry: dict = {}
    field: tuple[str, int | None] | None = None

    def finish():
        nonlocal entry, field
        if "msgid" in entry:
            entries.append(entry)
        entry, field = {}, None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if field and field[0].startswith("msgstr"):
                finish()
            if line.startswith("#,") and "fuzzy" in {flag.strip() for flag in line[2:].split(",")}:
                entry["fuzzy"] = True
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, literal = match.groups()
            if keyword in ("msgctxt", "msgid") and field and field[0].startswith("msgstr"):
                finish()
            value = _unquote(literal)
            if index is not None:
                entry.setdefault("msgstr", [])
                msgstrs = entry["msgstr"]
                assert int(index) == len(msgstrs), f"{path}:{number}: msgstr[{index}] out of order"
                msgstrs.append(value)
                field = ("msgstr", int(index))
            else:
                entry[keyword] = value
                field = (keyword, None)
        elif line.startswith('"') and field:
            keyword, index = field
            if index is None:
                entry[keyword] += _unquote(line)
            else:
                entry[keyword][index] += _unquote(line)
        else:
            raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    return entries


def compiled_catalogue(entries: list[dict]) -> dict:
    """What GNU msgfmt puts in the .mo file, keyed as Python's gettext reads it back: untranslated
    and fuzzy entries are dropped (never the header); a plural entry counts as translated when its
    first form is; context is joined to the msgid with EOT."""
    catalogue: dict = {}
    for entry in entries:
        msgid = entry["msgid"]
        if msgid and entry.get("fuzzy"):
            continue
        key = f"{entry['msgctxt']}\x04{msgid}" if "msgctxt" in entry else msgid
        msgstr = entry.get("msgstr", "")
        if "msgid_plural" in entry:
            if not msgstr or not msgstr[0]:
                continue
            for index, form in enumerate(msgstr):
                catalogue[(key, index)] = form
        elif msgstr or not msgid:
            catalogue[key] = msgstr
    return catalogue


def test_the_po_reader_reads_what_msgfmt_compiles(tmp_path):
    po = tmp_path / "t.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, python-format\nmsgid "Ada %(n)s \\"butir\\""\nmsgstr ""\n"There are %(n)s "\n"\\"items\\""\n\n'
        '#, fuzzy\nmsgid "kabur"\nmsgstr "fuzzy"\n\n'
        'msgid "kosong"\nmsgstr ""\n\n'
        'msgctxt "menu"\nmsgid "Buka"\nmsgstr "Open"\n\n'
        'msgid "%(n)s baris"\nmsgid_plural "%(n)s baris"\nmsgstr[0] "%(n)s row"\nmsgstr[1] "%(n)s rows"\n\n'
        '#~ msgid "lama"\n#~ msgstr "old"\n',
        encoding="utf-8",
    )
    assert compiled_catalogue(read_po(po)) == {
        "": "Content-Type: text/plain; charset=UTF-8\n",
        'Ada %(n)s "butir"': 'There are %(n)s "items"',
        "menu\x04Buka": "Open",
        ("%(n)s baris", 0): "%(n)s row",
        ("%(n)s baris", 1): "%(n)s rows",
    }


# --- (a) the catalogues compile --------------------------------------------------------------------


def _msgfmt() -> str:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        message = ("msgfmt (Debian package 'gettext') is not installed, so the catalogues cannot be "
                   "checked; run scripts/install-system-deps as root.")
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true: " + message)
        pytest.skip(message)
    return msgfmt


@pytest.mark.parametrize("po", PO_FILES, ids=_po_id)
def test_catalogue_compiles(po):
    result = subprocess.run([_msgfmt(), "--check-format", "-o", os.devnull, str(po)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


# --- (b) the committed .mo files match their .po files --------------------------------------------


@pytest.mark.parametrize("po", PO_FILES, ids=_po_id)
def test_compiled_catalogue_is_up_to_date(po):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{_po_id(mo)} is missing: run `bakohumas compilemessages --ignore=.venv`"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    expected = compiled_catalogue(read_po(po))
    # msgfmt leaves the POT-Creation-Date out of the compiled header (reproducible builds).
    for catalogue in (expected, compiled):
        catalogue[""] = re.sub(r"(?m)^POT-Creation-Date:.*\n", "", catalogue.get("", ""))
    stale = sorted(str(key) for key in expected.keys() ^ compiled.keys())
    stale += sorted(str(key) for key in expected.keys() & compiled.keys() if expected[key] != compiled[key])
    assert not stale, (f"{_po_id(mo)} does not match {_po_id(po)}; run `bakohumas compilemessages "
                       f"--ignore=.venv` and commit the .mo. Differences: {stale[:10]}")


def test_english_catalogue_is_complete():
    entries = read_po(LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po")
    gaps = [
        entry["msgid"] for entry in entries
        if entry["msgid"] and (entry.get("fuzzy") or not all(
            entry["msgstr"] if isinstance(entry["msgstr"], list) else [entry["msgstr"]]))
    ]
    assert len(entries) > 100
    assert not gaps, f"untranslated or fuzzy in en/LC_MESSAGES/django.po: {gaps[:20]}"


# --- (c) the language comes from the cookie only --------------------------------------------------


@pytest.mark.django_db
def test_language_cookie_en_gives_english(client):
    client.cookies[COOKIE] = "en"
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="id")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "Log in to Bakohumas" in body
    assert "Masuk ke Bakohumas" not in body
    assert "Username" in body and "Change language" in body
    assert translation.get_language() == settings.LANGUAGE_CODE  # nothing leaks past the request


@pytest.mark.django_db
@pytest.mark.parametrize("cookie", [None, "fr", "EN", ""])
def test_without_a_valid_cookie_the_page_is_indonesian_whatever_the_browser_asks(client, cookie):
    if cookie is not None:
        client.cookies[COOKIE] = cookie
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "id"
    assert "Masuk ke Bakohumas" in body
    assert "Log in to Bakohumas" not in body
    assert "Cookie" in response["Vary"]


@pytest.mark.django_db
def test_english_pages_for_a_signed_in_user(client, users):
    client.force_login(users["operator"])
    client.cookies[COOKIE] = "en"
    body = client.get(reverse("home")).content.decode()
    assert "Log out" in body and "Keluar" not in body


# --- (d) the footer switch ------------------------------------------------------------------------


@pytest.mark.django_db
def test_footer_has_the_language_switch(client):
    body = client.get(reverse("login")).content.decode()
    footer = body[body.index("<footer"):body.index("</footer>")]
    assert "Sistem kehumasan KPU" in footer
    assert f'action="{reverse("set_language")}"' in footer and 'method="post"' in footer
    assert "csrfmiddlewaretoken" in footer
    assert '<option value="id" lang="id" selected>Bahasa Indonesia</option>' in footer
    assert '<option value="en" lang="en">English</option>' in footer
    assert "Ganti bahasa" in footer
    # strict CSP: no inline styles, scripts or event handlers
    assert "style=" not in footer and "<script" not in footer and not re.search(r"\son[a-z]+=", footer)


@pytest.mark.django_db
def test_switching_to_english_and_back(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
    assert response.status_code == 302 and response.url == reverse("login")
    assert response.cookies[COOKIE].value == "en"
    body = client.get(reverse("login")).content.decode()
    assert "Log in to Bakohumas" in body
    assert '<option value="en" lang="en" selected>English</option>' in body

    response = client.post(reverse("set_language"), {"language": "id", "next": reverse("login")})
    assert response.cookies[COOKIE].value == "id"
    assert "Masuk ke Bakohumas" in client.get(reverse("login")).content.decode()


@pytest.mark.django_db
def test_switch_refuses_unknown_languages_and_foreign_redirects(client):
    response = client.post(reverse("set_language"), {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == "/"
    assert COOKIE not in response.cookies
    # Django's view accepts any language it ships (e.g. fr); the middleware still serves Indonesian.
    client.post(reverse("set_language"), {"language": "fr", "next": reverse("login")})
    response = client.get(reverse("login"))
    assert response["Content-Language"] == "id" and "Masuk ke Bakohumas" in response.content.decode()
