#!/usr/bin/env python3
"""Screenshots of Bakohumas for the documentation, taken from the demo data.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--keep] [--only drafts]

Everything happens in a throwaway data directory (BAKOHUMAS_DATA_DIR, SQLite): migrate, load the
demo data, start a draft Triwulan III 2025 report for KPU Kota Kediri, serve the app with
`bakohumas serve` on a free local port, log in as the demo accounts with Debian chromium
(Playwright) and save PNGs. For the download shots a `bakohumas worker` is started beside the server
(same data directory) only after the job is queued, so the waiting, running and finished states
can all be captured. Your own database and data directory are never touched.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Playwright's sync API runs an event loop in this thread; reading a user's 2FA device from the
# throwaway database around it is still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
from bakohumas.browser_testing import CHROMIUM, CHROMIUM_ARGS, pass_second_factor  # noqa: E402
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1}

OFFICE, PROVINCE = "3571", "35"
DRAFT_PERIOD = "2025Q3"  # Kota Kediri's 2025Q2 report is already sent; the draft is the next quarter
REVIEW_PERIOD = "2025Q2"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(data_dir: Path) -> str:
    """Migrate and load the demo data into `data_dir`; returns the id of Kota Kediri's draft."""
    os.environ["BAKOHUMAS_DATA_DIR"] = str(data_dir)
    os.environ.pop("DATABASE_URL", None)  # always the throwaway SQLite file in data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    from bakohumas.demo.data import demo_load
    from bakohumas.offices.models import Office, User
    from bakohumas.reports.services import period_get_or_create, submission_start

    call_command("migrate", interactive=False, verbosity=0)
    demo_load()
    operator = User.objects.get(username="operator.kediri")
    draft = submission_start(office=Office.objects.get(code=OFFICE), period=period_get_or_create(DRAFT_PERIOD),
                             actor=operator, copy_previous=True)  # "Masih sama": starts from the Q2 answers
    return str(draft.id)


