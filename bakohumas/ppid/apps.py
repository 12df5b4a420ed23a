from django.apps import AppConfig


class PpidConfig(AppConfig):
    name = "bakohumas.ppid"
    verbose_name = "PPID"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from bakohumas.ppid.default_rules import load_default_rule_sets_after_migrate

        post_migrate.connect(load_default_rule_sets_after_migrate, sender=self)

        from django.urls import reverse
        from django.utils.translation import gettext_lazy

        from bakohumas.ppid.selectors import ppid_quarter_counts
        from bakohumas.reports.suggestions import register_suggester

        register_suggester(source=gettext_lazy("catatan PPID"), function=ppid_quarter_counts,
                           records_url=lambda office: reverse("ppid:request_list", args=[office.code]))
