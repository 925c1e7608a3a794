from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodConfig(AppConfig):
    name = "samenspel.method"
    label = "method"
    verbose_name = _("Method: roles and workshop templates")
