from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "bakohumas.posts"
    verbose_name = "Unggahan media sosial dan website"