@contextlib.contextmanager
def serve(data_dir: Path) -> Iterator[str]:
    """`bakohumas serve` on a free port with the same data directory; yields its base URL."""
    port = _free_port()
    env = {**os.environ, "BAKOHUMAS_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING"}
    env.pop("DATABASE_URL", None)
    log = open(data_dir / "server.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [sys.executable, "-m", "bakohumas.cli", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise SystemExit(f"Server berhenti (kode {process.returncode}); lihat {data_dir / 'server.log'}.")
            try:
                with urllib.request.urlopen(f"{url}/masuk/", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"Server tidak menjawab di {url} dalam 30 detik; lihat {data_dir / 'server.log'}.")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@contextlib.contextmanager
def run_worker() -> Iterator[None]:
    """`bakohumas worker` beside the server (same environment and data directory) while inside."""
    data_dir = Path(os.environ["BAKOHUMAS_DATA_DIR"])
    env = {**os.environ, "LOG_LEVEL": "WARNING"}
    log = open(data_dir / "worker.log", "ab")  # noqa: SIM115 - closed below
    process = subprocess.Popen([sys.executable, "-m", "bakohumas.cli", "worker"], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    try:
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def login(browser, base_url: str, username: str, password: str, *, before_second_factor=None, **options):
    """A page logged in as `username`; evaluators and KPU RI also pass two-step verification (the
    server runs with it required, as in production). `before_second_factor(page)` sees its page."""
    context = browser.new_context(base_url=base_url, locale="id-ID", timezone_id="Asia/Jakarta", **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.locator(".whoami").wait_for()
    if before_second_factor is not None:
        before_second_factor(page)
    pass_second_factor(page, username)
    return page


def account_shots(browser, base_url: str, shot) -> None:
    """The Ketua Bakohumas of KPU Kota Kediri on a phone: the accounts they manage, an operator's
    account page, and their own active sessions (issue 16)."""
    from bakohumas.demo.data import PASSWORD

    page = login(browser, base_url, "ketua.kediri", PASSWORD, **PHONE)
    page.goto("/akun/kelola/")
    shot(page, "40-kelola-akun-ponsel.png")
    page.locator("table a").first.click()
    shot(page, "41-akun-dikelola-ponsel.png")
    page.goto("/akun/sesi/")
    shot(page, "42-sesi-aktif-ponsel.png")
    page.context.close()


def entry_shots(browser, base_url: str, draft_id: str, shot) -> None:
    """The report entry page on the operator's phone: the draft, a wrong answer, and the suggestions
    (one used, one changed with its reason left for when the report is sent)."""
    from bakohumas.demo.data import PASSWORD

    page = login(browser, base_url, "operator.kediri", PASSWORD, **PHONE)
    page.goto(f"/laporan/{draft_id}/")
    shot(page, "03-isian-laporan-ponsel.png")
    page.get_by_label("Jumlah unggahan media sosial", exact=True).fill("10")
    page.get_by_label("Dari unggahan itu, jumlah ucapan seremonial", exact=True).fill("25")
    page.get_by_role("button", name="Simpan draf").click()
    page.get_by_role("alert").wait_for()
    shot(page, "04-isian-laporan-galat-ponsel.png")
    page.goto(f"/laporan/{draft_id}/")
    for button in page.locator("[data-use-suggestion]").all():  # "Pakai" on every suggestion ...
        button.click()
    code = page.evaluate(  # ... then one number typed differently, its reason left for later
        "() => Array.from(document.querySelectorAll('[data-suggestion]')).slice(1).map((b) => b.dataset.suggestion)"
        ".find((c) => document.querySelector(`input[inputmode=numeric][name=\"${c}\"]`))")
    suggested = page.locator(f'[data-suggestion="{code}"]').get_attribute("data-value") or ""
    page.locator(f'input[name="{code}"]').fill(str(int(suggested) + 3) if suggested.isdigit() else "7")
    page.get_by_role("button", name="Simpan draf").click()  # a draft keeps it; the reason is asked on sending
    page.get_by_role("status").wait_for()
    page.locator(f"#butir-{code}").evaluate("(element) => element.scrollIntoView({block: 'start'})")
    shot(page, "19-isian-saran-alasan-ponsel.png", full_page=False)
    page.context.close()


def draft_shots(browser, base_url: str, draft_id: str, shot) -> None:
    """A partial draft (issue 18): the operator saves half a report on a phone (letters typed into a
    number stay, with the message at the field), records a partnership afterwards, and the Ketua opens
    the draft (who entered what, the suggestion that changed) and checks the send confirmation."""
    import datetime as dt

    from bakohumas.demo.data import PASSWORD
    from bakohumas.offices.models import Office, User
    from bakohumas.records.services import partnership_create

    page = login(browser, base_url, "operator.kediri", PASSWORD, **PHONE)
    page.goto(f"/laporan/{draft_id}/")
    page.get_by_label("Jumlah episode podcast", exact=True).fill("dua")
    page.get_by_role("button", name="Simpan draf").click()
    page.get_by_role("alert").first.wait_for()
    page.locator("#butir-episode_podcast").evaluate("(element) => element.scrollIntoView({block: 'center'})")
    shot(page, "58-galat-di-isian-ponsel.png", full_page=False)
    page.get_by_label("Jumlah episode podcast", exact=True).fill("2")
    page.get_by_role("button", name="Simpan draf").click()
    page.get_by_role("status").wait_for()
    page.context.close()
    partnership_create(  # recorded after the draft was saved: the media suggestion goes up by one
        office=Office.objects.get(code=OFFICE), actor=User.objects.get(username="operator.kediri"),
        data={"partner_name": "Radio Suara Kediri", "partner_type": "media", "form": "informal",
              "signed_on": dt.date(2025, 8, 20)})

    page = login(browser, base_url, "ketua.kediri", PASSWORD, **PHONE)
    page.goto(f"/laporan/{draft_id}/")
    shot(page, "57-draf-dibuka-ketua-ponsel.png", full_page=False)
    page.get_by_role("button", name="Simpan & periksa untuk dikirim").click()
    page.get_by_role("heading", name="Periksa sebelum mengirim").wait_for()
    shot(page, "59-kirim-konfirmasi-ponsel.png")
    page.context.close()


def table_shots(browser, base_url: str, shot) -> None:
    """Wide tables (issue 18): the PPID requests and a province's evaluation on a phone (cards, and scroll
    regions with their hint), and the national dashboard whole on a 1366-wide screen."""
    from bakohumas.demo.data import PASSWORD

    page = login(browser, base_url, "operator.kediri", PASSWORD, **PHONE)
    page.goto(f"/ppid/kantor/{OFFICE}/")
    shot(page, "60-ppid-daftar-permohonan-ponsel.png")
    page.context.close()
    page = login(browser, base_url, "evaluator.jatim", PASSWORD, **PHONE)
    page.goto(f"/evaluasi/{PROVINCE}/{REVIEW_PERIOD}/")
    shot(page, "61-evaluasi-provinsi-ponsel.png")
    page.context.close()
    page = login(browser, base_url, "humas.ri", PASSWORD, viewport={"width": 1366, "height": 900}, device_scale_factor=1)
    page.goto(f"/evaluasi/nasional/{REVIEW_PERIOD}/")
    shot(page, "62-tabel-nasional-1366.png", full_page=False)
    page.context.close()


def take(browser, base_url: str, draft_id: str, out: Path, only: str = "") -> list[Path]:
    from bakohumas.demo.data import PASSWORD

    saved: list[Path] = []

    def shot(page, name: str, *, full_page: bool = True) -> None:
        page.wait_for_load_state("networkidle")
        path = out / name
        viewport = page.viewport_size
        if full_page:
            # Grow the viewport to the whole page instead of using full_page=True, so the sticky save
            # bar of the entry form sits at the bottom rather than over the middle of the form.
            height = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
        page.screenshot(path=str(path), animations="disabled")
        page.set_viewport_size(viewport)
        saved.append(path)
        print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    if only == "drafts":
        entry_shots(browser, base_url, draft_id, shot)
        draft_shots(browser, base_url, draft_id, shot)
        return saved

    # The login page, as an operator sees it on a phone.
    context = browser.new_context(base_url=base_url, locale="id-ID", **PHONE)
    page = context.new_page()
    page.goto("/masuk/")
    shot(page, "01-masuk-ponsel.png", full_page=False)
    context.close()

    # The operator of KPU Kota Kediri on a phone: home, then the report pages (entry_shots).
    page = login(browser, base_url, "operator.kediri", PASSWORD, **PHONE)
    shot(page, "02-beranda-operator-ponsel.png")
    page.context.close()
    entry_shots(browser, base_url, draft_id, shot)

    # The East Java evaluator on a desktop, first enrolling an authenticator app (two-step verification
    # is required for evaluators), then completeness, a report waiting for verification, evaluation.
    page = login(browser, base_url, "evaluator.jatim", PASSWORD,
                 before_second_factor=lambda page: shot(page, "37-verifikasi-dua-langkah.png"), **DESKTOP)
    shot(page, "05-beranda-evaluator.png")
    page.goto(f"/evaluasi/{PROVINCE}/{REVIEW_PERIOD}/kelengkapan/")
    shot(page, "06-kelengkapan-provinsi.png")
    page.get_by_role("link", name="KPU Kota Kediri").click()
    shot(page, "07-verifikasi-laporan.png")
    page.goto(f"/evaluasi/{PROVINCE}/{REVIEW_PERIOD}/")
    shot(page, "08-evaluasi-provinsi.png")
    page.context.close()

    # KPU RI: the national table per province, and the ISBN applications it reviews.
    page = login(browser, base_url, "humas.ri", PASSWORD, **DESKTOP)
    page.goto(f"/evaluasi/nasional/{REVIEW_PERIOD}/")
    shot(page, "09-tabel-nasional.png")
    page.goto("/perpustakaan/isbn/")
    shot(page, "11-pengajuan-isbn.png")
    page.locator("table a").first.click()
    shot(page, "12-pengajuan-isbn-detail.png")
    page.context.close()

    # The public election library catalogue and a citizen's information request, on a phone, no login.
    context = browser.new_context(base_url=base_url, locale="id-ID", **PHONE)
    page = context.new_page()
    page.goto("/perpustakaan/opac/?q=pemilu")
    shot(page, "10-katalog-publik-ponsel.png")
    page.goto(f"/ppid/{OFFICE}/permohonan/")
    shot(page, "13-permohonan-informasi-ponsel.png")
    context.close()

    # The PPID of KPU Kota Kediri: its requests with their deadlines, and one request.
    page = login(browser, base_url, "operator.kediri", PASSWORD, **DESKTOP)
    page.goto(f"/ppid/kantor/{OFFICE}/")
    shot(page, "14-ppid-daftar-permohonan.png")
    page.locator("table a").first.click()
    shot(page, "15-ppid-permohonan.png")
    page.context.close()

    # The operator of KPU Kota Kediri on a phone: the office records that fill the report in (the
    # entry page with their suggestions is in entry_shots).
    page = login(browser, base_url, "operator.kediri", PASSWORD, **PHONE)
    page.locator(".records-home").scroll_into_view_if_needed()
    shot(page, "16-beranda-catatan-kehumasan-ponsel.png", full_page=False)
    page.goto(f"/catatan/kantor/{OFFICE}/kerja-sama/")
    shot(page, "17-kerja-sama-ponsel.png")
    page.goto(f"/catatan/kantor/{OFFICE}/kegiatan/baru/")
    shot(page, "18-catat-kegiatan-ponsel.png")
    page.goto(f"/evaluasi/kantor/{OFFICE}/{REVIEW_PERIOD}/")
    shot(page, "20-rapor-kantor-ponsel.png")
    page.context.close()

    # Two people of KPU Kota Kediri edit the draft at once: the operator saves first, the Ketua's
    # later save gets the merge screen (docs/concurrency.md).
    operator = login(browser, base_url, "operator.kediri", PASSWORD, **PHONE)
    chair = login(browser, base_url, "ketua.kediri", PASSWORD, **PHONE)
    for page in (operator, chair):
        page.goto(f"/laporan/{draft_id}/")
    answer = "form.report-form textarea:not([name*='__'])"  # a written answer: no suggestion, no reason
    operator.locator(answer).first.fill("Sosialisasi pemilih pemula di 12 sekolah, bersama Dinas Pendidikan.")
    operator.get_by_role("button", name="Simpan draf").click()
    operator.wait_for_load_state()
    chair.locator(answer).first.fill("Sosialisasi pemilih pemula di 14 sekolah.")
    chair.get_by_role("button", name="Simpan draf").click()
    chair.get_by_role("alert").first.wait_for()
    chair.locator(".conflict").first.evaluate("(element) => element.scrollIntoView({block: 'start'})")
    shot(chair, "39-bentrok-simpan-ponsel.png", full_page=False)
    operator.context.close()
    chair.context.close()

    # The chair of KPU Kota Kediri on a phone: what a new position holder takes over.
    page = login(browser, base_url, "ketua.kediri", PASSWORD, **PHONE)
    page.goto(f"/kantor/{OFFICE}/serah-terima/")
    shot(page, "21-serah-terima-ponsel.png")
    page.context.close()

    account_shots(browser, base_url, shot)
    draft_shots(browser, base_url, draft_id, shot)
    table_shots(browser, base_url, shot)

    # The operator of KPU Kota Kediri on a phone: an activity's documentation and SOP, the posts,
    # the governance figures and the content calendar (issues 5 and 8).
    page = login(browser, base_url, "operator.kediri", PASSWORD, **PHONE)
    page.goto(f"/catatan/kantor/{OFFICE}/kegiatan/")
    page.locator(".record", has_text="Sosialisasi di Kampung Tangguh Demokrasi").get_by_role(
        "link", name="Dokumentasi").click()
    shot(page, "28-dokumentasi-kegiatan-ponsel.png")
    page.goto(page.url.replace("/dokumentasi/kegiatan/", "/publikasi/kegiatan/") + "sop/")
    shot(page, "29-sop-kegiatan-ponsel.png")
    page.goto(f"/medsos/kantor/{OFFICE}/")
    shot(page, "30-unggahan-medsos-ponsel.png", full_page=False)
    page.goto(f"/tata-kelola/kantor/{OFFICE}/?periode=2025Q3")
    shot(page, "31-tata-kelola-kantor-ponsel.png")
    page.goto(f"/tata-kelola/kalender/{OFFICE}/")
    shot(page, "32-kalender-konten-ponsel.png", full_page=False)
    page.context.close()

    # The East Java evaluator on a desktop: the channel map, the values that differ from the
    # suggestions, the reminders, and a PDF made by the background worker.
    page = login(browser, base_url, "evaluator.jatim", PASSWORD, **DESKTOP)
    page.goto(f"/catatan/peta-kanal/{PROVINCE}/")
    shot(page, "22-peta-kanal-provinsi.png")
    page.goto(f"/tata-kelola/wilayah/{PROVINCE}/?periode=2025Q3")
    shot(page, "33-tata-kelola-provinsi.png")
    page.goto(f"/tata-kelola/jejaring/{PROVINCE}/?periode=2025Q3")
    shot(page, "34-jejaring-akun-kpu.png")
    page.goto(f"/publikasi/provinsi/{PROVINCE}/")
    shot(page, "35-sop-provinsi.png")
    page.goto("/standar-mutu/")
    shot(page, "36-standar-mutu.png")
    page.goto(f"/laporan/saran-diubah/{PROVINCE}/{REVIEW_PERIOD}/")
    shot(page, "23-nilai-berbeda-dari-saran.png")
    page.goto("/audit/")
    shot(page, "38-jejak-audit.png", full_page=False)
    page.goto(f"/tindak-lanjut/pengingat/{PROVINCE}/{REVIEW_PERIOD}/")
    page.locator(".owing details").first.evaluate("(details) => { details.open = true; }")
    shot(page, "24-pengingat-whatsapp.png")
    page.goto(f"/evaluasi/{PROVINCE}/{REVIEW_PERIOD}/")
    page.get_by_role("button", name="Laporan (PDF)").click()
    page.locator("[data-job-status]").wait_for()
    shot(page, "25-unduhan-menunggu.png", full_page=False)  # queued: no worker has picked it up yet
    with run_worker():
        with contextlib.suppress(Exception):  # the running state may pass too quickly to catch
            page.wait_for_function(
                "() => { const bar = document.querySelector('[data-job-status] progress');"
                " return bar && bar.value > 0 && bar.value < 100; }", timeout=20_000, polling=100)
            shot(page, "26-unduhan-berjalan.png", full_page=False)
        page.locator("[data-job-download]:not([hidden])").wait_for(state="visible", timeout=120_000)
        shot(page, "27-unduhan-siap.png", full_page=False)
    page.context.close()

    # Onboarding (issue 16) on a phone, as the East Java evaluator: the invitation form, the list with the
    # ready WhatsApp text, and the preview of a bulk import.
    page = login(browser, base_url, "evaluator.jatim", PASSWORD, **PHONE)
    page.goto("/akun/undangan/baru/")
    page.locator("#id_office").select_option(label="KPU Kota Kediri")
    page.locator("#id_name").fill("Rina Wulandari")
    page.locator("#id_email").fill("rina.wulandari@contoh.kpu.go.id")
    page.locator("#id_phone").fill("0812 3456 7890")
    page.locator("#id_role").select_option("operator")
    page.locator("#id_position").fill("Pelaksana")
    shot(page, "43-undang-pengguna-ponsel.png")
    page.get_by_role("button", name="Kirim undangan").click()
    page.locator("main details").first.evaluate("(details) => { details.open = true; }")
    shot(page, "44-daftar-undangan-ponsel.png")
    page.goto("/akun/impor/")
    rows = "".join(f"{code},Operator {code},operator.baru.{code}@contoh.kpu.go.id,08123000{code},operator,Pelaksana\n"
                   for code in ("3571", "3572", "3573", "3574"))
    page.locator("#id_file").set_input_files(files=[{
        "name": "akun-jatim.csv", "mimeType": "text/csv",
        "buffer": ("kode_satker,nama,email,nomor_whatsapp,peran,jabatan\n" + rows).encode()}])
    page.get_by_role("button", name="Periksa berkas").click()
    shot(page, "45-impor-akun-pratinjau-ponsel.png")
    page.context.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots",
                        help="folder for the PNGs (default docs/screenshots)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    parser.add_argument("--only", choices=["drafts"], default="",
                        help="take only one group of shots (drafts: the report entry page, the partial draft and "
                             "the send confirmation)")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"Chromium tidak ditemukan di {CHROMIUM}; pasang paket Debian `chromium`.", file=sys.stderr)
        return 2
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("Paket Python `playwright` belum terpasang: .venv/bin/pip install -e '.[test]'", file=sys.stderr)
        return 2

    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    data_dir = Path(tempfile.mkdtemp(prefix="bakohumas-screenshots-"))
    try:
        print(f"Data sementara: {data_dir}")
        draft_id = prepare(data_dir)
        with serve(data_dir) as base_url, sync_playwright() as playwright:
            print(f"Server: {base_url}")
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                saved = take(browser, base_url, draft_id, out, only=args.only)
            finally:
                browser.close()
        print(f"{len(saved)} tangkapan layar tersimpan di {out}.")
    finally:
        if args.keep:
            print(f"Data sementara disimpan: {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
