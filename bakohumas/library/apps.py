from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "bakohumas.library"
    verbose_name = "Perpustakaan Pemilu"

    def ready(self) -> None:
        from django.urls import reverse
        from django.utils.translation import gettext_lazy

        from bakohumas.library.selectors import library_quarter_counts
        from bakohumas.reports.suggestions import register_suggester

        register_suggester(
            source=gettext_lazy("katalog Perpustakaan Pemilu"), function=library_quarter_counts,
            records_url=lambda office: f"{reverse('library:record_list')}?kantor={office.code}",
        )
