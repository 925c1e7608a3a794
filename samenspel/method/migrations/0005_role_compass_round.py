"""A round kind for the role compass, and a template that starts with it: "Synchroniciteit
met het rollenkompas" — first everyone answers which role fits the case, then the three rounds
of the default template. Copied from the default template as it is in the database then."""

from django.db import migrations, models

DEFAULT_TITLE = "Het belang van synchroniciteit"

TEMPLATE = {
    "title": ("Synchroniciteit met het rollenkompas", "Synchronicity with the role compass"),
    "description": (
        "Zoals 'Het belang van synchroniciteit', met eerst het rollenkompas: iedereen beantwoordt "
        "op de telefoon welke rol de gemeente bij deze casus past. Het scherm laat zien hoe "
        "ver de drie groepen uit elkaar liggen. Daarna volgen de drie rondes.",
        "Like 'The importance of synchronicity', with the role compass first: everyone answers "
        "on their phone which role fits the municipality in this case. The screen shows how "
        "far apart the three groups are. Then the three rounds follow.",
    ),
    "round": {
        "title": ("Rollenkompas: welke rol past hier?", "Role compass: which role fits here?"),
        "intro": (
            "Lees de casus. Beantwoord dan op je telefoon de vragen. Er zijn geen goede of "
            "foute antwoorden. Op het scherm zie je waar de drie groepen staan.",
            "Read the case. Then answer the questions on your phone. There are no right or "
            "wrong answers. The screen shows where the three groups stand.",
        ),
    },
}


def create_compass_template(apps, schema_editor):
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
        template=template, number=1, kind="role_compass",
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


def remove_compass_template(apps, schema_editor):
    apps.get_model("method", "WorkshopTemplate").objects.filter(
        title_nl=TEMPLATE["title"][0], workshops__isnull=True
    ).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("method", "0004_activity_question_wording"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="round",
            name="closing_round_sets_activity_count",
        ),
        migrations.AlterField(
            model_name="round",
            name="kind",
            field=models.CharField(choices=[("reflect", "Write and link notes"), ("choose_activities", "Choose activities and share them"), ("role_compass", "Role compass: which role fits?")], default="reflect", max_length=32, verbose_name="kind"),
        ),
        migrations.AddConstraint(
            model_name="round",
            constraint=models.CheckConstraint(condition=models.Q(models.Q(("activities_per_perspective__gte", 1), ("activities_per_perspective__isnull", False), ("kind", "choose_activities")), models.Q(("activities_per_perspective__isnull", True), ("kind__in", ["reflect", "role_compass"])), _connector="OR"), name="closing_round_sets_activity_count"),
        ),
        migrations.RunPython(create_compass_template, remove_compass_template),
    ]
