"""The cast of the report tests: the workshop tests' cast, and a finished workshop with
everything an export must get right — names given and not, a hidden note, a merged
duplicate, beliefs linked to behaviours, three activities per group of which two were
chosen, dots and reactions, and text that tries to break a file."""

from datetime import date

import pytest

from samenspel.workshops import services
from samenspel.workshops.models import Workshop
from samenspel.workshops.tests.conftest import *  # noqa: F403 (the shared cast)

# What a participant may well type: quotes, emoji, Arabic and Hebrew, and text a
# spreadsheet would run as a formula.
TRICKY = (
    'Zeg "ja" tegen \'elkaar\' 😀',
    "مرحبا بالجيران — שלום שכנים",
    "=HYPERLINK(\"http://example.invalid\",\"klik\")",
    "+31 6 12345678 bellen",
    "-meer groen in de straat",
    "@gemeente: luister",
    "# geen kop, <b>geen HTML</b> | * _",
)
HIDDEN = "Deze notitie is verborgen"
DUPLICATE = "We vragen buren om hulp!"


@pytest.fixture
def finished(workshop, rounds):
    """A workshop in Panningen that ran to its end."""
    Workshop.objects.filter(pk=workshop.pk).update(
        date=date(2026, 11, 12), place="Panningen", facilitator_names="Anna en Joris")
    workshop.refresh_from_db()
    services.open_round(workshop, rounds[1])
    behaviour = rounds[1].prompts.get(kind="desired_behaviour")
    belief = rounds[1].prompts.get(kind="activating_belief")
    members = {
        "government": [services.join_workshop(workshop, "government", "Wethouder Jansen"),
                       services.join_workshop(workshop, "government")],
        "organisations": [services.join_workshop(workshop, "organisations")],
        "community": [services.join_workshop(workshop, "community", "Marieke"),
                      services.join_workshop(workshop, "community"),
                      services.join_workshop(workshop, "community")],
    }
    behaviours = {}
    for perspective, people in members.items():
        note = services.add_contribution(people[0], behaviour, f"Gedrag van {perspective}")
        behaviours[perspective] = note
        services.add_contribution(people[-1], belief, f"Gedachte van {perspective}",
                                  links_to=note)
    for text in TRICKY:
        services.add_contribution(members["community"][1], behaviour, text)
    hidden = services.add_contribution(members["community"][2], behaviour, HIDDEN)
    services.hide_note(workshop, hidden, "Een naam van een buurman")
    kept = services.add_contribution(members["community"][0], behaviour, "We vragen buren om hulp")
    twin = services.add_contribution(members["community"][1], behaviour, DUPLICATE)
    services.merge_notes(workshop, twin, kept)
    services.close_round(workshop)

    services.open_round(workshop, rounds[2])
    routine = rounds[2].prompts.get(kind="routine")
    thought = rounds[2].prompts.get(kind="hindering_thought")
    for perspective, people in members.items():
        note = services.add_contribution(people[0], routine, f"Gewoonte van {perspective}")
        services.add_contribution(people[0], thought, f"Remmende gedachte van {perspective}",
                                  links_to=note)
    services.close_round(workshop)

    services.open_round(workshop, rounds[3])
    for perspective, people in members.items():
        proposed = [
            services.propose_activity(
                people[0], f"Activiteit {n} van {perspective}",
                f"Zo doen we het.\nStap {n}: samen.", serves=[behaviours[perspective]],
            )
            for n in (1, 2, 3)
        ]
        for person in people:
            services.place_dot(person, proposed[0])
        services.choose_activities(workshop, perspective, proposed[:2])
    first = workshop.activities.filter(chosen=True).order_by("pk").first()
    services.show_activity(workshop, first)
    everyone = [person for people in members.values() for person in people]
    for person in everyone:
        services.react_to_activity(person, first, "support")
    services.react_to_activity(members["government"][0], first, "concern")
    services.react_to_activity(members["community"][0], first, "help")
    services.close_workshop(workshop)
    workshop.refresh_from_db()
    return workshop
