from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "bakohumas.governance"
    verbose_name = "Tata kelola media sosial"

    def ready(self) -> None:
        from django.urls import reverse
        from django.utils.translation import gettext_lazy

        from bakohumas.governance.selectors import post_quarter_counts
        from bakohumas.reports.suggestions import register_suggester

        register_suggester(source=gettext_lazy("unggahan media sosial dan berita website"),
                           function=post_quarter_counts,
                           records_url=lambda office: reverse("governance:office", args=[office.code]))
