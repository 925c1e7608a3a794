"""css/site.css: the Utrecht components our sources use, whole, then our tokens and styles;
no rule is lost by reading the Utrecht file, and no class our pages use is left out."""

import re

from samenspel.core import stylesheets
from samenspel.core.stylesheets import SELECTOR_CLASS, component, trim, used_components


def without_comments_and_spacing(css):
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return re.sub(r"\s+", "", css)


def utrecht_css():
    return stylesheets.UTRECHT_CSS.read_text(encoding="utf-8")


def test_with_every_component_used_nothing_but_comments_is_dropped():
    css = utrecht_css()
    every_component = {component(name) for name in SELECTOR_CLASS.findall(css)}
    assert without_comments_and_spacing(trim(css, every_component)) == (
        without_comments_and_spacing(css)
    )


def test_every_utrecht_class_named_in_our_sources_is_in_site_css():
    styled = set(SELECTOR_CLASS.findall(utrecht_css()))
    shipped = set(SELECTOR_CLASS.findall(stylesheets.site_css()))
    named = {
        name
        for path in stylesheets.source_files()
        for name in stylesheets.UTRECHT_CLASS.findall(path.read_text(encoding="utf-8"))
    }
    assert sorted((named & styled) - shipped) == []


def test_site_css_is_much_smaller_than_the_whole_utrecht_file():
    assert len(stylesheets.site_css()) < len(utrecht_css()) / 2


def test_site_css_keeps_the_order_the_pages_linked_utrecht_tokens_and_our_styles_in():
    css = stylesheets.site_css()
    tokens, own = (path.read_text(encoding="utf-8") for path in stylesheets.OWN_CSS)
    assert css.index(".utrecht-button") < css.index(tokens) < css.index(own)
    assert css.endswith(own)


def test_modifiers_made_at_run_time_keep_their_component():
    template = '<div class="utrecht-alert utrecht-alert--{{ kind }}">'
    css = ".utrecht-alert--error { color: red; }\n.utrecht-accordion { display: grid; }\n"
    assert trim(css, used_components([template])) == ".utrecht-alert--error { color: red; }\n"


def test_custom_properties_name_no_component():
    assert used_components(['"--utrecht-link-color": accent, var(--utrecht-space)']) == set()


def test_a_rule_stays_whole_when_one_of_its_selectors_is_used():
    css = ".utrecht-button, .utrecht-accordion__button:is(:hover, .x) { color: red; }"
    assert trim(css, {"utrecht-button"}) == css + "\n"
    assert trim(css, {"utrecht-link"}) == "\n"


def test_grouping_rules_are_trimmed_inside_and_dropped_when_empty():
    css = (
        "@media (forced-colors: active) {\n"
        "  .utrecht-button { border: 1px solid; }\n"
        "  .utrecht-accordion { border: 0; }\n"
        "}\n"
        "@supports (display: grid) { .utrecht-accordion { display: grid; } }\n"
    )
    assert trim(css, {"utrecht-button"}) == (
        "@media (forced-colors: active) {\n.utrecht-button { border: 1px solid; }\n}\n"
    )


def test_braces_and_commas_in_strings_do_not_end_a_rule():
    css = '.utrecht-link::after { content: "}, {"; }\n.utrecht-table { color: red; }'
    assert trim(css, {"utrecht-link"}) == '.utrecht-link::after { content: "}, {"; }\n'


def test_licence_notices_stay_and_other_comments_go():
    css = "/** @license EUPL-1.2 */\n/* a note */\n.utrecht-link { color: blue; }"
    assert trim(css, {"utrecht-link"}) == (
        "/** @license EUPL-1.2 */\n.utrecht-link { color: blue; }\n"
    )


def test_the_built_file_is_made_again_only_when_a_source_changed(tmp_path, monkeypatch):
    own = tmp_path / "own.css"
    own.write_text(".samenspel-x { color: red; }\n")
    monkeypatch.setattr(stylesheets, "OWN_CSS", (own,))
    built = stylesheets.build(tmp_path / "build")
    assert built.read_text().endswith(".samenspel-x { color: red; }\n")
    first = built.stat().st_mtime_ns

    assert stylesheets.build(tmp_path / "build").stat().st_mtime_ns == first
    own.write_text(".samenspel-x { color: blue; }\n")
    assert stylesheets.build(tmp_path / "build").read_text().endswith("color: blue; }\n")


def test_the_finder_gives_site_css_to_collectstatic_and_servestatic(tmp_path, settings):
    settings.VAR_DIR = tmp_path
    finder = stylesheets.SiteStylesheetFinder()
    assert [path for path, _storage in finder.list(None)] == ["css/site.css"]
    assert finder.find("css/site.css") == str(tmp_path / "build" / "css" / "site.css")
    assert finder.find("css/other.css") is None
    assert finder.find("css/other.css", find_all=True) == []
