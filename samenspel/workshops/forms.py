"""Forms for preparing a workshop, entering a join code and joining a group."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.models import Theme
from samenspel.core.forms import NLDesignForm
from samenspel.method.models import Round, WorkshopTemplate
from samenspel.method.perspectives import PERSPECTIVES
from samenspel.workshops.join_codes import normalise_join_code


class WorkshopForm(NLDesignForm):
    template = forms.ModelChoiceField(
        label=_("Workshop template"), queryset=WorkshopTemplate.objects.all(), empty_label=None
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    case_description = forms.CharField(
        label=_("Case"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe the case in a few plain sentences. Participants read it first."),
    )
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    facilitator_names = forms.CharField(
        label=_("Facilitators"), max_length=200, required=False,
        help_text=_("The names participants see, for example: Anna and Joris."),
    )
    dot_budget = forms.IntegerField(
        label=_("Dots per participant"), min_value=1, max_value=10, initial=3,
        help_text=_("How many votes each participant has when the group chooses activities."),
    )

    retention_months = forms.IntegerField(
        label=_("Keep participants' data (months, optional)"), min_value=1, max_value=120,
        required=False,
    )
    private_rounds = forms.TypedMultipleChoiceField(
        label=_("Private writing (optional)"), coerce=int, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("In these rounds everyone first writes on their own. The group sees the "
                    "notes when you show them."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["retention_months"].help_text = _(
            "After this many months from the date, names are removed and hidden notes "
            "deleted. Empty: the organisation's period of %(months)d months."
        ) % {"months": Theme.objects.current().retention_months}
        self.fields["retention_months"].widget.attrs["aria-describedby"] = (
            f"{self['retention_months'].auto_id}_help")
        default = WorkshopTemplate.objects.filter(is_default=True).first()
        if default is not None:
            self.fields["template"].initial = default.pk
        # By number, so the choice fits whichever template is picked; each number is named
        # after its writing round in the default template, or else in the first template
        # that has one (then with that template's name).
        labels: dict[int, str] = {}
        writing = Round.objects.filter(kind=Round.Kind.REFLECT).select_related("template")
        for round_ in writing.order_by("-template__is_default", "template__title_nl"):
            if round_.number in labels:
                continue
            label = _("Round %(number)d: %(title)s") % {
                "number": round_.number, "title": round_.title}
            labels[round_.number] = label if round_.template.is_default else (
                f"{label} ({round_.template.title})")
        cast(forms.ChoiceField, self.fields["private_rounds"]).choices = sorted(labels.items())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        template, numbers = data.get("template"), set(data.get("private_rounds") or [])
        if template is not None:
            rounds = list(template.rounds.filter(number__in=numbers, kind=Round.Kind.REFLECT))
            if len(rounds) != len(numbers):
                self.add_error("private_rounds", _(
                    "Private writing is only possible in the writing rounds."))
            data["private_rounds"] = rounds
        return data


class JoinCodeForm(NLDesignForm):
    code = forms.CharField(
        label=_("Workshop code"),
        max_length=20,
        help_text=_("You get the code from the facilitator, for example KMT 4XH."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters",
                                      "spellcheck": "false"}),
    )

    not_a_code = _("This is not a workshop code. A code has 6 letters and digits, like KMT 4XH.")

    def clean_code(self) -> str:
        code = normalise_join_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(self.not_a_code)
        return code


class JoinForm(NLDesignForm):
    perspective = forms.ChoiceField(
        label=_("Which group are you in?"),
        choices=[(info.perspective.value, info.perspective.label) for info in PERSPECTIVES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the group you belong to.")},
    )
    display_name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=60,
        required=False,
        help_text=_("You may stay anonymous. Others only see your group."),
    )
    key = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)


class NoteForm(forms.Form):
    """A note on one prompt; rendered by hand in workshops/_prompt.html, one per prompt."""

    prompt = forms.IntegerField(widget=forms.HiddenInput)
    key = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Your note"),
        max_length=500,
        error_messages={
            "required": _("Write something first."),
            "max_length": _("A note can be at most %(limit_value)d characters."),
        },
    )
    links_to = forms.IntegerField(required=False)


class NoteEditForm(forms.Form):
    text = NoteForm.base_fields["text"]
    links_to = forms.IntegerField(required=False)


class RoundForm(forms.Form):
    round = forms.IntegerField(required=False)
    action = forms.ChoiceField(
        choices=[("open", "open"), ("close", "close"), ("end", "end")]
    )


class ActivityForm(forms.Form):
    title = forms.CharField(
        label=_("Activity"), max_length=120,
        error_messages={"required": _("Give the activity a short title.")},
    )
    description = forms.CharField(label=_("What do we do, and who?"), max_length=500,
                                  required=False)
    serves = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=[])

    def __init__(self, *args: Any, behaviours: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["serves"]).choices = behaviours


class DotForm(forms.Form):
    """The dot buttons send "add-<activity>" or "remove-<activity>"."""

    dot = forms.RegexField(regex=r"^(add|remove)-\d{1,12}$")

    def action_and_activity(self) -> tuple[str, int]:
        action, _dash, activity = self.cleaned_data["dot"].partition("-")
        return action, int(activity)


class ChooseForm(forms.Form):
    activities = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=[])
    perspective = forms.CharField(required=False)

    def __init__(self, *args: Any, choices: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["activities"]).choices = choices


class TimerForm(forms.Form):
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=120, required=False)
    action = forms.ChoiceField(choices=[("start", "start"), ("stop", "stop")])


class ReactionForm(forms.Form):
    """The reaction buttons send the activity, and "<kind>-on" or "<kind>-off"."""

    activity = forms.IntegerField()
    reaction = forms.RegexField(regex=r"^[a-z]{1,16}-(on|off)$")

    def kind_and_on(self) -> tuple[str, bool]:
        kind, _dash, state = self.cleaned_data["reaction"].rpartition("-")
        return kind, state == "on"
