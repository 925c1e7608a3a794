"""The municipality's theme: validation in the admin, the stylesheet, the logo, the context."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from samenspel.accounts.context_processors import theme as theme_context
from samenspel.accounts.forms import ThemeAdminForm
from samenspel.accounts.logos import MAX_LOGO_BYTES
from samenspel.accounts.models import Theme

from .test_logos import PNG_BYTES, SVG_BYTES

PEEL_EN_MAAS = {
    "organisation_name": "Gemeente Peel en Maas",
    "logo_alt": "",
    "primary_colour": "#00703c",
    "primary_text_colour": "#ffffff",
    "accent_colour": "#005ea5",
    "retention_months": 24,
}


@pytest.fixture(autouse=True)
def in_english():
    """The rules' messages are read in their source language here, whatever ran before."""
    with translation.override("en"):
        yield


def theme_form(files=None, **changes):
    return ThemeAdminForm(data={**PEEL_EN_MAAS, **changes}, files=files, instance=Theme())


def saved_theme(**changes):
    theme = Theme(**{**PEEL_EN_MAAS, **changes})
    theme.full_clean()
    theme.save()
    return theme


def test_theme_rejects_low_contrast_colours(db):
    form = theme_form(
        primary_colour="#ffdd00", primary_text_colour="#ffffff", accent_colour="#aaaaaa"
    )
    assert not form.is_valid()
    message = form.errors["primary_text_colour"][0]
    assert "the contrast is 1.34:1 and must be at least 4.5:1" in message
    assert "hard to read on a white page" in form.errors["accent_colour"][0]


def test_theme_accepts_a_light_primary_with_dark_text(db):
    assert theme_form(primary_colour="#ffdd00", primary_text_colour="#1a1a1a").is_valid()


@pytest.mark.parametrize("value", ["green", "#12345", "00703c", "#00703g"])
def test_theme_rejects_colours_that_are_not_hex(db, value):
    form = theme_form(primary_colour=value)
    assert not form.is_valid()
    assert "for example #00703c" in form.errors["primary_colour"][0]


def test_theme_stores_colours_in_one_spelling(db):
    theme = saved_theme(primary_colour="#00703C", primary_text_colour="#FFF")
    assert (theme.primary_colour, theme.primary_text_colour) == ("#00703c", "#ffffff")


def test_there_is_only_one_theme(db):
    saved_theme()
    Theme(organisation_name="Tweede").save()
    assert Theme.objects.count() == 1
    assert Theme.objects.get().organisation_name == "Tweede"


def test_logo_upload_is_stored_in_the_database(db):
    form = theme_form(files={"logo_upload": SimpleUploadedFile("logo.png", PNG_BYTES, "image/png")})
    assert form.is_valid(), form.errors
    theme = form.save()
    theme.refresh_from_db()
    assert bytes(theme.logo) == PNG_BYTES
    assert theme.logo_content_type == "image/png"


def test_logo_type_is_read_from_the_file_not_the_browser(db):
    upload = SimpleUploadedFile("logo.png", b"<html><script>alert(1)</script>", "image/png")
    form = theme_form(files={"logo_upload": upload})
    assert not form.is_valid()
    assert "not a PNG, JPEG or SVG image" in form.errors["logo_upload"][0]


def test_logo_larger_than_200_kb_is_refused(db):
    data = PNG_BYTES + b"\0" * MAX_LOGO_BYTES
    form = theme_form(files={"logo_upload": SimpleUploadedFile("big.png", data, "image/png")})
    assert not form.is_valid()
    assert "A logo may be at most 200" in form.errors["logo_upload"][0]


def test_logo_can_be_removed(db):
    saved_theme(logo=PNG_BYTES, logo_content_type="image/png")
    form = ThemeAdminForm(data={**PEEL_EN_MAAS, "remove_logo": "on"}, instance=Theme.objects.get())
    assert form.is_valid(), form.errors
    theme = form.save()
    assert not theme.has_logo


def test_theme_css_contains_municipal_colours(client, db):
    saved_theme()
    response = client.get(reverse("accounts:theme_css"))
    css = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert css.startswith("/*")
    assert ".samenspel-theme {" in css
    assert "--samenspel-primary: #00703c;" in css
    assert "--utrecht-button-primary-action-background-color: #00703c;" in css
    assert "--utrecht-button-primary-action-color: #ffffff;" in css
    assert "--utrecht-page-header-background-color: #00703c;" in css
    assert "--utrecht-link-color: #005ea5;" in css


