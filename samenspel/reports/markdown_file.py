"""The Markdown export: the overview, ready to paste into a letter or a wiki. Participants'
text is escaped, so a note that starts with "#" or holds "<script>" stays a plain note."""

from __future__ import annotations

import re

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from samenspel.reports.report import (
    ActivityGroup,
    FollowUpActivity,
    Report,
    ReportActivity,
    ReportRound,
)

# Characters that mean something to Markdown (or HTML inside it) anywhere in a line.
SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~#])")
# What turns the start of a line into a list, a quote or a heading.
LINE_START = re.compile(r"^(\s*)([-+>=]|\d+[.)])")


def text(value: str) -> str:
    """Participants' text on one line, with Markdown's special characters escaped."""
    one_line = " ".join(value.split())
    return LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2),
                          SPECIAL.sub(r"\\\1", one_line))


def render(report: Report) -> bytes:
    with override(report.language):
        lines = [*cover(report), *activities(report), *follow_up(report), *notes(report)]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def cover(report: Report) -> list[str]:
    cover = report.cover
    facts = [
        (_("Date"), formats.date_format(cover.date, "j F Y") if cover.date else ""),
        (_("Place"), text(cover.place)),
        (_("Facilitators"), text(cover.facilitators)),
        (_("Workshop template"), text(cover.template_title)),
    ]
    lines = [f"# {text(cover.title)}", ""]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    case, people = _("The case"), _("Who took part")
    lines += ["", f"## {case}", "", text(cover.case), "", f"## {people}", ""]
    for group in cover.people:
        names = f" ({', '.join(text(n) for n in group.names)})" if group.names else ""
        lines.append(f"- {group.label}: {group.count}{names}")
    return [*lines, ""]


def activities(report: Report) -> list[str]:
    heading = ngettext("The %(count)d chosen activity", "The %(count)d chosen activities",
                       report.chosen_count) % {"count": report.chosen_count}
    lines = [f"## {heading}", ""]
    for group in report.activities:
        lines += group_activities(group)
    return lines


def group_activities(group: ActivityGroup) -> list[str]:
    lines = [f"### {group.label}", ""]
    if not group.chosen:
        return [*lines, _("This group has not chosen activities."), ""]
    for number, activity in enumerate(group.chosen, start=1):
        lines += activity_lines(number, activity)
    return lines


def activity_lines(number: int, activity: ReportActivity) -> list[str]:
    lines = [f"{number}. **{text(activity.title)}**"]
    if activity.description:
        lines.append(f"   {text(activity.description)}")
    if activity.serves:
        serves = _("Serves:")
        lines.append(f"   - {serves} " + "; ".join(text(s) for s in activity.serves))
    reactions = ", ".join(
        f"{r.label} {r.total}" + (
            " (" + ", ".join(f"{label} {n}" for label, n in r.given_by) + ")"
            if r.total else ""
        )
        for r in activity.reactions
    )
    heading = _("Reactions from the room")
    lines.append(f"   - {heading}: {reactions}")
    return [*lines, ""]


def follow_up(report: Report) -> list[str]:
    """What has been done since, per tracked activity: its status and the check-ins."""
    if not report.follow_up:
        return []
    heading = _("Follow-up: what have we done, and did it work?")
    lines = [f"## {heading}", ""]
    for activity in report.follow_up:
        lines += follow_up_lines(activity)
    return lines


def follow_up_lines(activity: FollowUpActivity) -> list[str]:
    owner = activity.owner_label + (
        f" ({text(activity.owner_organisation)})" if activity.owner_organisation else "")
    facts = [
        (_("Status"), activity.status_label),
        (_("Owner"), owner),
        (_("How we will notice that it works"), text(activity.how_we_notice)),
        (_("Target date"), formats.date_format(activity.target_date, "j F Y")
         if activity.target_date else ""),
    ]
    lines = [f"### {text(activity.title)}", ""]
    lines += [f"- **{label}:** {value}" for label, value in facts if value]
    for change in activity.status_changes:
        moved = _("Status from “%(old)s” to “%(new)s”") % {
            "old": change.from_label, "new": change.to_label}
        lines.append(f"- {formats.date_format(change.date, 'j F Y')}: {moved}")
    lines.append("")
    if not activity.check_ins:
        return [*lines, "*" + _("No check-in yet.") + "*", ""]
    for check_in in activity.check_ins:
        worked = _("Did it work?")
        lines.append(f"- **{formats.date_format(check_in.date, 'j F Y')}, "
                     f"{check_in.perspective_label}** — {worked} {check_in.worked_label}")
        lines.append("  - " + _("Done:") + " " + text(check_in.done))
        if check_in.evidence or check_in.evidence_link:
            lines.append("  - " + _("How we know:") + " " + text(
                " ".join(v for v in (check_in.evidence, check_in.evidence_link) if v)))
        if check_in.left_to_do:
            lines.append("  - " + _("Left to do:") + " " + text(check_in.left_to_do))
    return [*lines, ""]


def notes(report: Report) -> list[str]:
    heading = _("All notes per round")
    lines = [f"## {heading}", ""]
    for round_ in report.rounds:
        lines += round_lines(round_)
    return lines


def round_lines(round_: ReportRound) -> list[str]:
    title = _("Round %(number)d: %(title)s") % {"number": round_.number, "title": round_.title}
    lines = [f"### {text(title)}", ""]
    for group in round_.groups:
        lines += [f"#### {group.label}", ""]
        for prompt in group.prompts:
            lines += [f"**{text(prompt.label)}**", ""]
            if not prompt.notes:
                lines += ["- *" + _("No notes.") + "*", ""]
                continue
            for note in prompt.notes:
                named = ngettext(" (named %(count)d time)", " (named %(count)d times)",
                                 note.named) % {"count": note.named} if note.named > 1 else ""
                lines.append(f"- {text(note.text)}{named}")
                if note.belongs_to:
                    lines.append("  - *" + _("Belongs to:") + "* " + text(note.belongs_to))
            lines.append("")
    return lines
