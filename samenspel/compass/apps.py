from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompassConfig(AppConfig):
    name = "samenspel.compass"
    label = "compass"
    verbose_name = _("Role compass")

    def ready(self) -> None:
        from samenspel.compass import workshop_round

        workshop_round.register()
