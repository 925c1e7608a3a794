from django.apps import AppConfig


class MethodConfig(AppConfig):
    name = "samenspel.method"
    label = "method"
