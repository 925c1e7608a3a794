"""Demo data for a local run: the follow-up of the finished demo workshop — owners, target
dates (one passed: an overdue activity), status changes and check-ins from the three
groups, and its progress page made public. Made through the services."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from samenspel.accounts.models import User
from samenspel.followup import services
from samenspel.followup.models import CheckIn, CheckInLink, TrackedActivity
from samenspel.workshops.demo import SPEELPLEK
from samenspel.workshops.models import Workshop

# Per chosen activity (by the start of its title): organisation, how we notice, target
# date in days from today, status moves (days ago, status), check-ins (days ago, group,
# worked, done, left to do).
PLANS = {
    "Ouders kiezen": (
        "Gemeente Peel en Maas", "Ouders zeggen dat zij het ontwerp hebben gemaakt.", 30,
        [(30, "started")],
        [(20, "community", "partly", "Twaalf ouders kozen samen drie toestellen.",
          "De keuring door de gemeente moet nog."),
         (10, "government", "yes", "De toestellen zijn gekeurd en goedgekeurd.", "")],
    ),
    "Tekenwedstrijd": (
        "Basisschool De Wieken", "Kinderen herkennen hun tekening in de speelplek.", -5,
        [(35, "started")],
        [(25, "organisations", "yes", "Tachtig tekeningen binnen, de jury koos er vijf.",
          "De winnende tekeningen laten zien in het dorpshuis.")],
    ),
    "Een klusdag": (
        "Buurtvereniging Kerkstraat", "Er komen meer dan twintig mensen helpen.", 60,
        [(15, "started"), (5, "done")],
        [(5, "community", "yes", "Dertig buren hielpen; de bankjes zijn geverfd.",
          "Volgend jaar weer, in het najaar."),
         (4, "organisations", "unknown", "De buurtsportcoach was erbij.", "")],
    ),
}


def setup_demo() -> list[str]:
    workshop = Workshop.objects.filter(title=SPEELPLEK.title,
                                       state=Workshop.State.CLOSED).first()
    if workshop is None:
        return []
    follow_up = services.track_activities(workshop)
    activities = TrackedActivity.objects.filter(workshop=workshop)
    if not CheckIn.objects.filter(activity__workshop=workshop).exists():
        fill_in(list(activities), User.objects.filter(username="gespreksleider").first())
        services.publish_progress(follow_up, True)
    link = CheckInLink.objects.get(workshop=workshop, perspective="community")
    return [
        "  Follow-up of the finished workshop: http://127.0.0.1:8000/opvolging/"
        f"workshops/{workshop.pk}/",
        f"  Check in as the community: http://127.0.0.1:8000/terugblik/{link.key}/",
        f"  Progress page: http://127.0.0.1:8000/voortgang/{follow_up.public_key}/",
    ]


def fill_in(activities: list[TrackedActivity], facilitator: User | None) -> None:
    today = timezone.localdate()
    for tracked in activities:
        plan = next((p for start, p in PLANS.items() if tracked.title.startswith(start)), None)
        if plan is None:
            continue
        organisation, notice, target_in, moves, check_ins = plan
        services.change_activity(
            tracked, title=tracked.title, owner=tracked.owner, description=tracked.description,
            owner_organisation=organisation, how_we_notice=notice,
            target_date=today + timedelta(days=target_in),
        )
        for days_ago, status in moves:
            services.change_status(tracked, status, changed_by=facilitator,
                                   on=today - timedelta(days=days_ago))
        for days_ago, perspective, worked, done, left in check_ins:
            services.record_check_in(
                tracked, perspective=perspective, done=done, worked=worked, left_to_do=left,
                key=f"demo-{tracked.pk}-{days_ago}-{perspective}",
                on=today - timedelta(days=days_ago),
            )
