"""Deadline-day load (issue 9): hundreds of KPU offices submit their quarterly report within minutes
while the provinces' evaluators watch their dashboards, against the production set-up on loopback —
gunicorn (`bakohumas serve`), PostgreSQL, Redis, and RQ workers (`bakohumas worker`) that make the
evaluators' documents.

Each simulated office is two people who are already logged in (their sessions are made before the
run, as on a deadline morning; evaluators' sessions are two-factor verified):
- the operator opens the home page, starts the report, presses "Pakai semua saran", fills in the
  rest, saves the draft, changes an answer and saves again;
- the Ketua then opens the home page and the report and sends it.
Meanwhile every province's evaluator and the national bureau open their home page, the evaluation and
the completeness pages again and again, and each asks once for the evaluation as a PDF document, made
by an RQ worker, and waits until it can be downloaded.

Afterwards the database is read directly: every office whose Ketua got "terkirim" must have exactly
one report, SUBMITTED, holding exactly the answers of the operator's last save (zero lost
submissions), and no request may have failed. Then the same server's throughput is measured for the
office home page and for a minimal Django view (`/sehat/`, one `SELECT 1`) with the same client.

    .venv/bin/python benchmarks/run_deadline_load.py [--offices 300] [--concurrency 48]

PostgreSQL: `postgres://postgres@127.0.0.1:5432/bakohumas_load_bench` (override with
BAKOHUMAS_BENCH_POSTGRES_URL; the name must end in `_bench`: it is dropped and created again).
Redis: redis://127.0.0.1:6379/13 (BAKOHUMAS_BENCH_REDIS_URL; that database is flushed).
Writes results/deadline-load-latest.md and prints it. `--smoke` runs a tiny version (a check of the
script itself, not a measurement).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
PERIOD = "2026Q3"


# ----------------------------------------------------------------------------------------------
# In-process phases (run in a child process with the benchmark's environment)


def _django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")
    import django

    django.setup()


def phase_setup(count: int, out: Path) -> None:
    """Users and pre-made sessions for `count` kab/kota offices, every province and the nation."""
    _django()
    import datetime as dt

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from bakohumas.offices.models import Office, User
    from bakohumas.reports.services import period_get_or_create, period_update

    period = period_get_or_create(PERIOD)
    period_update(period=period, deadline=timezone.localdate() + dt.timedelta(days=1), entry_closed=False,
                  actor=None)
    regencies = list(Office.objects.filter(level=Office.Level.REGENCY).order_by("code")[:count])
    provinces = sorted({office.parent for office in regencies}, key=lambda office: office.code)
    national = Office.objects.get(code=Office.NATIONAL_CODE)

    from django.apps import apps
    from django.conf import settings

    from bakohumas.accounts.policy import requires_2fa

    two_factor = apps.is_installed("django_otp.plugins.otp_totp")

    def session_for(user: User) -> str:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        # The backend a real login records (a session naming a backend no longer configured is logged out).
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        if two_factor and requires_2fa(user):
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.create(user=user, name="benchmark", confirmed=True)
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.create()
        return session.session_key

    def user(username: str, office: Office, role: str) -> dict:
        # No password: the session is made here (hashing 600 passwords would take minutes).
        account = User.objects.create_user(username=username, password=None, office=office, role=role,
                                           first_name=username)
        return {"username": username, "office": office.code, "session": session_for(account)}

    people = {
        "offices": [{"operator": user(f"op{o.code}", o, User.Role.OPERATOR),
                     "ketua": user(f"ketua{o.code}", o, User.Role.KETUA)} for o in regencies],
        "evaluators": [user(f"eval{p.code}", p, User.Role.EVALUATOR) for p in provinces]
        + [user("humas_ri", national, User.Role.HUMAS_RI)],
    }
    out.write_text(json.dumps(people))


def phase_verify(saved_file: Path, out: Path) -> None:
    """What is in the database against what the clients were told was saved and sent."""
    _django()
    from bakohumas.reports.models import Submission

    saved = json.loads(saved_file.read_text())  # office code -> {"values": {...}, "sent": bool}
    stored = {s.office.code: s for s in Submission.objects.filter(period_id=PERIOD).select_related("office", "form")
              .prefetch_related("values")}
    problems = []
    for code, expected in saved.items():
        submission = stored.get(code)
        if submission is None:
            problems.append(f"{code}: no report stored")
            continue
        if expected["sent"] and submission.status != Submission.Status.SUBMITTED:
            problems.append(f"{code}: told 'sent' but status is {submission.status}")
        values = {k: ("" if v is None else str(v)) for k, v in submission.value_map().items()}
        codes = set(submission.form.elements.values_list("code", flat=True))
        for name, value in expected["values"].items():
            if name in codes and values.get(name, "") != value.strip():
                problems.append(f"{code}: {name} stored {values.get(name)!r}, last saved {value!r}")
    counts = defaultdict(int)
    for submission in stored.values():
        counts[submission.status] += 1
    out.write_text(json.dumps({"problems": problems, "stored": len(stored), "by_status": counts}))


# ----------------------------------------------------------------------------------------------
# The simulated people (HTTP clients)


@dataclass
class Recorder:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def request(self, session, label: str, method: str, url: str, expect=(200,), **kwargs):
        started = time.perf_counter()
        try:
            response = session.request(method, url, allow_redirects=False, timeout=120, **kwargs)
        except Exception as exc:  # a refused or dropped connection is an error like a 500
            with self.lock:
                self.errors.append(f"{label} {url}: {type(exc).__name__}: {exc}")
            return None
        elapsed = time.perf_counter() - started
        with self.lock:
            self.latencies[label].append(elapsed)
            if response.status_code not in expect:
                detail = ""
                if response.status_code in (400, 409):  # the form's own message says why
                    import lxml.html

                    boxes = lxml.html.fromstring(response.text).xpath("//*[contains(@class, 'error')]")
                    detail = " — " + " / ".join(" ".join(box.text_content().split()) for box in boxes[:3])
                self.errors.append(f"{label} {url}: HTTP {response.status_code}{detail}")
        return response if response.status_code in expect else None


def _client(base: str, person: dict):
    import requests

    from requests.adapters import HTTPAdapter
    from urllib3.util import Retry

    session = requests.Session()
    # Like a browser, a GET on a kept-alive connection that the server closed meanwhile is sent once
    # more on a new connection; a POST never is.
    session.mount("http://", HTTPAdapter(max_retries=Retry(total=1, connect=1, read=1, status=0,
                                                           allowed_methods={"GET"})))
    session.cookies.set("sessionid", person["session"], domain="127.0.0.1")
    session.headers["Referer"] = base + "/"
    return session


def _form(html: str, xpath: str):
    import lxml.html

    forms = lxml.html.fromstring(html).xpath(xpath)
    return forms[0] if forms else None


def _fields(form) -> dict[str, str]:
    """The values a browser would send for `form`, with the empty answers filled in."""
    data: dict[str, str] = {}
    radios: dict[str, list] = defaultdict(list)
    for element in form.inputs:
        name = element.get("name")
        if not name:
            continue
        kind = (element.get("type") or "").lower() if element.tag == "input" else element.tag
        if kind in {"submit", "button", "file", "checkbox"}:
            continue
        if kind == "radio":
            radios[name].append(element)
            continue
        value = element.value or ""
        if not value and (kind == "number" or element.get("inputmode") == "numeric"):
            value = "0"  # zero satisfies every "no more than" rule between answers (counts are numeric text boxes)
        elif not value and kind == "textarea":
            value = "Kegiatan kehumasan berjalan sesuai rencana."
        elif not value and kind == "select":
            options = [option for option in element.value_options if option]
            value = options[0] if options else ""
        data[name] = value
    for name, group in radios.items():
        checked = [element.get("value") for element in group if element.checked]
        data[name] = checked[0] if checked else group[0].get("value")
    return data


def office_flow(base: str, people: dict, rec: Recorder, saved: dict) -> None:
    operator, ketua = _client(base, people["operator"]), _client(base, people["ketua"])
    code = people["operator"]["office"]
    home = rec.request(operator, "beranda kantor", "GET", f"{base}/")
    start = home and _form(home.text, f"//form[contains(@action, '/laporan/mulai/{code}/{PERIOD}/')]")
    if start is None:
        rec.errors.append(f"{code}: no form to start the {PERIOD} report on the home page")
        return
    started = rec.request(operator, "mulai laporan", "POST", base + start.get("action"), expect=(302,),
                          data=_fields(start))
    if started is None:
        return
    report_url = base + started.headers["Location"]
    page = rec.request(operator, "halaman laporan", "GET", report_url)
    form = page and _form(page.text, "//form[contains(@class, 'report-form')]")
    if form is None:
        rec.errors.append(f"{code}: no entry form")
        return
    filled = rec.request(operator, "pakai saran", "POST", report_url, data={**_fields(form), "aksi": "pakai_saran"})
    form = filled and _form(filled.text, "//form[contains(@class, 'report-form')]")
    if form is None:
        return
    values = _fields(form)
    if rec.request(operator, "simpan draf", "POST", report_url, expect=(302,), data={**values, "aksi": "simpan"}):
        saved[code] = {"values": _answers(values), "sent": False}
    else:
        return
    page = rec.request(operator, "halaman laporan", "GET", report_url)
    form = page and _form(page.text, "//form[contains(@class, 'report-form')]")
    if form is None:
        return
    values = _fields(form)
    for element in form.inputs:  # a correction of a written answer before sending
        name = element.get("name")
        if element.tag == "textarea" and name in values and "__" not in name:
            values[name] += " Diperbarui."
            break
    if rec.request(operator, "simpan draf", "POST", report_url, expect=(302,), data={**values, "aksi": "simpan"}):
        saved[code] = {"values": _answers(values), "sent": False}

    rec.request(ketua, "beranda kantor", "GET", f"{base}/")
    page = rec.request(ketua, "halaman laporan", "GET", report_url)
    # "Simpan & periksa untuk dikirim" saves the draft and leads to the send confirmation, whose form sends.
    form = page and _form(page.text, "//form[contains(@class, 'report-form')]")
    if form is None:
        rec.errors.append(f"{code}: the Ketua has no way to send")
        return
    checked = rec.request(ketua, "simpan & periksa", "POST", report_url, expect=(302,),
                          data={**_fields(form), "aksi": "kirim"})
    summary = checked and rec.request(ketua, "halaman konfirmasi", "GET", base + checked.headers["Location"])
    submit = summary and _form(summary.text, "//form[contains(@class, 'confirm-form')]")
    if submit is None:
        rec.errors.append(f"{code}: no send confirmation")
        return
    sent = rec.request(ketua, "kirim laporan", "POST", base + submit.get("action"), expect=(302,),
                       data=_fields(submit))
    if sent is not None:
        confirmation = rec.request(ketua, "halaman laporan", "GET", base + sent.headers["Location"])
        if confirmation is not None and "terkirim" in confirmation.text.lower() and code in saved:
            saved[code]["sent"] = True
        else:
            rec.errors.append(f"{code}: sending was not confirmed")


def _answers(values: dict[str, str]) -> dict[str, str]:
    """The posted fields as the database would hold them (ya/tidak as 1/0); the verification
    compares only the report's element codes among them."""
    return {name: "1" if value == "ya" else "0" if value == "tidak" else value for name, value in values.items()}


