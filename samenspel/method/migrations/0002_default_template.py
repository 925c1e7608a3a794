"""Ships the default template "Het belang van synchroniciteit" (domain.md §3), in plain (B1)
Dutch and in English. The content is frozen here on purpose: later edits are made by an
administrator in the admin, on a copy or on this one."""

from django.db import migrations

# How each perspective speaks of itself inside a question.
WE = {
    "government": ("wij als gemeente", "we as the municipality"),
    "organisations": ("wij als organisatie", "we as an organisation"),
    "community": ("wij als inwoners", "we as residents"),
}

TEMPLATE = {
    "title": ("Het belang van synchroniciteit", "The importance of synchronicity"),
    "description": (
        "Drie groepen kijken samen naar één casus: de gemeente, de maatschappelijke "
        "organisaties en de gemeenschap. Iedereen kiest zelf in welke groep hij of zij zit. "
        "In drie rondes bedenkt elke groep wat goed samenspel nodig heeft. Aan het eind kiest "
        "elke groep 2 activiteiten. Zo hebben we samen 6 activiteiten.",
        "Three groups look at one case together: the municipality, the social organisations "
        "and the community. Everyone chooses their own group. In three rounds each group "
        "works out what good interplay needs. At the end each group chooses 2 activities. "
        "Together we have 6 activities.",
    ),
    "rounds": [
        {
            "number": 1,
            "kind": "reflect",
            "title": ("Gewenst gedrag en helpende gedachten", "Desired behaviour and activating beliefs"),
            "intro": (
                "Wat doen we als het samenspel goed gaat? En wat zeggen we dan tegen onszelf?",
                "What do we do when the interplay goes well? And what do we tell ourselves then?",
            ),
            "prompts": [
                {
                    "key": "behaviour",
                    "kind": "desired_behaviour",
                    "label": ("Gewenst gedrag", "Desired behaviour"),
                    "text": (
                        "Wat doen {we_nl} steeds opnieuw, of wat zouden we moeten doen, zodat het samenspel werkt?",
                        "What do {we_en} do time and again, or what should we do, to make the interplay work?",
                    ),
                },
                {
                    "key": "belief",
                    "kind": "activating_belief",
                    "links_to": "behaviour",
                    "label": ("Helpende gedachte", "Activating belief"),
                    "text": (
                        "Wat zeggen {we_nl} tegen onszelf, of wat kunnen we zeggen, zodat dit gedrag lukt?",
                        "What do {we_en} tell ourselves, or what could we tell ourselves, to make this behaviour happen?",
                    ),
                },
            ],
        },
        {
            "number": 2,
            "kind": "reflect",
            "title": ("Gewoontes en remmende gedachten", "Routines and hindering thoughts"),
            "intro": (
                "Wat doen we nu, vaak zonder erbij na te denken, dat niet goed genoeg werkt? "
                "En waarom houden we daaraan vast?",
                "What do we do now, often without thinking, that does not work well enough? "
                "And why do we hold on to it?",
            ),
            "prompts": [
                {
                    "key": "routine",
                    "kind": "routine",
                    "label": ("Gewoonte", "Routine"),
                    "text": (
                        "Wat doen of zien {we_nl} nu, bewust of onbewust, dat niet goed genoeg werkt?",
                        "What do {we_en} do or see now, knowingly or not, that does not work well enough?",
                    ),
                },
                {
                    "key": "thought",
                    "kind": "hindering_thought",
                    "links_to": "routine",
                    "label": ("Remmende gedachte", "Hindering thought"),
                    "text": (
                        "Wat zeggen {we_nl} tegen onszelf, waardoor we aan deze gewoonte vasthouden?",
                        "What do {we_en} tell ourselves that makes us hold on to this routine?",
                    ),
                },
            ],
        },
        {
            "number": 3,
            "kind": "choose_activities",
            "activities_per_perspective": 2,
            "title": ("Kies 2 activiteiten en deel ze", "Choose 2 activities and share them"),
            "intro": (
                "Kies met je groep 2 activiteiten die zorgen voor meer gewenst gedrag. "
                "Daarna vertel je ze aan de andere groepen.",
                "Choose 2 activities with your group that bring more of the desired behaviour. "
                "Then share them with the other groups.",
            ),
            "prompts": [
                {
                    "key": "activity",
                    "kind": "activity",
                    "label": ("Activiteit", "Activity"),
                    "text": (
                        "Welke activiteit helpt {we_nl} om meer van het gewenste gedrag te doen?",
                        "Which activity helps {we_en} do more of the desired behaviour?",
                    ),
                },
            ],
        },
    ],
}


def create_default_template(apps, schema_editor):
    WorkshopTemplate = apps.get_model("method", "WorkshopTemplate")
    Round = apps.get_model("method", "Round")
    Prompt = apps.get_model("method", "Prompt")
    PromptText = apps.get_model("method", "PromptText")

    template = WorkshopTemplate.objects.create(
        title_nl=TEMPLATE["title"][0],
        title_en=TEMPLATE["title"][1],
        description_nl=TEMPLATE["description"][0],
        description_en=TEMPLATE["description"][1],
        is_default=True,
    )
    for round_data in TEMPLATE["rounds"]:
        round_ = Round.objects.create(
            template=template,
            number=round_data["number"],
            kind=round_data["kind"],
            title_nl=round_data["title"][0],
            title_en=round_data["title"][1],
            intro_nl=round_data["intro"][0],
            intro_en=round_data["intro"][1],
            activities_per_perspective=round_data.get("activities_per_perspective"),
        )
        by_key = {}
        for position, prompt_data in enumerate(round_data["prompts"], start=1):
            prompt = Prompt.objects.create(
                round=round_,
                position=position,
                kind=prompt_data["kind"],
                label_nl=prompt_data["label"][0],
                label_en=prompt_data["label"][1],
                links_to=by_key.get(prompt_data.get("links_to")),
            )
            by_key[prompt_data["key"]] = prompt
            text_nl, text_en = prompt_data["text"]
            for perspective, (we_nl, we_en) in WE.items():
                PromptText.objects.create(
                    prompt=prompt,
                    perspective=perspective,
                    text_nl=text_nl.format(we_nl=we_nl),
                    text_en=text_en.format(we_en=we_en),
                )


def remove_default_template(apps, schema_editor):
    apps.get_model("method", "WorkshopTemplate").objects.filter(
        is_default=True, title_nl=TEMPLATE["title"][0]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("method", "0001_templates")]

    operations = [migrations.RunPython(create_default_template, remove_default_template)]
