from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bakohumas.accounts"
    label = "accounts"
    verbose_name = "Akun"

    def ready(self) -> None:
        from bakohumas.accounts import signals  # noqa: F401 (connects the login audit receivers)
