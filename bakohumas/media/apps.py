from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "bakohumas.media"
    verbose_name = "Dokumentasi kegiatan"

    def ready(self) -> None:
        from bakohumas.jobs.registry import register_runner
        from bakohumas.media.jobs import DERIVATIVES_JOB, ZIP_JOB, run_channel_zip, run_derivatives

        register_runner(DERIVATIVES_JOB, run_derivatives)
        register_runner(ZIP_JOB, run_channel_zip)