def evaluator_flow(base: str, person: dict, rec: Recorder, stop: threading.Event, rounds: int) -> None:
    client = _client(base, person)
    region = person["office"]
    pages = [("beranda evaluator", f"{base}/"),
             ("halaman evaluasi", f"{base}/evaluasi/{region}/{PERIOD}/"),
             ("halaman kelengkapan", f"{base}/evaluasi/{region}/{PERIOD}/kelengkapan/")]
    page = rec.request(client, "halaman evaluasi", "GET", pages[1][1])
    request_form = page and _form(page.text, "//form[contains(@action, '/unduh/')][.//input[@value='pdf']]")
    job_url = None
    if request_form is None:
        rec.errors.append(f"{region}: no button for the PDF document on the evaluation page")
    else:
        asked = rec.request(client, "minta dokumen PDF", "POST", base + request_form.get("action"), expect=(302,),
                            data=_fields(request_form))
        job_url = asked and base + asked.headers["Location"]
    for _round in range(rounds):
        if stop.is_set():
            break
        for label, url in pages:
            rec.request(client, label, "GET", url)
        time.sleep(random.uniform(0.5, 2.0))
    if job_url:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            state = rec.request(client, "status dokumen", "GET", job_url + "status/")
            if state is not None and state.json().get("download_url"):
                rec.request(client, "unduh dokumen PDF", "GET", base + state.json()["download_url"])
                return
            if state is not None and state.json().get("status") == "failed":
                break
            time.sleep(1)
        rec.errors.append(f"{region}: the PDF document was not made within 5 minutes")


