from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "samenspel.accounts"
    label = "accounts"
