from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "bakohumas.posts"
    verbose_name = "Unggahan media sosial dan website"

    def ready(self) -> None:
        from bakohumas.jobs.registry import register_runner
        from bakohumas.posts.feeds import JOB_KIND, run_fetch_job

        register_runner(JOB_KIND, run_fetch_job)