# ----------------------------------------------------------------------------------------------
# Throughput: the office home page against a minimal view, same server, same client


def browser_cookies(base: str, session_id: str) -> dict[str, str]:
    """The cookies a browser sends after its first page: the session and the CSRF cookie that page set
    (the office home page is cached per CSRF secret, bakohumas/offices/home_cache.py)."""
    import requests

    first = requests.get(base + "/", cookies={"sessionid": session_id}, allow_redirects=False, timeout=30)
    return {"sessionid": session_id, **({"csrftoken": first.cookies["csrftoken"]} if "csrftoken" in first.cookies else {})}


def throughput(base: str, cookies: dict[str, str], path: str, seconds: float, concurrency: int) -> tuple[float, int]:
    if shutil.which("wrk"):
        header = "; ".join(f"{name}={value}" for name, value in cookies.items())
        output = subprocess.run(
            ["wrk", f"-t{min(2, concurrency)}", f"-c{concurrency}", f"-d{int(seconds)}s", "-H",
             f"Cookie: {header}", base + path], capture_output=True, text=True, check=True).stdout
        rate = float(next(line for line in output.splitlines() if "Requests/sec" in line).split()[-1])
        bad = next((line for line in output.splitlines() if "Non-2xx" in line), "0").split()[-1]
        return rate, int(bad)
    import requests

    done, bad, lock = [0], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker() -> None:
        session = requests.Session()
        for name, value in cookies.items():
            session.cookies.set(name, value, domain="127.0.0.1")
        while time.monotonic() < stop_at:
            response = session.get(base + path, allow_redirects=False)
            with lock:
                done[0] += 1
                bad[0] += response.status_code != 200

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0] / seconds, bad[0]


