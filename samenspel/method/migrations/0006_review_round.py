"""A round kind for looking back, and a template for a second-wave workshop that starts with
it: "Tweede ronde: terugblikken en verder" — first each group says, per activity of the
earlier workshop, what it did and whether it worked; then the three rounds of the default
template. Copied from the default template as it is in the database then (like 0005)."""

from django.db import migrations, models

DEFAULT_TITLE = "Het belang van synchroniciteit"

TEMPLATE = {
    "title": ("Tweede ronde: terugblikken en verder", "Second wave: look back, then go on"),
    "description": (
        "Voor een workshop na een eerdere workshop. Eerst blikt elke groep terug op de "
        "activiteiten van toen: wat hebben we gedaan, en werkte het? Daarna volgen de drie "
        "rondes, en kiest elke groep nieuwe activiteiten.",
        "For a workshop after an earlier one. First each group looks back on the activities "
        "of then: what have we done, and did it work? Then the three rounds follow, and each "
        "group chooses new activities.",
    ),
    "round": {
        "title": ("Terugblik: wat hebben we gedaan, en werkte het?",
                  "Looking back: what have we done, and did it work?"),
        "intro": (
            "Dit zijn de activiteiten van de vorige workshop. Vertel voor je groep wat jullie "
            "hebben gedaan, en of het werkte. Op het scherm zie je wat de groepen zeggen.",
            "These are the activities of the previous workshop. Tell for your group what you "
            "did, and whether it worked. The screen shows what the groups say.",
        ),
    },
}


def create_review_template(apps, schema_editor):
    WorkshopTemplate = apps.get_model("method", "WorkshopTemplate")
    Round = apps.get_model("method", "Round")
    Prompt = apps.get_model("method", "Prompt")
    PromptText = apps.get_model("method", "PromptText")
    default = WorkshopTemplate.objects.filter(title_nl=DEFAULT_TITLE).first()
    if default is None:
        return  # an installation that removed it: an administrator builds their own
    template = WorkshopTemplate.objects.create(
        title_nl=TEMPLATE["title"][0], title_en=TEMPLATE["title"][1],
        description_nl=TEMPLATE["description"][0], description_en=TEMPLATE["description"][1],
        is_default=False,
    )
    Round.objects.create(
        template=template, number=1, kind="review",
        title_nl=TEMPLATE["round"]["title"][0], title_en=TEMPLATE["round"]["title"][1],
        intro_nl=TEMPLATE["round"]["intro"][0], intro_en=TEMPLATE["round"]["intro"][1],
    )
    copies = {}
    links = []
    for round_ in Round.objects.filter(template=default).order_by("number"):
        copy = Round.objects.create(
            template=template, number=round_.number + 1, kind=round_.kind,
            title_nl=round_.title_nl, title_en=round_.title_en,
            intro_nl=round_.intro_nl, intro_en=round_.intro_en,
            activities_per_perspective=round_.activities_per_perspective,
        )
        for prompt in Prompt.objects.filter(round=round_).order_by("position"):
            prompt_copy = Prompt.objects.create(
                round=copy, position=prompt.position, kind=prompt.kind,
                label_nl=prompt.label_nl, label_en=prompt.label_en,
            )
            copies[prompt.pk] = prompt_copy
            if prompt.links_to_id is not None:
                links.append((prompt_copy, prompt.links_to_id))
            for text in PromptText.objects.filter(prompt=prompt):
                PromptText.objects.create(
                    prompt=prompt_copy, perspective=text.perspective,
                    text_nl=text.text_nl, text_en=text.text_en,
                )
    for prompt_copy, target in links:
        prompt_copy.links_to = copies[target]
        prompt_copy.save(update_fields=["links_to"])


def remove_review_template(apps, schema_editor):
    apps.get_model("method", "WorkshopTemplate").objects.filter(
        title_nl=TEMPLATE["title"][0], workshops__isnull=True
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ('method', '0005_role_compass_round'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='round',
            name='closing_round_sets_activity_count',
        ),
        migrations.AlterField(
            model_name='round',
            name='kind',
            field=models.CharField(choices=[('reflect', 'Write and link notes'), ('choose_activities', 'Choose activities and share them'), ('role_compass', 'Role compass: which role fits?'), ('review', 'Look back: what have we done, and did it work?')], default='reflect', max_length=32, verbose_name='kind'),
        ),
        migrations.AddConstraint(
            model_name='round',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('activities_per_perspective__gte', 1), ('activities_per_perspective__isnull', False), ('kind', 'choose_activities')), models.Q(('activities_per_perspective__isnull', True), ('kind__in', ['reflect', 'role_compass', 'review'])), _connector='OR'), name='closing_round_sets_activity_count'),
        ),
        migrations.RunPython(create_review_template, remove_review_template),
    ]
