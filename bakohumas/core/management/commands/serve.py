from __future__ import annotations

import multiprocessing
import subprocess
import sys

from django.core.management.base import BaseCommand, CommandError
from gunicorn.app.base import BaseApplication

from bakohumas.core.gunicorn_worker import LIMIT_REQUEST_LINE


class GunicornApplication(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from bakohumas.wsgi import application

        return application


class Command(BaseCommand):
    help = "Serve Bakohumas with gunicorn (the production web server)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000", help="HOST:PORT (default 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int, default=min(4, multiprocessing.cpu_count() * 2))
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument("--with-worker", action="store_true",
                            help="Also run one background worker (exports, reminders) beside the server.")

    def handle(self, *args, bind: str, workers: int, threads: int, with_worker: bool, **options) -> None:
        host, _, port = bind.rpartition(":")
        if not host or not port.isdigit():
            raise CommandError(f"--bind {bind!r} tidak valid; gunakan HOST:PORT, misalnya 127.0.0.1:8000.")
        self.stdout.write(f"Bakohumas berjalan di http://{bind}/ (Ctrl+C untuk berhenti)")
        worker = None
        if with_worker:
            worker = subprocess.Popen([sys.executable, "-c", "from bakohumas.cli import main; main()", "worker"])
        try:
            GunicornApplication({
                "bind": bind, "workers": workers, "threads": threads, "accesslog": "-",
                "timeout": 120, "worker_class": "bakohumas.core.gunicorn_worker.FriendlyThreadWorker",
                # gunicorn's maximum; a longer request line gets the worker's Indonesian 414 page.
                "limit_request_line": LIMIT_REQUEST_LINE,
            }).run()
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=10)
