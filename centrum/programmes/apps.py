from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "centrum.programmes"
    label = "programmes"
    verbose_name = _("Program współpracy z organizacjami pozarządowymi")