# ----------------------------------------------------------------------------------------------


def _child(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, __file__, *args], env=env, check=True)


def _wait_until_up(base: str, timeout: float = 60) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/masuk/", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=48, help="offices working at the same moment")
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--rq-workers", type=int, default=2)
    parser.add_argument("--evaluator-rounds", type=int, default=10)
    parser.add_argument("--throughput-seconds", type=float, default=15)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--smoke", action="store_true", help="tiny run: 6 offices, 3 s throughput")
    parser.add_argument("--phase", choices=["setup", "verify"], help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase == "setup":
        return phase_setup(args.offices, args.out)
    if args.phase == "verify":
        return phase_verify(args.file, args.out)
    if args.smoke:
        args.offices, args.concurrency, args.evaluator_rounds, args.throughput_seconds = 6, 4, 1, 3

    database = os.environ.get("BAKOHUMAS_BENCH_POSTGRES_URL",
                              "postgres://postgres@127.0.0.1:5432/bakohumas_load_bench")
    if not database.rstrip("/").endswith("_bench"):
        sys.exit("BAKOHUMAS_BENCH_POSTGRES_URL must name a database ending in _bench")
    redis_url = os.environ.get("BAKOHUMAS_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
    import psycopg
    import redis

    admin_url, name = database.rsplit("/", 1)
    with psycopg.connect(admin_url + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    redis.Redis.from_url(redis_url).flushdb()
    work = Path(tempfile.mkdtemp(prefix="bakohumas-load-"))
    env = {**os.environ, "DATABASE_URL": database, "REDIS_URL": redis_url, "BAKOHUMAS_TASKS": "rq",
           "BAKOHUMAS_DATA_DIR": str(work), "SECRET_KEY": "load-benchmark-" + "x" * 40,
           "ALLOWED_HOSTS": "127.0.0.1", "DJANGO_SETTINGS_MODULE": "bakohumas.settings", "LOG_LEVEL": "ERROR"}
    bakohumas = str(BIN / "bakohumas")
    subprocess.run([bakohumas, "migrate", "--no-input", "-v0"], env=env, check=True)
    people_file = work / "people.json"
    started = time.perf_counter()
    _child(env, "--phase", "setup", "--offices", str(args.offices), "--out", str(people_file))
    setup_seconds = time.perf_counter() - started
    people = json.loads(people_file.read_text())

    if not args.port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            args.port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{args.port}"
    log = open(work / "server.log", "w")  # noqa: SIM115 (kept open for the processes' lifetime)
    server = subprocess.Popen([bakohumas, "serve", "--bind", f"127.0.0.1:{args.port}", "--workers",
                               str(args.web_workers), "--threads", str(args.threads)],
                              env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    workers = [subprocess.Popen([bakohumas, "worker"], env=env, stdout=log, stderr=log, start_new_session=True)
               for _ in range(args.rq_workers)]
    try:
        _wait_until_up(base)
        rec, saved, stop = Recorder(), {}, threading.Event()
        load_started = time.perf_counter()
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.concurrency + len(people["evaluators"])) as pool:
            watchers = [pool.submit(evaluator_flow, base, person, rec, stop, args.evaluator_rounds)
                        for person in people["evaluators"]]
            offices = [pool.submit(office_flow, base, office, rec, saved) for office in people["offices"]]
            for future in offices:
                future.result()
            stop.set()
            for future in watchers:
                future.result()
        load_seconds = time.perf_counter() - load_started
        saved_file, verdict_file = work / "saved.json", work / "verdict.json"
        saved_file.write_text(json.dumps(saved))
        _child(env, "--phase", "verify", "--file", str(saved_file), "--out", str(verdict_file))
        verdict = json.loads(verdict_file.read_text())

        ketua = browser_cookies(base, people["offices"][0]["ketua"]["session"])
        minimal = throughput(base, ketua, "/sehat/", args.throughput_seconds, 8)
        home = throughput(base, ketua, "/", args.throughput_seconds, 8)
        # Without the CSRF cookie the page is never taken from the cache: the rendering the cache saves.
        rendered = throughput(base, {"sessionid": ketua["sessionid"]}, "/", args.throughput_seconds, 8)
    finally:
        for process in [server, *workers]:
            os.killpg(process.pid, signal.SIGTERM)
        for process in [server, *workers]:
            process.wait(timeout=30)
        log.close()

    sent = sum(1 for entry in saved.values() if entry["sent"])
    lines = [
        f"Deadline-day load, {time.strftime('%Y-%m-%d %H:%M')} — {args.offices} offices (operator + Ketua each), "
        f"{len(people['evaluators'])} evaluators; {args.concurrency} offices at once; gunicorn "
        f"{args.web_workers} workers × {args.threads} threads, {args.rq_workers} RQ workers, PostgreSQL, Redis; "
        f"{os.cpu_count()} cores shared by server, database, workers and the client.",
        "",
        f"- Whole run: {load_seconds:.0f} s (setup of users and sessions {setup_seconds:.0f} s, not counted).",
        f"- Requests: {sum(len(v) for v in rec.latencies.values())}, errors: **{len(rec.errors)}**.",
        f"- Reports sent and confirmed: {sent} of {args.offices}; stored: {verdict['stored']} "
        f"({dict(verdict['by_status'])}); lost or different from the last save: **{len(verdict['problems'])}**.",
        f"- Throughput, same server and client (8 connections, {args.throughput_seconds:.0f} s each, "
        f"{'wrk' if shutil.which('wrk') else 'Python client'}): minimal view `/sehat/` {minimal[0]:.0f} req/s, "
        f"office home page {home[0]:.0f} req/s = **{home[0] / minimal[0]:.0%}** of the minimal view "
        f"(goal ≥ 50 %), rendered every time (no cache) {rendered[0]:.0f} req/s = {rendered[0] / minimal[0]:.0%}; "
        f"non-200 answers {minimal[1]} / {home[1]} / {rendered[1]}.",
        "",
        "| request | n | p50 ms | p95 ms | max ms |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, values in sorted(rec.latencies.items()):
        lines.append(f"| {label} | {len(values)} | {statistics.median(values) * 1000:.0f} | "
                     f"{_percentile(values, 0.95) * 1000:.0f} | {max(values) * 1000:.0f} |")
    for problem in (rec.errors + verdict["problems"])[:20]:
        lines.append(f"\n    {problem}")
    report = "\n".join(lines) + "\n"
    print(report)
    if not args.smoke:
        (HERE / "results" / "deadline-load-latest.md").write_text(report)
    shutil.rmtree(work, ignore_errors=True)
    if rec.errors or verdict["problems"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
