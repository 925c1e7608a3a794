"""{% new_key %}: a fresh key for a phone's form, so a double tap or a retry of that very
post is carried out once (see services.once)."""

from __future__ import annotations

import uuid

from django import template

register = template.Library()


@register.simple_tag
def new_key() -> str:
    return uuid.uuid4().hex
