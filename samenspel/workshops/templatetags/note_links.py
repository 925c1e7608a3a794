"""{% link_options choices selected %}: the notes a note can belong to, as the options of its
list. Built in Python, not with a template loop: a participant's own beliefs each carry the
list of all the group's behaviours, and a group writes hundreds (live/throttle renders it
for every note a participant adds)."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from samenspel.workshops.models import Contribution

register = template.Library()

LABEL_LENGTH = 80


def option(note: Contribution, selected: bool = False) -> str:
    chosen = " selected" if selected else ""
    label = conditional_escape(Truncator(note.text).chars(LABEL_LENGTH))
    return f'<option value="{note.pk}"{chosen}>{label}</option>'


@register.simple_tag
def link_options(choices: Iterable[Contribution], selected: int | None = None) -> SafeString:
    """The list's options: none first, then every choice; `selected` is the chosen one."""
    none = conditional_escape(_("(none)"))
    options = "".join(option(c, c.pk == selected) for c in choices)
    return mark_safe(f'<option value="">{none}</option>{options}')  # noqa: S308 - escaped


@register.simple_tag
def link_option(note: Contribution) -> SafeString:
    """One option more, for a note that was just added."""
    return mark_safe(option(note))  # noqa: S308 - escaped in option()
