"""Forms of the follow-up: an activity, its status, a check-in (staff's and the link's)
and the dashboard's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.core.forms import NLDesignForm
from samenspel.followup.models import Status, Worked
from samenspel.method.perspectives import PERSPECTIVES

PERSPECTIVE_CHOICES = [(info.perspective.value, info.perspective.label) for info in PERSPECTIVES]


def date_field(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label, required=required,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"invalid": _("Write the date like 31-12-2026.")},
    )


class ActivityForm(NLDesignForm):
    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(label=_("Description"), max_length=500, required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    owner = forms.ChoiceField(
        label=_("Who owns the activity?"), choices=PERSPECTIVE_CHOICES, widget=forms.RadioSelect,
        error_messages={"required": _("Choose the group that owns the activity.")},
    )
    owner_organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=120, required=False,
        help_text=_("For example: the welfare organisation, the village council."),
    )
    contact_name = forms.CharField(label=_("Contact person (optional)"), max_length=120,
                                   required=False)
    contact_email = forms.EmailField(
        label=_("E-mail address of the contact person (optional)"), required=False,
        help_text=_("Gets a reminder when a check-in is due. Never shown to residents."),
        error_messages={"invalid": _(
            "This is not an e-mail address. Write it like naam@voorbeeld.nl.")},
    )
    how_we_notice = forms.CharField(
        label=_("How will we notice that it works?"), max_length=1000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    target_date = date_field(_("Target date (optional)"), required=False)


class StatusForm(NLDesignForm):
    status = forms.ChoiceField(
        label=_("New status"), choices=Status.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose the new status.")},
    )
    date = date_field(_("Since when"))

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate
        labels = dict(Status.choices)
        self.fields["status"].choices = [(s, labels[s]) for s in allowed]  # type: ignore[attr-defined]


class CheckInForm(NLDesignForm):
    """The three questions, as a perspective answers them through its link."""

    key = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    done = forms.CharField(
        label=_("What have you done?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write what you have done.")},
    )
    worked = forms.ChoiceField(
        label=_("Did it work?"), choices=Worked.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Say whether it worked.")},
    )
    evidence = forms.CharField(
        label=_("How do you know? (optional)"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What did you see or hear? Do not write names."),
    )
    evidence_link = forms.CharField(
        label=_("A link to more (optional)"), max_length=500, required=False,
        help_text=_("For example a photo, a newspaper article or minutes. Starts with https://."),
    )
    left_to_do = forms.CharField(
        label=_("What is left to do? (optional)"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class StaffCheckInForm(CheckInForm):
    """Staff record a check-in for one of the groups, also one told on paper or by phone."""

    perspective = forms.ChoiceField(
        label=_("For which group?"), choices=PERSPECTIVE_CHOICES, widget=forms.RadioSelect,
        error_messages={"required": _("Choose the group you speak for.")},
    )
    date = date_field(_("Date"))

    field_order = ["perspective", "date", "done", "worked", "evidence", "evidence_link",
                   "left_to_do", "key"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate


class DashboardFilterForm(NLDesignForm):
    """The filters above the dashboard (a GET form: a filtered view is a link)."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False,
                        help_text=_("Words from the workshop, the case or the activity."))
    perspective = forms.ChoiceField(
        label=_("Owner"), required=False, choices=[("", _("All")), *PERSPECTIVE_CHOICES],
    )
    place = forms.ChoiceField(label=_("Village or area"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", _("All")), *Status.choices, ("overdue", _("Overdue")),
                 ("due", _("Check-in due"))],
    )

    def __init__(self, *args: Any, places: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].choices = [("", _("All"))] + [(p, p) for p in places]  # type: ignore[attr-defined]


class RoomCheckInForm(NLDesignForm):
    """One earlier activity, looked back on from a phone in the room."""

    worked = forms.ChoiceField(
        label=_("Did it work?"), choices=Worked.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Say whether it worked.")},
    )
    done = forms.CharField(
        label=_("What have you done?"), max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write what you have done.")},
    )
