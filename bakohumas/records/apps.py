from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "bakohumas.records"
    verbose_name = "Catatan kehumasan"

    def ready(self) -> None:
        from django.urls import reverse
        from django.utils.translation import gettext_lazy

        from bakohumas.records.selectors import (
            activity_quarter_counts,
            channel_quarter_flags,
            partnership_quarter_counts,
        )
        from bakohumas.reports.suggestions import register_suggester

        register_suggester(source=gettext_lazy("catatan kerja sama"), function=partnership_quarter_counts,
                           records_url=lambda office: reverse("records:partnership_list", args=[office.code]))
        register_suggester(source=gettext_lazy("catatan kegiatan"), function=activity_quarter_counts,
                           records_url=lambda office: reverse("records:activity_list", args=[office.code]))
        register_suggester(source=gettext_lazy("daftar kanal komunikasi"), function=channel_quarter_flags,
                           records_url=lambda office: reverse("records:channel_list", args=[office.code]))
