from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "samenspel.followup"
    label = "followup"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        from samenspel.followup import services, workshop_round
        from samenspel.workshops.signals import workshop_closed

        workshop_closed.connect(services.on_workshop_closed, dispatch_uid="followup.track")
        workshop_round.register()
