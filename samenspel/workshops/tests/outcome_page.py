"""Reads the outcome page's HTML back into plain data, to compare it with the API's outcome."""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []  # Nodes and strings, in order

    @property
    def classes(self):
        return set((self.attrs.get("class") or "").split())

    def elements(self):
        return [child for child in self.children if isinstance(child, Node)]

    def find_all(self, test):
        for child in self.elements():
            if test(child):
                yield child
            yield from child.find_all(test)

    def find(self, test):
        return next(self.find_all(test), None)

    def text(self):
        return " ".join("".join(
            child if isinstance(child, str) else child.text() for child in self.children
        ).split())

    def own_text(self):
        """The text directly in this element, not in its child elements."""
        return " ".join("".join(c for c in self.children if isinstance(c, str)).split())


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("document", [])

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html):
    builder = TreeBuilder()
    builder.feed(html)
    return builder.root


def has_class(name):
    return lambda node: name in node.classes


def labelled(label_id):
    return lambda node: node.tag == "section" and node.attrs.get("aria-labelledby") == label_id


def read_outcome_page(html, perspectives, serves_prefix, link_prefix):
    """{title, counts, chosen, notes} as the page shows them, per perspective value; the
    prefixes are the page's words before what an activity serves and what a note links to."""
    page = parse(html)
    counts = {}
    for item in page.find_all(has_class("samenspel-people__group")):
        value = next(c.split("--")[1] for c in item.classes if "perspective--" in c)
        counts[value] = int(item.find(has_class("samenspel-people__count")).text())
    chosen, notes = {}, {}
    for value in perspectives:
        section = page.find(labelled(f"outcome-{value}"))
        chosen[value] = [
            read_activity(item, serves_prefix)
            for item in section.find_all(has_class("samenspel-activity"))
        ]
        notes[value] = read_notes(page.find(labelled(f"notes-{value}")), link_prefix)
    return {"title": page.find(lambda n: n.tag == "h1").text(), "counts": counts,
            "chosen": chosen, "notes": notes}


def read_activity(item, serves_prefix):
    paragraphs = [p for p in item.elements() if p.tag == "p"]
    title = item.find(has_class("samenspel-activity__title")).text()
    description = next((p.text() for p in paragraphs
                        if not p.classes & {"samenspel-activity__title", "samenspel-muted"}), "")
    serves = next((p.text().removeprefix(serves_prefix).strip() for p in paragraphs
                   if "samenspel-muted" in p.classes), "")
    reactions = {}
    for row in item.find(has_class("samenspel-reactions")).elements():
        label, _colon, total = row.find(lambda n: n.tag == "strong").text().rpartition(": ")
        detail = row.find(has_class("samenspel-muted"))
        # "(Overheid 3, Gemeenschap 1)": the count per perspective that reacted.
        per_group = dict(
            (name.strip(), int(n))
            for name, n in re.findall(r"([^(),\d]+) (\d+)", detail.text() if detail else "")
        )
        reactions[label] = (int(total), per_group)
    return {"title": title, "description": description, "serves": serves,
            "reactions": reactions}


def read_notes(section, link_prefix):
    """[(round heading, prompt label, [(note text, times named or 0, linked note's text)])],
    in the page's order."""
    found = []
    for element in section.elements():
        if element.tag == "h4":
            heading = element.text()
        elif element.tag == "p" and element.find(lambda n: n.tag == "strong"):
            found.append((heading, element.text(), []))
        elif element.tag == "ul" and "samenspel-notes" in element.classes:
            for note in element.elements():
                count = note.find(has_class("samenspel-note__count"))
                link = note.find(has_class("samenspel-note__link"))
                named = int(re.search(r"\d+", count.text()).group()) if count else 0
                linked = link.text().removeprefix(link_prefix).strip() if link else ""
                found[-1][2].append((note.own_text(), named, linked))
    return found
