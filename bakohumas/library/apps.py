from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "bakohumas.library"
    verbose_name = "Perpustakaan Pemilu"
