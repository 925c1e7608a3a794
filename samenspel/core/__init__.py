"""Shared kernel: base templates, NL Design System components, i18n and page helpers."""
