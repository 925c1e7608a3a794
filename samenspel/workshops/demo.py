"""Demo data for a local run: a workshop in progress (rounds 1 and 2 written, round 3 open)
and a finished one with its 6 activities, so a newcomer sees both the console at work and
an outcome. Everything is made through the services, as a real workshop would be."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from samenspel.accounts.models import User
from samenspel.method.models import Round, WorkshopTemplate
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.join_codes import spoken
from samenspel.workshops.models import Activity, Contribution, Participant, Workshop


@dataclass(frozen=True)
class GroupStory:
    """What one perspective group wrote: (behaviour, its beliefs) and (routine, its
    thoughts), and the activities it proposed — the first two are the ones it chooses."""

    behaviours: tuple[tuple[str, tuple[str, ...]], ...]
    routines: tuple[tuple[str, tuple[str, ...]], ...]
    activities: tuple[tuple[str, str], ...]
    names: tuple[str, ...] = ()
    members: int = 3


@dataclass(frozen=True)
class DemoWorkshop:
    title: str
    case: str
    place: str
    facilitators: str
    groups: dict[str, GroupStory]
    finished: bool
    days_ago: int = 0
    chosen_groups: tuple[str, ...] = field(default=("government", "organisations", "community"))


DE_KERN = DemoWorkshop(
    title="Dorpshuis De Kern: samen open houden",
    case=(
        "Het dorpshuis in Panningen kan alleen open blijven als inwoners, verenigingen en de "
        "gemeente het samen dragen. Wie doet wat, en hoe houden we elkaar vast?"
    ),
    place="Panningen",
    facilitators="Anna en Joris",
    finished=False,
    chosen_groups=("community",),
    groups={
        "government": GroupStory(
            names=("Wethouder Jansen",),
            behaviours=(
                ("We vragen eerst wat het dorp zelf wil, voordat we iets regelen.",
                 ("Het dorp weet zelf het beste wat nodig is.",)),
                ("We spreken het bestuur van het dorpshuis elke maand.",
                 ("Wij hoeven niet alles zelf op te lossen.",)),
            ),
            routines=(
                ("We sturen een brief met regels als er iets misgaat.",
                 ("Regels zijn eerlijker voor iedereen.",)),
                ("We beslissen over subsidie zonder het dorp te spreken.",
                 ("Als wij het niet regelen, gebeurt het niet.",)),
            ),
            activities=(
                ("Elke maand een koffie-overleg in het dorpshuis",
                 "De wethouder en een beleidsmedewerker schuiven aan bij het bestuur."),
                ("Subsidie op basis van het dorpsplan",
                 "Het dorp schrijft zelf op wat het nodig heeft; wij kijken wat we kunnen geven."),
                ("Eén vast aanspreekpunt bij de gemeente", ""),
            ),
        ),
        "organisations": GroupStory(
            behaviours=(
                ("We sluiten aan bij wat er al gebeurt in het dorpshuis.",
                 ("Vrijwilligers zijn onze partners, geen klanten.",)),
                ("We delen onze ruimte en ons netwerk met de vrijwilligers.", ()),
            ),
            routines=(
                ("We organiseren onze activiteiten op een andere plek.",
                 ("Daar hebben we alles al geregeld.",)),
                ("We wachten op een opdracht van de gemeente.",
                 ("Zonder opdracht krijgen we het niet betaald.",)),
            ),
            activities=(
                ("Welzijnsspreekuur in het dorpshuis",
                 "Elke dinsdagochtend zit er iemand van de welzijnsorganisatie aan de bar."),
                ("Een gezamenlijke activiteitenkalender",
                 "Eén kalender voor alles wat er in het dorpshuis gebeurt."),
                ("Cursus voor nieuwe vrijwilligers", ""),
            ),
        ),
        "community": GroupStory(
            names=("Marieke",),
            members=4,
            behaviours=(
                ("We vragen buren persoonlijk om een keer mee te helpen.",
                 ("Iedereen kan iets, ook al is het klein.", "Samen is het leuker dan alleen.")),
                ("We maken samen een rooster voor de bar en de schoonmaak.", ()),
            ),
            routines=(
                ("Altijd dezelfde vijf mensen doen al het werk.",
                 ("Nieuwe mensen willen toch niet helpen.",)),
                ("We klagen bij de gemeente in plaats van zelf iets te doen.",
                 ("De gemeente moet dit betalen.",)),
            ),
            activities=(
                ("Burendag: iedereen helpt één uur",
                 "Op de burendag vragen we elke buur om één uur per maand."),
                ("Een open rooster op het prikbord en online", ""),
                ("Een feest voor alle vrijwilligers", "Om dank je wel te zeggen."),
            ),
        ),
    },
)

SPEELPLEK = DemoWorkshop(
    title="Speelplek Kerkstraat Baarlo: wie pakt het op?",
    case=(
        "De speelplek aan de Kerkstraat in Baarlo is oud. Ouders willen meedenken en "
        "meedoen. Hoe zorgen we samen voor een plek waar kinderen graag spelen?"
    ),
    place="Baarlo",
    facilitators="Joris",
    finished=True,
    days_ago=40,
    groups={
        "government": GroupStory(
            behaviours=(
                ("We laten de ouders het ontwerp maken; wij toetsen alleen de veiligheid.",
                 ("Ouders weten wat hun kinderen leuk vinden.",)),
            ),
            routines=(
                ("We kiezen de toestellen uit een catalogus.",
                 ("Zo weten we zeker dat het veilig is.",)),
            ),
            activities=(
                ("Ouders kiezen de toestellen, wij keuren ze", ""),
                ("Een vast budget voor onderhoud, beheerd door de buurt", ""),
                ("Een informatieavond over de regels", ""),
            ),
        ),
        "organisations": GroupStory(
            behaviours=(
                ("De school laat kinderen tekenen hoe hun speelplek eruitziet.",
                 ("Kinderen hebben de beste ideeën.",)),
            ),
            routines=(
                ("We denken pas mee als de plannen al klaar zijn.",
                 ("Het is niet onze taak.",)),
            ),
            activities=(
                ("Tekenwedstrijd op basisschool De Wieken", ""),
                ("Buurtsportcoach organiseert elke woensdag spelletjes", ""),
            ),
        ),
        "community": GroupStory(
            members=4,
            behaviours=(
                ("We spreken af wie de speelplek schoon houdt.",
                 ("Het is onze plek, dus zorgen we er samen voor.",)),
            ),
            routines=(
                ("We bellen de gemeente over elk kapot ding.",
                 ("Wij mogen er toch niets aan doen.",)),
            ),
            activities=(
                ("Een klusdag in het voorjaar", "Ouders en kinderen knappen samen de plek op."),
                ("Een appgroep van de speelplek", "Voor afspraken en als er iets kapot is."),
            ),
        ),
    },
)

DEMO_WORKSHOPS = (DE_KERN, SPEELPLEK)
REACTIONS = ("support", "concern", "help")


def setup_demo() -> list[str]:
    template = default_template()
    if template is None:
        return []
    facilitator = User.objects.filter(username="gespreksleider").first()
    lines = []
    for demo in DEMO_WORKSHOPS:
        workshop = Workshop.objects.filter(title=demo.title).first()
        if workshop is None:
            workshop = run_demo_workshop(demo, template, facilitator)
        if workshop.state == Workshop.State.CLOSED:
            lines.append(f"  Finished workshop: http://127.0.0.1:8000/uitkomst/"
                         f"{workshop.outcome_key}/")
        else:
            lines.append(f"  Workshop in progress: code {spoken(workshop.join_code)}, "
                         f"join at http://127.0.0.1:8000/w/{workshop.join_code}/")
    return lines


def run_demo_workshop(
    demo: DemoWorkshop, template: WorkshopTemplate, facilitator: User | None
) -> Workshop:
    workshop = services.create_workshop(
        created_by=facilitator, template=template, title=demo.title,
        case_description=demo.case, place=demo.place, facilitator_names=demo.facilitators,
        date=timezone.localdate() - timedelta(days=demo.days_ago),
    )
    members = {
        perspective: [
            services.join_workshop(workshop, perspective, story.names[n] if n < len(story.names)
                                   else "")
            for n in range(story.members)
        ]
        for perspective, story in demo.groups.items()
    }
    rounds = {r.number: r for r in template.rounds.all()}
    write_round(workshop, rounds[1], members, demo, "desired_behaviour", "activating_belief")
    write_round(workshop, rounds[2], members, demo, "routine", "hindering_thought")
    services.open_round(workshop, rounds[3])
    services.start_timer(workshop, 15)
    for perspective, story in demo.groups.items():
        choose_in_group(workshop, perspective, story, members[perspective],
                        confirm=perspective in demo.chosen_groups)
    if demo.finished:
        everyone = [member for group in members.values() for member in group]
        for activity in Activity.objects.filter(workshop=workshop, chosen=True):
            services.show_activity(workshop, activity)
            # The same every run, different per activity: a room does not react in step.
            room = random.Random(activity.title)  # noqa: S311 (demo data, not a secret)
            for member in everyone:
                for kind in room.sample(REACTIONS, room.randint(0, 2)):
                    services.react_to_activity(member, activity, kind)
        services.stop_timer(workshop)
        services.close_workshop(workshop)
        Workshop.objects.filter(pk=workshop.pk).update(
            created_at=timezone.now() - timedelta(days=demo.days_ago))
        workshop.refresh_from_db()
    return workshop


def write_round(
    workshop: Workshop,
    round_: Round,
    members: dict[str, list[Participant]],
    demo: DemoWorkshop,
    first_kind: str,
    linked_kind: str,
) -> None:
    """Each group writes its first notes and links the second kind to them."""
    services.open_round(workshop, round_)
    first, linked = (round_.prompts.get(kind=kind) for kind in (first_kind, linked_kind))
    for perspective, story in demo.groups.items():
        pairs = story.behaviours if first_kind == "desired_behaviour" else story.routines
        writers = members[perspective]
        for n, (text, follow_ups) in enumerate(pairs):
            note = services.add_contribution(writers[n % len(writers)], first, text)
            for m, follow_up in enumerate(follow_ups):
                services.add_contribution(writers[(n + m + 1) % len(writers)], linked,
                                          follow_up, links_to=note)
    services.close_round(workshop)


def choose_in_group(
    workshop: Workshop,
    perspective: str,
    story: GroupStory,
    writers: list[Participant],
    confirm: bool,
) -> None:
    """The group proposes its activities, every member puts dots on the first two, and the
    group confirms those when it is done."""
    behaviours = list(Contribution.objects.of_group(workshop, perspective).filter(
        prompt__kind="desired_behaviour"))
    proposed = [
        services.propose_activity(writers[n % len(writers)], title, description,
                                  serves=behaviours[n:n + 1])
        for n, (title, description) in enumerate(story.activities)
    ]
    for n, member in enumerate(writers):
        services.place_dot(member, proposed[0])
        services.place_dot(member, proposed[1 if n % 2 == 0 else -1])
    if confirm:
        services.choose_activities(workshop, perspective, proposed[:2])
