"""The one door for changes to workshop templates."""

from __future__ import annotations

from django.db import transaction

from samenspel.method.models import Prompt, PromptText, Round, WorkshopTemplate


def default_template() -> WorkshopTemplate | None:
    return WorkshopTemplate.objects.filter(is_default=True).first()


def closing_round(template: WorkshopTemplate) -> Round | None:
    """The round in which each group chooses its activities (the last such round)."""
    return template.rounds.filter(kind=Round.Kind.CHOOSE_ACTIVITIES).order_by("-number").first()


def activities_expected(template: WorkshopTemplate, perspectives: int = 3) -> int:
    """How many activities the workshop ends with: per perspective times the number of
    perspectives (2 x 3 = 6 in the default template); 0 without a closing round."""
    round_ = closing_round(template)
    if round_ is None or round_.activities_per_perspective is None:
        return 0
    return round_.activities_per_perspective * perspectives


@transaction.atomic
def copy_template(template: WorkshopTemplate) -> WorkshopTemplate:
    """A full, independent copy — rounds, prompts, their links and every perspective's
    question — that an administrator can then edit without touching the original."""
    copy = WorkshopTemplate.objects.create(
        # Stored content has a field per language, so each gets its own wording here.
        title_nl=f"Kopie van {template.title_nl}",
        title_en=f"Copy of {template.title_en}" if template.title_en else "",
        description_nl=template.description_nl,
        description_en=template.description_en,
        is_default=False,
    )
    copied_prompts: dict[int, Prompt] = {}
    links: list[tuple[Prompt, int]] = []
    for round_ in template.rounds.prefetch_related("prompts__texts"):
        round_copy = Round.objects.create(
            template=copy,
            number=round_.number,
            kind=round_.kind,
            title_nl=round_.title_nl,
            title_en=round_.title_en,
            intro_nl=round_.intro_nl,
            intro_en=round_.intro_en,
            activities_per_perspective=round_.activities_per_perspective,
        )
        for prompt in round_.prompts.all():
            prompt_copy = Prompt.objects.create(
                round=round_copy,
                position=prompt.position,
                kind=prompt.kind,
                label_nl=prompt.label_nl,
                label_en=prompt.label_en,
            )
            copied_prompts[prompt.pk] = prompt_copy
            if prompt.links_to_id is not None:
                links.append((prompt_copy, prompt.links_to_id))
            PromptText.objects.bulk_create(
                PromptText(
                    prompt=prompt_copy,
                    perspective=text.perspective,
                    text_nl=text.text_nl,
                    text_en=text.text_en,
                )
                for text in prompt.texts.all()
            )
    for prompt_copy, original_target in links:
        prompt_copy.links_to = copied_prompts[original_target]
        prompt_copy.save(update_fields=["links_to"])
    return copy
