from __future__ import annotations

import multiprocessing

from django.core.management.base import BaseCommand, CommandError
from gunicorn.app.base import BaseApplication


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

    def handle(self, *args, bind: str, workers: int, threads: int, **options) -> None:
        host, _, port = bind.rpartition(":")
        if not host or not port.isdigit():
            raise CommandError(f"--bind {bind!r} tidak valid; gunakan HOST:PORT, misalnya 127.0.0.1:8000.")
        self.stdout.write(f"Bakohumas berjalan di http://{bind}/ (Ctrl+C untuk berhenti)")
        GunicornApplication({
            "bind": bind, "workers": workers, "threads": threads, "accesslog": "-",
            "timeout": 120, "worker_class": "gthread",
        }).run()
