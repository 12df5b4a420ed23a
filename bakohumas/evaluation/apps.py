from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "bakohumas.evaluation"
    verbose_name = "Evaluasi"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from bakohumas.evaluation.default_indicators import load_default_indicators_after_migrate

        post_migrate.connect(load_default_indicators_after_migrate, sender=self)

        from bakohumas.evaluation.jobs import DOCUMENT_JOB, run_evaluation_document
        from bakohumas.jobs.registry import register_runner

        register_runner(DOCUMENT_JOB, run_evaluation_document)