def test_light_primary_buttons_get_a_dark_edge(client, db):
    saved_theme(primary_colour="#ffdd00", primary_text_colour="#1a1a1a")
    css = client.get(reverse("accounts:theme_css")).content.decode()
    assert "--utrecht-button-primary-action-border-color: #1a1a1a;" in css


def test_theme_css_can_be_cached_and_revalidated(client, db):
    theme = saved_theme()
    response = client.get(reverse("accounts:theme_css"))
    assert response["ETag"] == f'"{theme.version}"'
    assert response["Last-Modified"]
    assert response["Cache-Control"] == "public, no-cache"

    again = client.get(reverse("accounts:theme_css"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_versioned_theme_css_is_kept_for_a_year(client, db):
    theme = saved_theme()
    response = client.get(reverse("accounts:theme_css"), {"v": theme.version})
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


def test_saving_the_theme_changes_its_stylesheet_url(rf, db):
    first = theme_context(rf.get("/"))["theme"].stylesheet_url
    saved_theme()
    second = theme_context(rf.get("/"))["theme"].stylesheet_url
    assert first != second
    assert second.startswith("/thema.css?v=")


def test_theme_css_works_before_anyone_saved_a_theme(client, db):
    response = client.get(reverse("accounts:theme_css"))
    assert response.status_code == 200
    assert "--samenspel-primary: #01689b;" in response.content.decode()


def test_logo_served_with_sandbox_csp(client, db):
    saved_theme(logo=SVG_BYTES, logo_content_type="image/svg+xml")
    response = client.get(reverse("accounts:theme_logo"))
    assert response.status_code == 200
    assert response.content == SVG_BYTES
    assert response["Content-Type"] == "image/svg+xml"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    )
    assert response["ETag"]

    again = client.get(reverse("accounts:theme_logo"), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    # A cache takes the headers of the 304 over; the sandbox must survive that.
    assert again["Content-Security-Policy"] == response["Content-Security-Policy"]


def test_no_logo_is_404(client, db):
    saved_theme()
    assert client.get(reverse("accounts:theme_logo")).status_code == 404


def test_context_gives_name_logo_and_stylesheet(rf, db):
    theme = saved_theme(logo=PNG_BYTES, logo_content_type="image/png", logo_alt="Peel en Maas")
    context = theme_context(rf.get("/"))["theme"]
    assert context.organisation_name == "Gemeente Peel en Maas"
    assert context.logo_url == f"/thema/logo?v={theme.version}"
    assert context.logo_alt == "Peel en Maas"
    assert context.stylesheet_url == f"/thema.css?v={theme.version}"


def test_context_without_a_saved_theme_uses_the_defaults(rf, db):
    context = theme_context(rf.get("/"))["theme"]
    assert context.organisation_name == "Samenspel"
    assert context.logo_url is None


def test_context_costs_one_query_per_request_and_never_loads_the_logo(
    rf, db, django_assert_num_queries
):
    saved_theme(logo=PNG_BYTES, logo_content_type="image/png")
    request = rf.get("/")
    with django_assert_num_queries(1) as queries:
        for _ in range(3):  # a page built from several templates
            assert theme_context(request)["theme"].organisation_name
    assert '"logo",' not in queries.captured_queries[0]["sql"]


def test_context_costs_no_query_when_the_page_does_not_show_the_theme(
    rf, db, django_assert_num_queries
):
    with django_assert_num_queries(0):
        theme_context(rf.get("/"))


def test_login_page_shows_the_organisation(client, db):
    saved_theme()
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Gemeente Peel en Maas" in page
    assert "/thema.css?v=" in page


def test_theme_admin_is_a_single_page(client, administrator):
    client.force_login(administrator)
    assert client.get("/admin/accounts/theme/")["Location"] == "/admin/accounts/theme/add/"
    saved_theme()
    assert client.get("/admin/accounts/theme/")["Location"] == "/admin/accounts/theme/1/change/"
    assert client.get("/admin/accounts/theme/add/").status_code == 403
    page = client.get("/admin/accounts/theme/1/change/").content.decode()
    assert 'name="logo_upload"' in page
    assert "/delete/" not in page


def test_theme_model_rejects_low_contrast_too(db):
    with pytest.raises(ValidationError) as error:
        Theme(primary_colour="#777777", primary_text_colour="#ffffff").full_clean()
    assert "primary_text_colour" in error.value.message_dict


def test_contrast_message_uses_the_readers_number_format(db):
    with translation.override("nl"):
        form = theme_form(primary_colour="#ffdd00", primary_text_colour="#ffffff")
        assert not form.is_valid()
        assert "1,34:1" in str(form.errors["primary_text_colour"][0])
