"""Static files: hashed names from the manifest once collected, and a page that still works
for a name the manifest lacks (or with no manifest at all, as in the test suite)."""

import json

from django.templatetags.static import static

from samenspel.core.static_files import StaticFilesStorage


def test_a_collected_file_gets_its_hashed_name(tmp_path):
    (tmp_path / "staticfiles.json").write_text(json.dumps({
        "version": "1.1", "hash": "", "paths": {"js/live.js": "js/live.0123456789ab.js"},
    }))
    storage = StaticFilesStorage(location=tmp_path)
    assert storage.url("js/live.js") == "/static/js/live.0123456789ab.js"


def test_a_name_missing_from_the_manifest_gets_its_plain_url_not_an_error(tmp_path):
    (tmp_path / "staticfiles.json").write_text(json.dumps({
        "version": "1.1", "hash": "", "paths": {"js/live.js": "js/live.0123456789ab.js"},
    }))
    storage = StaticFilesStorage(location=tmp_path)
    assert storage.url("vendor/axe/axe.min.js") == "/static/vendor/axe/axe.min.js"


def test_without_collectstatic_pages_link_the_plain_names_the_finders_serve():
    assert static("js/live.js") == "/static/js/live.js"
