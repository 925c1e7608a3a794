"""Forms of the compass: a case, finding cases, starting an assessment, entering a code and
the questionnaire itself."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.compass.questionnaire import LEAD_OPTIONS, QUESTIONS
from samenspel.core.forms import NLDesignForm
from samenspel.method.perspectives import PERSPECTIVES
from samenspel.workshops.forms import JoinCodeForm

PERSPECTIVE_CHOICES = [(info.perspective.value, info.perspective.label) for info in PERSPECTIVES]


class CaseForm(NLDesignForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Describe the case in a few plain sentences. Respondents read it first."),
    )
    area = forms.CharField(label=_("Village or area"), max_length=120, required=False)
    theme = forms.CharField(
        label=_("Theme"), max_length=120, required=False,
        help_text=_("For example: meeting places, youth, care, public space."),
    )
    date = forms.DateField(
        label=_("Date"), initial=timezone.localdate,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    owner = forms.ChoiceField(
        label=_("Who owns the case today?"), choices=PERSPECTIVE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who has the case in hand now.")},
    )


class CaseFilterForm(NLDesignForm):
    """The search box and filters above the list of cases (a GET form: a search is a link)."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False,
                        help_text=_("Words from the title, the description or the place."))
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    area = forms.ChoiceField(label=_("Village or area"), required=False)
    owner = forms.ChoiceField(
        label=_("Owner today"), required=False,
        choices=[("", _("All")), *PERSPECTIVE_CHOICES],
    )

    def __init__(self, *args: Any, themes: list[str], areas: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["theme"].choices = everything + [(t, t) for t in themes]  # type: ignore[attr-defined]
        self.fields["area"].choices = everything + [(a, a) for a in areas]  # type: ignore[attr-defined]


class AssessmentForm(NLDesignForm):
    date = forms.DateField(
        label=_("Date of the assessment"), initial=timezone.localdate,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )


class CodeForm(JoinCodeForm):
    """The code of a questionnaire: drawn and typed like a workshop's join code."""

    code = forms.CharField(
        label=_("Questionnaire code"), max_length=20,
        help_text=_("You get the code from the person who asks you, for example KMT 4XH."),
        widget=JoinCodeForm.base_fields["code"].widget,
    )
    not_a_code = _("This is not a code. A code has 6 letters and digits, like KMT 4XH.")


class QuestionnaireForm(NLDesignForm):
    """The questionnaire: one role question after the other, and who should lead. The
    fields of the questions are named after their keys. In a workshop the participant's
    group is known; AnswerForm asks for it."""

    key = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            self.fields[question.key] = self.radio(question.text, question.ordered_options())
        self.fields["lead"] = self.radio(
            _("Who should lead in this case?"), list(LEAD_OPTIONS),
            _("Choose who should lead."),
        )
        # NLDesignForm styles the fields it finds when it starts; these came after.
        for name in [question.key for question in QUESTIONS] + ["lead"]:
            self.fields[name].widget.attrs["class"] = (
                "utrecht-radio-button utrecht-radio-button--html-input")

    @staticmethod
    def radio(label: Any, choices: list[tuple[str, Any]], required: Any = None) -> forms.Field:
        return forms.ChoiceField(
            label=label, choices=choices, widget=forms.RadioSelect,
            error_messages={"required": required or _("Choose an answer to this question.")},
        )

    def roles(self) -> dict[str, str]:
        return {question.key: self.cleaned_data[question.key] for question in QUESTIONS}


class AnswerForm(QuestionnaireForm):
    """The questionnaire through its link: first the respondent's group."""

    perspective = forms.ChoiceField(
        label=_("Which group are you in?"), choices=PERSPECTIVE_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the group you belong to.")},
    )
