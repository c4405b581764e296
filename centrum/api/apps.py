from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "centrum.api"
    label = "api"
    verbose_name = "API"
