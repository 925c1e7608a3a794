"""One style sheet for every page, ``css/site.css``: the Utrecht components our pages use,
then our design tokens and our own styles.

The Utrecht package's ``index.css`` holds every NL Design System component (400 KB, 32 KB
gzipped); our pages use a few dozen. A component is a class name up to its ``__element`` or
``--modifier`` (``utrecht-alert--error`` belongs to ``utrecht-alert``), so modifiers that
templates or scripts build at run time (``utrecht-alert--{{ kind }}``) stay with their
component. A style rule is kept as written when any selector in it names only used
components (or no Utrecht class at all), and the three files follow each other in the order
the pages used to link them, so the pages look the same.

The file is made by a static files finder, so ``collectstatic``, ServeStatic and the test
suite all get it from the current sources without a build step of their own; it is rebuilt
when a source changes.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, overload

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import CheckMessage
from django.core.files.storage import FileSystemStorage

SITE_CSS = "css/site.css"
PACKAGE = Path(settings.BASE_DIR)
UTRECHT_CSS = PACKAGE / "node_modules" / "@utrecht" / "component-library-css" / "dist" / "index.css"
OWN_CSS = (PACKAGE / "samenspel" / "static" / "css" / "tokens.css",
           PACKAGE / "samenspel" / "static" / "css" / "samenspel.css")
# Where class names are written: templates, Python (form widgets) and scripts; not the
# tests, which name components on purpose that no page uses.
SOURCES = PACKAGE / "samenspel"
SOURCE_PATTERNS = ("*.html", "*.py", "*.js")

UTRECHT_CLASS = re.compile(
    r"(?<![\w-])utrecht-[a-z0-9]+(?:-[a-z0-9]+)*(?:__[a-z0-9-]*)?(?:--[a-z0-9-]*)?"
)
SELECTOR_CLASS = re.compile(r"\.(utrecht-[a-zA-Z0-9_-]+)")
# At-rules whose block holds style rules, filtered like the top level.
GROUPING_AT_RULES = ("@media", "@supports", "@container", "@layer")


def component(class_name: str) -> str:
    """``utrecht-form-field__label``, ``utrecht-form-field--invalid``: ``utrecht-form-field``."""
    return re.split("__|--", class_name, maxsplit=1)[0]


def used_components(texts: Iterable[str]) -> set[str]:
    """The Utrecht components named in templates, Python and scripts (custom properties such
    as ``--utrecht-link-color`` are not class names and do not count)."""
    return {component(name) for text in texts for name in UTRECHT_CLASS.findall(text)}


def source_files() -> list[Path]:
    return sorted(
        path
        for pattern in SOURCE_PATTERNS
        for path in SOURCES.rglob(pattern)
        if "tests" not in path.relative_to(SOURCES).parts
    )


@dataclass(frozen=True)
class Block:
    """One top-level piece of a style sheet: its text as written, the prelude before ``{``
    (empty for comments and statements) and, for grouping at-rules, what is inside."""

    text: str
    prelude: str = ""
    children: tuple[Block, ...] | None = None
    inner_start: int = 0


def parse(css: str) -> list[Block]:
    """Split a style sheet into comments, statements (``@charset ...;``) and blocks."""
    blocks: list[Block] = []
    position = 0
    length = len(css)
    while position < length:
        if css[position].isspace():
            position += 1
            continue
        if css.startswith("/*", position):
            end = css.index("*/", position + 2) + 2
            blocks.append(Block(css[position:end]))
            position = end
            continue
        open_brace = _find(css, "{;", position)
        if css[open_brace] == ";":
            blocks.append(Block(css[position:open_brace + 1]))
            position = open_brace + 1
            continue
        close_brace = _matching_brace(css, open_brace)
        prelude = css[position:open_brace].strip()
        children = None
        if prelude.startswith(GROUPING_AT_RULES):
            children = tuple(parse(css[open_brace + 1:close_brace]))
        blocks.append(
            Block(css[position:close_brace + 1], prelude, children, open_brace + 1 - position)
        )
        position = close_brace + 1
    return blocks


def _find(css: str, wanted: str, position: int) -> int:
    """The first of `wanted` outside strings and comments."""
    while position < len(css):
        char = css[position]
        if char in wanted:
            return position
        if char in "\"'":
            position = _string_end(css, position)
        elif css.startswith("/*", position):
            position = css.index("*/", position + 2) + 2
            continue
        position += 1
    raise ValueError("unexpected end of style sheet")


def _string_end(css: str, start: int) -> int:
    quote = css[start]
    position = start + 1
    while css[position] != quote:
        position += 2 if css[position] == "\\" else 1
    return position


def _matching_brace(css: str, open_brace: int) -> int:
    depth = 0
    position = open_brace
    while True:
        position = _find(css, "{}", position)
        depth += 1 if css[position] == "{" else -1
        if depth == 0:
            return position
        position += 1


def selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:is(...)``)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return [part.strip() for part in parts]


def keep_rule(prelude: str, components: set[str]) -> bool:
    return any(
        all(component(name) in components for name in SELECTOR_CLASS.findall(selector))
        for selector in selectors(prelude)
    )


def trim(css: str, components: set[str]) -> str:
    """`css` without the rules of unused components and without comments other than the
    licence notices."""
    return "\n".join(_trimmed(parse(css), components)) + "\n"


def _trimmed(blocks: list[Block], components: set[str]) -> Iterator[str]:
    for block in blocks:
        if not block.prelude:
            if not block.text.startswith("/*") or "@license" in block.text:
                yield block.text
        elif block.children is not None:
            inner = list(_trimmed(list(block.children), components))
            if any(not text.startswith("/*") for text in inner):
                yield "".join((block.text[:block.inner_start], "\n", "\n".join(inner), "\n}"))
        elif block.prelude.startswith("@") or keep_rule(block.prelude, components):
            yield block.text


def site_css() -> str:
    components = used_components(path.read_text(encoding="utf-8") for path in source_files())
    utrecht = trim(UTRECHT_CSS.read_text(encoding="utf-8"), components)
    return "\n".join([utrecht, *(path.read_text(encoding="utf-8") for path in OWN_CSS)])


def build(folder: Path) -> Path:
    """``folder/css/site.css``, rebuilt when a source changed since the last build."""
    target = folder / SITE_CSS
    stamp = target.with_name(target.name + ".sources")
    stats = ((path, path.stat()) for path in [UTRECHT_CSS, *OWN_CSS, *source_files()])
    state = hashlib.sha256(
        "".join(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\n" for path, stat in stats).encode()
    ).hexdigest()
    if target.exists() and stamp.exists() and stamp.read_text() == state:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    content = site_css()
    if not target.exists() or target.read_text(encoding="utf-8") != content:
        _write(target, content)
    _write(stamp, state)
    return target


def _write(path: Path, text: str) -> None:
    # Through a temporary file: another process may be serving the old one meanwhile.
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


class SiteStylesheetFinder(BaseFinder):
    """Finds ``css/site.css`` (built into ``VAR_DIR/build``) for collectstatic and ServeStatic."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.folder = Path(settings.VAR_DIR) / "build"
        self.storage = FileSystemStorage(location=self.folder)

    def check(self, **kwargs: Any) -> list[CheckMessage]:
        return []

    @overload
    def find(self, path: str, find_all: Literal[False] = False) -> str | None: ...
    @overload
    def find(self, path: str, find_all: Literal[True]) -> list[str]: ...
    def find(self, path: str, find_all: bool = False) -> str | list[str] | None:
        if path != SITE_CSS or not UTRECHT_CSS.exists():
            return [] if find_all else None
        found = str(build(self.folder))
        return [found] if find_all else found

    def list(
        self, ignore_patterns: Iterable[str] | None
    ) -> Iterator[tuple[str, FileSystemStorage]]:
        # Without node_modules (a production image that ran collectstatic when it was built)
        # there is nothing to make, and the collected file is served.
        if UTRECHT_CSS.exists():
            build(self.folder)
            yield SITE_CSS, self.storage
