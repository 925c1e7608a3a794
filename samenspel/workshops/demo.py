"""Demo data for a local run: a workshop in the lobby that people have started to join."""

from __future__ import annotations

from samenspel.accounts.models import User
from samenspel.method.services import default_template
from samenspel.workshops import services
from samenspel.workshops.join_codes import spoken
from samenspel.workshops.models import Workshop

DEMO_TITLE = "Dorpshuis De Kern: samen open houden"
DEMO_CASE = (
    "Het dorpshuis in Panningen kan alleen open blijven als inwoners, verenigingen en de "
    "gemeente het samen dragen. Wie doet wat, en hoe houden we elkaar vast?"
)
DEMO_PEOPLE = (("government", "Wethouder Jansen"), ("government", ""), ("organisations", ""),
               ("community", "Marieke"), ("community", ""), ("community", ""))


def setup_demo() -> list[str]:
    workshop = Workshop.objects.filter(title=DEMO_TITLE).first()
    template = default_template()
    if workshop is None and template is not None:
        workshop = services.create_workshop(
            created_by=User.objects.filter(username="gespreksleider").first(),
            template=template,
            title=DEMO_TITLE,
            case_description=DEMO_CASE,
            place="Panningen",
            facilitator_names="Anna en Joris",
        )
        for perspective, name in DEMO_PEOPLE:
            services.join_workshop(workshop, perspective, name)
    if workshop is None:
        return []
    return [f"  Demo workshop: code {spoken(workshop.join_code)}, "
            f"join at http://127.0.0.1:8000/w/{workshop.join_code}/"]
