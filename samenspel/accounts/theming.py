"""The theme as pages use it: the template's ``theme`` object and the design-token stylesheet."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from samenspel.accounts.colours import (
    MIN_NON_TEXT_CONTRAST,
    WHITE,
    contrast_ratio,
    normalise_hex,
    shade_away_from,
)
from samenspel.accounts.models import Theme

#: The element that carries the theme's tokens; base.html puts it on <body>.
THEME_SELECTOR = ".samenspel-theme"


@dataclass(frozen=True)
class SiteTheme:
    """What a template needs of the theme (``{{ theme.organisation_name }}`` and so on).

    ``logo_alt`` may be empty: then the logo only shows the name, which the page header
    already prints beside it, so the image is decorative (``alt=""``).
    """

    organisation_name: str
    logo_url: str | None
    logo_alt: str
    stylesheet_url: str
    primary_colour: str


def site_theme(theme: Theme) -> SiteTheme:
    version = f"?v={theme.version}"
    return SiteTheme(
        organisation_name=theme.organisation_name,
        logo_url=reverse("accounts:theme_logo") + version if theme.has_logo else None,
        logo_alt=theme.logo_alt,
        stylesheet_url=reverse("accounts:theme_css") + version,
        primary_colour=normalise_hex(theme.primary_colour),
    )


def design_tokens(primary: str, primary_text: str, accent: str) -> dict[str, str]:
    """CSS custom properties for our own CSS and the NL Design System (Utrecht) components.

    Only what follows from the brand colours. Everything else, the focus indicator too (a
    yellow and near-black ring that shows on any brand colour), comes from
    static/css/tokens.css, which this stylesheet overrides because it is loaded after it.

    The theme admin guarantees primary text on primary and accent on white at 4.5:1; the
    shades only move away from their text colour, so they keep that contrast.
    """
    primary, primary_text, accent = (normalise_hex(c) for c in (primary, primary_text, accent))
    primary_shade = shade_away_from(primary, primary_text)
    accent_shade = shade_away_from(accent, WHITE)

    def edge(background: str) -> str:
        # A light button needs a visible edge on the white page (WCAG 1.4.11): its text colour.
        if contrast_ratio(background, WHITE) >= MIN_NON_TEXT_CONTRAST:
            return background
        return primary_text

    tokens = {
        "--samenspel-primary": primary,
        "--samenspel-primary-text": primary_text,
        "--samenspel-primary-shade": primary_shade,
        "--samenspel-accent": accent,
        "--samenspel-accent-shade": accent_shade,
        "--utrecht-page-header-background-color": primary,
        "--utrecht-page-header-color": primary_text,
        "--utrecht-link-color": accent,
        "--utrecht-link-visited-color": accent,
        "--utrecht-link-active-color": accent_shade,
        "--utrecht-form-control-focus-border-color": accent,
        "--utrecht-textbox-focus-border-color": accent,
        "--utrecht-checkbox-checked-background-color": accent,
        "--utrecht-checkbox-checked-border-color": accent,
        "--utrecht-radio-button-checked-border-color": accent,
        "--utrecht-radio-button-checked-color": accent,
        "--utrecht-button-secondary-action-border-color": accent,
        "--utrecht-button-secondary-action-color": accent,
        "--utrecht-button-secondary-action-hover-border-color": accent_shade,
        "--utrecht-button-secondary-action-hover-color": accent_shade,
    }
    for state, background in (
        ("", primary),
        ("hover-", primary_shade),
        ("active-", primary_shade),
        ("pressed-", primary_shade),
    ):
        tokens[f"--utrecht-button-primary-action-{state}background-color"] = background
        tokens[f"--utrecht-button-primary-action-{state}border-color"] = edge(background)
        tokens[f"--utrecht-button-primary-action-{state}color"] = primary_text
    return tokens


def theme_stylesheet(theme: Theme) -> str:
    tokens = design_tokens(theme.primary_colour, theme.primary_text_colour, theme.accent_colour)
    declarations = "".join(f"  {name}: {value};\n" for name, value in tokens.items())
    header = "/* Samenspel theme: design tokens from the admin (accounts.Theme). */\n"
    return f"{header}{THEME_SELECTOR} {{\n{declarations}}}\n"
