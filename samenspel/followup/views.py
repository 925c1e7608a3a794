"""Pages of the follow-up: staff follow the activities of closed workshops (dashboard,
review page, an activity's page); each perspective checks in through its own link, without
an account; residents read the progress page once staff publish it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samenspel.accounts import audit, permissions
from samenspel.accounts.models import User
from samenspel.followup import pictures, progress, rules, services, workshop_round
from samenspel.followup.forms import (
    ActivityForm,
    CheckInForm,
    DashboardFilterForm,
    RoomCheckInForm,
    StaffCheckInForm,
    StatusForm,
)
from samenspel.followup.models import CheckIn, CheckInLink, FollowUp, Status, TrackedActivity
from samenspel.method.models import Round
from samenspel.method.perspectives import Perspective
from samenspel.workshops.models import Workshop
from samenspel.workshops.views import current_participant


def staff_only(request: HttpRequest, *, change: bool = False) -> User | None:
    if not permissions.can_view_follow_up(request.user):
        raise Http404
    if change and not permissions.can_follow_up(request.user):
        raise Http404
    return request.user if isinstance(request.user, User) else None


def closed_workshop(pk: int) -> tuple[Workshop, FollowUp]:
    workshop = get_object_or_404(Workshop, pk=pk)
    follow_up = services.follow_up_of(workshop)
    if follow_up is None:
        raise Http404
    return workshop, follow_up


def with_history(activities: QuerySet[TrackedActivity]) -> QuerySet[TrackedActivity]:
    return activities.select_related("workshop").prefetch_related(
        Prefetch("check_ins", queryset=CheckIn.objects.order_by("date", "created_at", "pk")),
        "status_changes",
    )


# -- The dashboard ---------------------------------------------------------------------------


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    staff_only(request)
    services.track_closed_workshops()
    everything = TrackedActivity.objects.all()
    places = sorted(set(everything.exclude(workshop__place="")
                        .values_list("workshop__place", flat=True)))
    form = DashboardFilterForm(request.GET or None, places=places)
    wanted = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    rows = found_rows(progress.rows(with_history(found(everything, wanted)), today), wanted)
    counts = progress.statuses_over_time(
        progress.histories(r.activity for r in rows),
        progress.sample_days(min((r.activity.created_on for r in rows), default=today), today),
    )
    return render(request, "followup/dashboard.html", {
        "form": form, "rows": rows, "searched": form.is_bound and form.is_valid(),
        "counts": counts, "chart": pictures.status_chart(counts),
        "chart_words": chart_words(counts), "statuses": Status.choices,
        "due_days": progress.check_in_days(),
    }, status=200 if not form.is_bound or form.is_valid() else 400)


def found(
    activities: QuerySet[TrackedActivity], wanted: dict[str, Any]
) -> QuerySet[TrackedActivity]:
    if wanted.get("q"):
        words = wanted["q"]
        activities = activities.filter(
            Q(title__icontains=words) | Q(description__icontains=words)
            | Q(workshop__title__icontains=words)
            | Q(workshop__case_description__icontains=words))
    if wanted.get("perspective"):
        activities = activities.filter(owner=wanted["perspective"])
    if wanted.get("place"):
        activities = activities.filter(workshop__place=wanted["place"])
    if wanted.get("status") in Status.values:
        activities = activities.filter(status=wanted["status"])
    return activities


def found_rows(rows: list[progress.Row], wanted: dict[str, Any]) -> list[progress.Row]:
    if wanted.get("status") == "overdue":
        return [r for r in rows if r.overdue]
    if wanted.get("status") == "due":
        return [r for r in rows if r.check_in_due]
    return rows


def chart_words(counts: list[Any]) -> str:
    labels = dict(Status.choices)
    parts = [
        _("%(date)s: %(counts)s") % {
            "date": day.strftime("%d-%m-%Y"),
            "counts": ", ".join(f"{labels[s]} {n}" for s, n in count.items()),
        }
        for day, count in counts
    ]
    return _("Statuses of the activities over time. %(points)s") % {"points": "; ".join(parts)}


# -- A workshop's review page ----------------------------------------------------------------


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    workshop, follow_up = closed_workshop(pk)
    activities = with_history(TrackedActivity.objects.filter(workshop=workshop))
    can_change = permissions.can_follow_up(request.user)
    links = [
        (link, request.build_absolute_uri(reverse("followup:link", args=[link.key])))
        for link in CheckInLink.objects.filter(workshop=workshop)
    ] if can_change else []
    return render(request, "followup/review.html", {
        "workshop": workshop, "follow_up": follow_up,
        "rows": progress.rows(activities, timezone.localdate()),
        "links": sorted(links, key=lambda pair: Perspective.values.index(pair[0].perspective)),
        "public_url": request.build_absolute_uri(
            reverse("followup:public", args=[follow_up.public_key])),
        "can_change": can_change,
    })


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request, change=True)
    _workshop, follow_up = closed_workshop(pk)
    services.publish_progress(follow_up, request.POST.get("public") == "1")
    audit.record(request.user, "publish_progress", workshop=pk,
                 public=request.POST.get("public") == "1")
    return redirect("followup:review", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def activity_add(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request, change=True)
    workshop, _follow_up = closed_workshop(pk)
    form = ActivityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            tracked = services.add_activity(workshop, **form.cleaned_data)
        except services.FollowUpError as error:
            form.add_error(None, error.message)
        else:
            audit.record(request.user, "add_activity", workshop=workshop.pk,
                         activity=tracked.pk)
            return redirect("followup:activity", pk=tracked.pk)
    return render(request, "followup/activity_form.html", {"form": form, "workshop": workshop},
                  status=400 if form.errors else 200)


# -- An activity -----------------------------------------------------------------------------


def tracked_activity(pk: int) -> TrackedActivity:
    return get_object_or_404(with_history(TrackedActivity.objects.all()), pk=pk)


@login_required
def activity(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request)
    tracked = tracked_activity(pk)
    return render_activity(request, tracked)


def render_activity(
    request: HttpRequest, tracked: TrackedActivity, *, status_form: StatusForm | None = None,
    check_in_form: StaffCheckInForm | None = None,
) -> HttpResponse:
    allowed = rules.next_statuses(tracked.status)
    failed = bool((status_form and status_form.errors)
                  or (check_in_form and check_in_form.errors))
    return render(request, "followup/activity.html", {
        "tracked": tracked, "workshop": tracked.workshop,
        "row": progress.rows([tracked], timezone.localdate())[0],
        "timeline": progress.timeline(tracked),
        "status_form": status_form or StatusForm(allowed=allowed),
        "check_in_form": check_in_form or StaffCheckInForm(
            initial={"key": services.new_check_in_key()}),
        "can_change": permissions.can_follow_up(request.user),
        "serves": tracked.serves.all(),
    }, status=400 if failed else 200)


@login_required
@require_http_methods(["GET", "POST"])
def activity_change(request: HttpRequest, pk: int) -> HttpResponse:
    staff_only(request, change=True)
    tracked = tracked_activity(pk)
    initial = {f: getattr(tracked, f) for f in (
        "title", "description", "owner", "owner_organisation", "contact_name",
        "contact_email", "how_we_notice", "target_date")}
    form = ActivityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_activity(tracked, **form.cleaned_data)
        except services.FollowUpError as error:
            form.add_error(None, error.message)
        else:
            audit.record(request.user, "change_activity", activity=tracked.pk)
            return redirect("followup:activity", pk=tracked.pk)
    return render(request, "followup/activity_form.html", {
        "form": form, "workshop": tracked.workshop, "tracked": tracked,
    }, status=400 if form.errors else 200)


@login_required
@require_POST
def status_change(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_only(request, change=True)
    tracked = tracked_activity(pk)
    form = StatusForm(request.POST, allowed=rules.next_statuses(tracked.status))
    if form.is_valid():
        try:
            services.change_status(tracked, form.cleaned_data["status"], changed_by=user,
                                   on=form.cleaned_data["date"])
        except services.FollowUpError as error:
            form.add_error(None, error.message)
        else:
            audit.record(request.user, "change_status", activity=tracked.pk,
                         status=form.cleaned_data["status"])
            return redirect("followup:activity", pk=tracked.pk)
    return render_activity(request, tracked, status_form=form)


@login_required
@require_POST
def staff_check_in(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_only(request, change=True)
    tracked = tracked_activity(pk)
    form = StaffCheckInForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_check_in(
                tracked, perspective=data["perspective"], done=data["done"],
                worked=data["worked"], key=data["key"], evidence=data["evidence"],
                evidence_link=data["evidence_link"], left_to_do=data["left_to_do"],
                recorded_by=user, on=data["date"],
            )
        except services.FollowUpError as error:
            form.add_error(None, error.message)
        else:
            audit.record(request.user, "record_check_in", activity=tracked.pk,
                         perspective=data["perspective"])
            messages.success(request, _("The check-in is saved."))
            return redirect("followup:activity", pk=tracked.pk)
    return render_activity(request, tracked, check_in_form=form)


# -- Through a perspective's link ------------------------------------------------------------


def link_of(key: str) -> CheckInLink:
    return get_object_or_404(CheckInLink.objects.select_related("workshop"), key=key)


def link_page(request: HttpRequest, key: str) -> HttpResponse:
    """The activities of the workshop, for one group to check in on."""
    link = link_of(key)
    activities = TrackedActivity.objects.filter(workshop=link.workshop).prefetch_related(
        Prefetch("check_ins", queryset=CheckIn.objects.filter(perspective=link.perspective)))
    return render(request, "followup/link.html", {
        "link": link, "workshop": link.workshop,
        "activities": [(t, max((c.date for c in t.check_ins.all()), default=None))
                       for t in activities],
    })


@require_http_methods(["GET", "POST"])
def link_check_in(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    link = link_of(key)
    tracked = get_object_or_404(TrackedActivity, pk=pk, workshop=link.workshop)
    form = CheckInForm(request.POST or None, initial={"key": services.new_check_in_key()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_check_in_by_link(
                link, tracked, done=data["done"], worked=data["worked"], key=data["key"],
                evidence=data["evidence"], evidence_link=data["evidence_link"],
                left_to_do=data["left_to_do"],
            )
        except services.FollowUpError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you. Your check-in is saved."))
            return redirect("followup:link", key=key)
    return render(request, "followup/link_check_in.html", {
        "link": link, "workshop": link.workshop, "tracked": tracked, "form": form,
    }, status=400 if form.errors else 200)


# -- The public progress page ----------------------------------------------------------------


def public(request: HttpRequest, key: str) -> HttpResponse:
    """What residents may read once staff publish it: no names, no e-mail addresses."""
    follow_up = get_object_or_404(
        FollowUp.objects.select_related("workshop"), public_key=key, is_public=True)
    activities = with_history(TrackedActivity.objects.filter(workshop=follow_up.workshop))
    return render(request, "followup/public.html", {
        "workshop": follow_up.workshop,
        "rows": progress.rows(activities, timezone.localdate()),
    })


# -- A second-wave workshop's look-back round ------------------------------------------------


@require_POST
def look_back_answer(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """A participant looks back on one earlier activity from their phone, for their group."""
    workshop = get_object_or_404(
        Workshop.objects.select_related("template", "current_round"), join_code=code.upper()
    )
    me = current_participant(request, workshop)
    back = redirect("workshops:participant", code=workshop.join_code)
    if me is None or workshop.current_round is None or (
        workshop.current_round.kind != Round.Kind.REVIEW
    ):
        return back  # not joined, or the room has moved on: the phone shows where it is
    tracked = get_object_or_404(TrackedActivity, pk=pk)
    form = RoomCheckInForm(request.POST, auto_id=f"a{tracked.pk}_%s")
    if form.is_valid():
        try:
            services.record_room_check_in(me, tracked, done=form.cleaned_data["done"],
                                          worked=form.cleaned_data["worked"])
        except services.FollowUpError as error:
            form.add_error(None, error.message)
        else:
            return back
    return workshop_round.phone_page(request, workshop, me, {tracked.pk: form}, status=400)


@login_required
@require_POST
def look_back_previous(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator lets the look-back round review another closed workshop."""
    if not permissions.can_run_workshops(request.user):
        raise Http404
    workshop = get_object_or_404(Workshop.objects.select_related("current_round"), pk=pk)
    chosen = request.POST.get("previous", "")
    previous = Workshop.objects.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    if previous is None:
        messages.error(request, _("Choose one of the workshops in the list."))
    else:
        try:
            services.look_back_on(workshop, previous)
        except services.FollowUpError as error:
            messages.error(request, error.message)
        else:
            audit.record(request.user, "look_back_on", workshop=workshop.pk,
                         previous=previous.pk)
    return redirect("workshops:console", pk=workshop.pk)
