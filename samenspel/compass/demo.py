"""Demo data for a local run: three cases, one assessed twice (the groups came closer), one
assessed once and still open for answers, and one not measured yet; and a workshop waiting
to start whose first round is the role compass. Made through the services, as real answers
would be."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from samenspel.accounts.models import User
from samenspel.compass import services
from samenspel.compass.models import Case
from samenspel.compass.questionnaire import QUESTION_KEYS
from samenspel.method.models import WorkshopTemplate
from samenspel.workshops import services as workshops
from samenspel.workshops.join_codes import spoken
from samenspel.workshops.models import Workshop

ROLE_LETTERS = {"r": "red", "b": "blue", "g": "green"}
LEAD_LETTERS = {"G": "government", "O": "organisations", "C": "community"}


@dataclass(frozen=True)
class DemoAssessment:
    days_ago: int
    # Per perspective: one answer per respondent, as six role letters and a lead letter,
    # "bbrbbg G": blue, blue, red, blue, blue, green; the government should lead.
    answers: dict[str, tuple[str, ...]]
    is_open: bool = False


@dataclass(frozen=True)
class DemoCase:
    title: str
    description: str
    area: str
    theme: str
    owner: str
    assessments: tuple[DemoAssessment, ...] = ()


CASES = (
    DemoCase(
        title="Dorpshuis De Kern",
        description=("Het dorpshuis in Panningen kan alleen open blijven als inwoners, "
                     "verenigingen en de gemeente het samen dragen. Wie doet wat?"),
        area="Panningen", theme="Ontmoeting", owner="government",
        assessments=(
            DemoAssessment(days_ago=180, answers={
                "government": ("rbbbrb G", "rbbbbb G", "rbbbrb G", "bbbbrb O"),
                "organisations": ("bbgbbg O", "bbgbbg O", "gbgbbg G"),
                "community": ("ggggbg C", "gggggg C", "ggggbg C", "gbggbg C"),
            }),
            DemoAssessment(days_ago=14, answers={
                "government": ("gbgggb C", "gbgggb C", "gbggbb O", "gbgggb C"),
                "organisations": ("gbgggg C", "gbgggb C", "gbgggg O"),
                "community": ("gbgggg C", "gggggg C", "gbgggg C", "gbgggg C"),
            }),
        ),
    ),
    DemoCase(
        title="Speelplek Kerkstraat",
        description=("De speelplek aan de Kerkstraat in Baarlo is oud. Ouders willen "
                     "meedenken en meedoen. Wie pakt het op?"),
        area="Baarlo", theme="Spelen", owner="community",
        assessments=(
            DemoAssessment(days_ago=3, is_open=True, answers={
                "government": ("rbbbrb G", "rbbbbb G", "bbbgrb G"),
                "organisations": ("gbgbbg O", "gbgbgg C"),
                "community": ("ggggbg C", "gggggg C", "ggggbg C"),
            }),
        ),
    ),
    DemoCase(
        title="Veilig naar school in Kessel",
        description=("Ouders maken zich zorgen over het verkeer bij de basisschool. Wat doet "
                     "de gemeente, wat doet de school, en wat doen ouders zelf?"),
        area="Kessel", theme="Verkeer", owner="organisations",
    ),
)


def setup_demo() -> list[str]:
    facilitator = User.objects.filter(username="gespreksleider").first()
    lines = []
    for demo in CASES:
        case = Case.objects.filter(title=demo.title).first()
        if case is None:
            case = make_case(demo, facilitator)
        for assessment in case.assessments.filter(is_open=True):
            lines.append(f"  Role assessment open: code {spoken(assessment.code)}, "
                         f"answer at http://127.0.0.1:8000/v/{assessment.code}/")
    workshop = compass_workshop(facilitator)
    if workshop is not None and workshop.state != Workshop.State.CLOSED:
        lines.append(f"  Workshop with the role compass as round 1: code "
                     f"{spoken(workshop.join_code)}, console at "
                     f"http://127.0.0.1:8000/workshops/{workshop.pk}/")
    return lines


COMPASS_WORKSHOP = "Oude school Kessel: welke rol past?"


def compass_workshop(facilitator: User | None) -> Workshop | None:
    """A workshop in the lobby from the template that starts with the role compass."""
    found = Workshop.objects.filter(title=COMPASS_WORKSHOP).first()
    template = WorkshopTemplate.objects.filter(rounds__kind="role_compass").first()
    if found is not None or template is None:
        return found
    return workshops.create_workshop(
        created_by=facilitator, template=template, title=COMPASS_WORKSHOP, place="Kessel",
        facilitator_names="Anna",
        case_description=(
            "Inwoners van Kessel willen de oude school gebruiken als ontmoetingsplek. De "
            "gemeente is eigenaar van het gebouw. Welke rol past de gemeente hier, en wie "
            "neemt de leiding?"
        ),
    )


def make_case(demo: DemoCase, facilitator: User | None) -> Case:
    today = timezone.localdate()
    first = demo.assessments[0].days_ago if demo.assessments else 0
    case = services.create_case(
        created_by=facilitator, title=demo.title, description=demo.description,
        area=demo.area, theme=demo.theme, owner=demo.owner,
        date=today - timedelta(days=first + 7),
    )
    for planned in demo.assessments:
        assessment = services.start_assessment(
            case, created_by=facilitator, date=today - timedelta(days=planned.days_ago)
        )
        for perspective, answers in planned.answers.items():
            for answer in answers:
                roles, lead = answer.split()
                services.record_answer(
                    assessment, perspective=perspective, lead=LEAD_LETTERS[lead],
                    roles={key: ROLE_LETTERS[letter]
                           for key, letter in zip(QUESTION_KEYS, roles, strict=True)},
                    key=services.new_answer_key(),
                )
        if not planned.is_open:
            services.close_assessment(assessment)
    return case
