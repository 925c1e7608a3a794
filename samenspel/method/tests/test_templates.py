"""The method as data: the default template ships with the rounds, linked prompts and
closing rule of the synchroniciteit workshop, and administrators can copy it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from samenspel.method import services
from samenspel.method.models import Prompt, Round, WorkshopTemplate
from samenspel.method.perspectives import Perspective

pytestmark = pytest.mark.django_db


def test_default_template_has_three_rounds_and_ends_with_six_activities():
    template = services.default_template()
    assert template is not None
    assert template.title_nl == "Het belang van synchroniciteit"
    assert [r.kind for r in template.rounds.all()] == ["reflect", "reflect", "choose_activities"]
    assert services.closing_round(template).activities_per_perspective == 2
    assert services.activities_expected(template) == 6


def test_belief_links_to_behaviour_and_thought_links_to_routine():
    template = services.default_template()
    links = {
        prompt.kind: prompt.links_to.kind
        for prompt in Prompt.objects.filter(round__template=template, links_to__isnull=False)
    }
    assert links == {"activating_belief": "desired_behaviour", "hindering_thought": "routine"}


def test_every_prompt_is_worded_for_each_perspective_in_both_languages():
    template = services.default_template()
    for prompt in Prompt.objects.filter(round__template=template):
        texts = {text.perspective: text for text in prompt.texts.all()}
        assert set(texts) == set(Perspective.values)
        for text in texts.values():
            assert text.text_nl and text.text_en
    behaviour = Prompt.objects.get(round__template=template, kind="desired_behaviour")
    assert "wij als inwoners" in behaviour.text_for(Perspective.COMMUNITY)
    assert "wij als gemeente" in behaviour.text_for(Perspective.GOVERNMENT)


def test_content_is_read_in_the_visitors_language_with_dutch_as_fallback():
    template = services.default_template()
    with translation.override("en"):
        assert template.title == "The importance of synchronicity"
        template.title_en = ""
        assert template.title == "Het belang van synchroniciteit"
    with translation.override("nl"):
        assert template.title == "Het belang van synchroniciteit"


def test_copy_is_independent_and_keeps_the_prompt_links():
    original = services.default_template()
    copy = services.copy_template(original)

    assert copy.pk != original.pk
    assert not copy.is_default
    assert copy.title_nl == "Kopie van Het belang van synchroniciteit"
    assert copy.rounds.count() == 3
    copied_belief = Prompt.objects.get(round__template=copy, kind="activating_belief")
    assert copied_belief.links_to.round.template == copy
    assert copied_belief.texts.count() == 3

    copied_belief.texts.update(text_nl="Aangepast")
    original_belief = Prompt.objects.get(round__template=original, kind="activating_belief")
    assert "Aangepast" not in {t.text_nl for t in original_belief.texts.all()}


def test_only_one_template_can_be_the_default():
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkshopTemplate.objects.create(title_nl="Tweede", is_default=True)


def test_closing_round_must_say_how_many_activities():
    template = WorkshopTemplate.objects.create(title_nl="Eigen werkvorm")
    round_ = Round(template=template, number=1, kind="choose_activities", title_nl="Kiezen")
    with pytest.raises(ValidationError):
        round_.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        round_.save()


def test_prompt_cannot_link_to_a_prompt_in_another_round():
    template = services.default_template()
    belief = Prompt.objects.get(round__template=template, kind="activating_belief")
    belief.links_to = Prompt.objects.get(round__template=template, kind="routine")
    with pytest.raises(ValidationError):
        belief.full_clean()
