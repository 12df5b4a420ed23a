"""Accessibility (issue 18 item 6; docs/architecture.md, "Accessibility"): axe-core over every HTML page of
every access table, as every role that may open it, on a phone and on a desktop, on the demo data. No
serious or critical violation may remain. One browser, one page per viewport, the role switched by its
session cookie. Needs /usr/bin/chromium and axe-core (`npm ci`)."""

from __future__ import annotations

import time

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.urls import reverse

from bakohumas.a11y_testing import Target, axe_script, blocking_violations, html_pages
from bakohumas.browser_testing import PHONE, TIMEOUT_MS
from bakohumas.demo.data import demo_load
from bakohumas.offices.models import Office, User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OFFICE, PROVINCE, PERIOD = "3571", "35", "2025Q2"
# Kinds of URL argument whose pages are files, not HTML (downloads, exports, citations, upload chunks).
FILE_KINDS = {"file", "part", "cite", "export", "template", "derivative", "notice", "session", "evidence"}
FILE_PAGES = {"library:cover", "records:partnership_document", "ppid:power_of_attorney", "media:original",
              "jobs:status", "jobs:download", "health", "oai", "meetings:ics", "meetings:letter", "meetings:material",
              "meetings:material_evaluation", "meetings:attendance_list", "meetings:minutes_document",
              "ppid:extension_letter", "ppid:objection_letter", "offices:profile_logo"}
DESKTOP_1366 = {"viewport": {"width": 1366, "height": 900}}


def _demo_arguments(users: dict):
    """URL arguments from the demo data for each kind of the access tables: Kota Kediri's and Jawa Timur's
    objects, which the tables' roles (bakohumas/conftest.py) see as the tables' own fixtures would."""
    from bakohumas.accounts.services_onboarding import account_invite
    from bakohumas.audit.models import AuditEntry
    from bakohumas.governance.models import PlannedPost
    from bakohumas.jobs.models import Job
    from bakohumas.library.models import CatalogueRecord, IsbnApplication
    from bakohumas.media.models import MediaFile
    from bakohumas.ppid.models import InformationRequest
    from bakohumas.meetings.models import Meeting
    from bakohumas.publications.models import Output
    from bakohumas.records.models import Activity, Channel, Partnership
    from bakohumas.reports.models import Submission

    kediri = Office.objects.get(code=OFFICE)
    submission = Submission.objects.get(office=kediri, period__code=PERIOD)
    request = InformationRequest.objects.filter(office=kediri)[0]
    job = Job(kind="evaluation_document", title="Evaluasi Jawa Timur", requested_by=users["evaluator"],
              status=Job.Status.DONE, progress=100, filename="evaluasi.pdf", content_type="application/pdf")
    job.file.save("evaluasi.pdf", ContentFile(b"%PDF-1.7 uji"), save=True)
    account = User.objects.create_user(username="operator.dua", password="Sandi-Uji-2025!", first_name="Operator Dua",
                                       office=kediri, role=User.Role.OPERATOR)
    invitation = account_invite(actor=users["national"], office=kediri, name="Operator Baru",
                                email="baru@contoh.kpu.go.id", phone="", role=User.Role.OPERATOR)
    fixed: dict[str, list] = {
        "none": [], "office": [OFFICE], "province": [PROVINCE], "period": [PERIOD], "office_period": [OFFICE, PERIOD],
        "province_period": [PROVINCE, PERIOD], "submission": [submission.id], "version": [submission.id, 1],
        "request": [request.id], "job": [job.id], "account": [account.pk], "reset": ["MQ", "bukan-token"],
        "activity": [Activity.objects.filter(office=kediri)[0].id],
        "channel": [Channel.objects.filter(office=kediri)[0].id],
        "partnership": [Partnership.objects.filter(office=kediri)[0].id],
        "plan": [PlannedPost.objects.filter(office=kediri)[0].id],
        "media": [MediaFile.objects.filter(office=kediri)[0].id],
        "output": [Output.objects.filter(office=kediri)[0].id],
        "record": [CatalogueRecord.objects.filter(office=kediri)[0].id],
        "application": [IsbnApplication.objects.filter(office=kediri)[0].id],
        "entry": [AuditEntry.objects.filter(office=kediri)[0].id],
    }

    rakor = Meeting.objects.filter(organiser__code=PROVINCE).order_by("starts_at").first()  # the demo's Rakor
    meeting_args = {"meeting": [rakor.id], "office": [rakor.id, OFFICE]}

    def args_for(name: str, kind: str) -> list | None:
        if kind in FILE_KINDS or name in FILE_PAGES:
            return None
        if name.startswith("meetings:"):  # the meetings table's own kinds (a meeting, an office in it)
            return meeting_args.get(kind, fixed.get(kind) if kind == "none" else None)
        if kind == "token":
            return [invitation.token] if name == "invitation" else [request.tracking_token]
        return fixed[kind]

    return args_for


