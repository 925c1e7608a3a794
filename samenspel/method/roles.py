"""The meervoudige overheid: the three roles a government can take (domain.md §1)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class GovernmentRole:
    """One of the three roles. `stance` is where the government stands towards residents;
    `shape` is the symbol drawn for it, so the colour is never the only cue."""

    key: str
    slug: str
    colour: Promise
    colour_hex: str
    name: Promise
    stance: Promise
    shape: str
    summary: Promise
    guarantees: Promise
    values: Promise
    who_leads: Promise
    participation: Promise
    citizen_influence: Promise
    typical_work: Promise


RED = GovernmentRole(
    key="red",
    slug="rood",
    colour=_("red"),
    colour_hex="#c0282d",
    name=_("Authoritarian government"),
    stance=_("above"),
    shape="square",
    summary=_(
        "The government is in charge. It keeps order and safety, and it enforces the rules."
    ),
    guarantees=_("Order and safety."),
    values=_("Equality and justice."),
    who_leads=_("The government."),
    participation=_("Little or none is needed. The government does explain why."),
    citizen_influence=_("Through elections."),
    typical_work=_("Commands, bans and enforcement."),
)

BLUE = GovernmentRole(
    key="blue",
    slug="blauw",
    colour=_("blue"),
    colour_hex="#1f5c99",
    name=_("Rule-driven government"),
    stance=_("opposite"),
    shape="diamond",
    summary=_(
        "The government delivers public services by clear rules. Residents and businesses "
        "look after their own interests, as in a contract."
    ),
    guarantees=_("The delivery of public services."),
    values=_(
        "Balancing interests. Residents and businesses look after their own interests "
        "(a contract society)."
    ),
    who_leads=_("The government."),
    participation=_("Participation and having a say improve quality and support."),
    citizen_influence=_("Participation and having a say (inspraak)."),
    typical_work=_("Spatial planning, maintaining public space, tasks in the social domain."),
)

GREEN = GovernmentRole(
    key="green",
    slug="groen",
    colour=_("green"),
    colour_hex="#2e7d32",
    name=_("Communicative government"),
    stance=_("beside"),
    shape="circle",
    summary=_(
        "The community leads. The government does not take the lead: it is an equal "
        "partner beside residents and supports their own plans."
    ),
    guarantees=_("Support for the community's own development."),
    values=_("Empathy and being involved with each other."),
    who_leads=_("Not the government: the community."),
    participation=_("An equal relationship. The government leaves its rules at home."),
    citizen_influence=_("Residents set their own agenda; the government follows it."),
    typical_work=_("Community development, village agendas, residents' initiatives."),
)

ROLES: tuple[GovernmentRole, ...] = (RED, BLUE, GREEN)

# The attributes in the order the comparison table shows them, with their row headings.
ROLE_ATTRIBUTES: tuple[tuple[str, Promise], ...] = (
    ("guarantees", _("What the government guarantees")),
    ("values", _("Values that steer")),
    ("who_leads", _("Who leads")),
    ("participation", _("Participation")),
    ("citizen_influence", _("Influence of residents")),
    ("typical_work", _("Typical work")),
    ("stance", _("Where the government stands")),
)


def role_by_slug(slug: str) -> GovernmentRole | None:
    return next((role for role in ROLES if role.slug == slug), None)
