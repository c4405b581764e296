from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "centrum.core"
    label = "core"
    verbose_name = _("Rdzeń")

    def ready(self):
        # Each app declares its per-centre settings in `centre_settings.py`, its scheduled jobs in `jobs.py`,
        # the codes and labels of its audit actions in `audit_labels.py`, its status workflows in
        # `workflows.py`, and in `features.py` its module, navigation, dashboard cards, home-page sections,
        # role kinds and demo seeders (`centrum.core.registry`).
        autodiscover_modules("centre_settings", "jobs", "audit_labels", "workflows", "features")