def _draft_entry_form(client, users: dict) -> list[Target]:
    """The report entry form itself (the tables reach reports:detail with a sent report): a draft of the
    next quarter started from the last one, as the operator and the Ketua who fill it in."""
    from bakohumas.a11y_testing import page_digest
    from bakohumas.reports.services import period_get_or_create, submission_start

    from bakohumas.reports.models import Submission

    kediri, period = Office.objects.get(code=OFFICE), period_get_or_create("2025Q3")
    draft = Submission.objects.filter(office=kediri, period=period, status=Submission.Status.DRAFT).first() or \
        submission_start(office=kediri, period=period, actor=users["operator"], copy_previous=True)
    url = reverse("reports:detail", args=[draft.id])
    targets = []
    for role in ("operator", "ketua"):
        client.force_login(users[role])
        response = client.get(url)
        assert response.status_code == 200
        targets.append(Target("reports:detail (draf)", role, url, page_digest(response.content)))
    return targets


def _check(page, targets: list[Target], sessions: dict[str, str], base_url: str) -> list[str]:
    """axe on each distinct page (a page two roles get alike is checked once), as its role."""
    failures = []
    current_role = None
    seen: set[str] = set()
    for target in targets:
        if target.digest in seen:
            continue
        seen.add(target.digest)
        if target.role != current_role:
            page.context.clear_cookies()
            page.context.add_cookies([{"name": django_settings.SESSION_COOKIE_NAME, "value": sessions[target.role],
                                       "url": base_url}])
            current_role = target.role
        page.goto(target.url)
        for violation in blocking_violations(page):
            failures.append(f"{target.name} ({target.role}, {page.viewport_size['width']}px) {target.url}: "
                            f"{violation['impact']} {violation['id']} — {violation['help']}: {violation['targets']}")
    return failures


def test_no_page_has_a_serious_or_critical_accessibility_violation(browser, live_server, client, users):
    started = time.monotonic()
    axe = axe_script()
    demo_load()
    unreached: list[str] = []
    targets = list(html_pages(client, users, _demo_arguments(users), unreached)) + _draft_entry_form(client, users)
    sessions = {}
    for role, user in users.items():
        client.force_login(user)
        sessions[role] = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    loaded = time.monotonic()

    failures = []
    for options in (PHONE, DESKTOP_1366):
        context = browser.new_context(base_url=live_server.url, locale="id-ID", timezone_id="Asia/Jakarta", **options)
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(path=str(axe))
        page = context.new_page()
        failures += _check(page, targets, sessions, live_server.url)
        context.close()
    elapsed = time.monotonic() - started
    print(f"\naxe: {len(targets)} halaman×peran ({len({t.digest for t in targets})} berbeda) × 2 ukuran layar; "
          f"{len({t.name for t in targets})} jenis halaman; "
          f"data demo {loaded - started:.0f} s, axe {elapsed - (loaded - started):.0f} s; "
          f"tidak terjangkau dengan data demo: {unreached}")
    assert not failures, "\n".join(failures)
    assert not unreached, "halaman dalam tabel akses yang tidak terbuka dengan data demo (perbaiki _demo_arguments)"
    assert {t.role for t in targets} == set(users)


def test_the_check_sees_what_it_must_fail_on(browser):
    """The check itself: a scroll region the keyboard cannot reach and grey text on white are found."""
    page = browser.new_page()
    page.set_content('<!doctype html><html lang="id"><title>Uji</title><body><main><h1>Uji</h1>'
                     '<p style="color:#aaa">Teks pucat</p><div style="overflow:auto;width:100px">'
                     '<table><tr><td>1</td><td style="padding-left:800px">2</td></tr></table></div></main></body></html>')
    page.add_script_tag(path=str(axe_script()))
    found = {violation["id"] for violation in blocking_violations(page)}
    page.close()
    assert {"color-contrast", "scrollable-region-focusable"} <= found


def test_the_keyboard_reaches_every_control_with_a_visible_focus_ring(browser, live_server, operator):
    """Tab through a form on a phone (a new partnership: text, date, select and file fields, buttons): the
    skip link comes first and leads into the page; every stop shows the focus ring (outline ≥ 2 px)."""
    from bakohumas.browser_testing import logged_in_page
    from bakohumas.conftest import PASSWORD

    page = logged_in_page(browser, live_server.url, "operator", PASSWORD, **PHONE)
    page.goto(reverse("records:partnership_create", args=[OFFICE]))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stop = page.evaluate("""() => { const el = document.activeElement, style = getComputedStyle(el);
          return {tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 30),
                  outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + el.matches(':focus'),
                  ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2}; }""")
        if stop["tag"] == "BODY":
            break
        stops.append(stop)
    assert len(stops) >= 5 and all(stop["ring"] for stop in stops), [s for s in stops if not s["ring"]]
