from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "bakohumas.followup"
    verbose_name = "Tindak lanjut dan pengingat"
