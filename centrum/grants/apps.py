from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "centrum.grants"
    label = "grants"
    verbose_name = _("Dotacje: otwarte konkursy ofert")
