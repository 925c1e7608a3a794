"""Samenspel: synchroniciteit-workshops and their follow-up, as one Django project."""
