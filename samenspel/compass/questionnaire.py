"""The role assessment's questions as data: six about the role the government should take
here (each option points to red, blue or green, method/roles.py), and who should lead.

The options are shown in a different order per question, so that no place in the list
(the first, say) stands for one role: a respondent reads the words, not a pattern.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samenspel.method.perspectives import Perspective


@dataclass(frozen=True)
class Question:
    key: str
    text: Promise
    # The option for each role, by role key (red, blue, green).
    options: dict[str, Promise]
    # Where the options start in red, blue, green order: the list is turned by this much.
    turn: int = 0

    def ordered_options(self) -> list[tuple[str, Promise]]:
        items = list(self.options.items())
        return items[self.turn:] + items[:self.turn]


QUESTIONS: tuple[Question, ...] = (
    Question("decides", _("Who decides what happens here?"), {
        "red": _("The municipality decides. Everyone keeps to that."),
        "blue": _("The municipality decides, after it has heard all interests."),
        "green": _("The residents decide together. The municipality helps."),
    }, turn=0),
    Question("rules", _("What is the place of rules here?"), {
        "red": _("There are strict rules. The municipality checks that everyone keeps them."),
        "blue": _("There are clear rules and agreements. They are the same for everyone."),
        "green": _("There are few rules. There is room for the residents' own ideas."),
    }, turn=2),
    Question("participation", _("How do residents take part?"), {
        "red": _("That is not needed. The municipality does explain why it acts."),
        "blue": _("Residents may give their opinion before the municipality decides."),
        "green": _("Residents and the municipality work together as equals."),
    }, turn=1),
    Question("plan", _("Whose plan is followed?"), {
        "red": _("The plan of the municipality, for order and safety."),
        "blue": _("The policy of the municipality, with the services it delivers."),
        "green": _("The plan of the residents themselves. The municipality joins in."),
    }, turn=2),
    Question("stance", _("Where does the municipality stand?"), {
        "red": _("Above the residents: the municipality gives direction."),
        "blue": _("Opposite the residents, as in a contract."),
        "green": _("Beside the residents, as a partner."),
    }, turn=0),
    Question("trouble", _("What happens when something goes wrong?"), {
        "red": _("The municipality steps in and puts it right."),
        "blue": _("The municipality looks at the agreements and follows the procedure."),
        "green": _("Residents and the municipality talk about it and find a solution "
                   "together."),
    }, turn=1),
)

QUESTION_KEYS: tuple[str, ...] = tuple(question.key for question in QUESTIONS)

LEAD_QUESTION = _("Who should lead in this case?")
LEAD_OPTIONS: tuple[tuple[str, Promise], ...] = (
    (Perspective.GOVERNMENT.value, _("The government (the municipality)")),
    (Perspective.ORGANISATIONS.value, _("Social organisations")),
    (Perspective.COMMUNITY.value, _("The community (the residents)")),
)


def question(key: str) -> Question | None:
    return next((q for q in QUESTIONS if q.key == key), None)
