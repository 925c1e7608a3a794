from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "samenspel.live"
    label = "live"
