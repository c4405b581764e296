from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "centrum.consultations"
    label = "consultations"
    verbose_name = _("Konsultacje")
