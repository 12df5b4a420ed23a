from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Jalankan pekerja latar belakang untuk antrean yang dipakai: database (bawaan) atau Redis "
            "(jika REDIS_URL diisi).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--burst", action="store_true", help="Kerjakan antrean yang ada lalu berhenti.")

    def handle(self, *args, burst: bool, **options) -> None:
        backend = settings.TASKS["default"]["BACKEND"]
        if backend == settings.TASK_BACKENDS["database"]:
            call_command("db_worker", *(["--batch", "--no-startup-delay"] if burst else []),
                         verbosity=options["verbosity"])
        elif backend == settings.TASK_BACKENDS["rq"]:
            call_command("rqworker", "default", "--job-class", "django_tasks_rq.Job", *(["--burst"] if burst else []))
        else:
            raise CommandError("BAKOHUMAS_TASKS=immediate menjalankan pekerjaan di dalam permintaan; tidak perlu pekerja.")
