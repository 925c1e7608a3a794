"""The activity question of the default template said "helpt wij als inwoners" ("helps we
as residents"): the object form is "ons". Only texts nobody has edited are changed."""

from django.db import migrations

WE = {
    "government": (("wij als gemeente", "ons als gemeente"),
                   ("we as the municipality", "us as the municipality")),
    "organisations": (("wij als organisatie", "ons als organisatie"),
                      ("we as an organisation", "us as an organisation")),
    "community": (("wij als inwoners", "ons als inwoners"),
                  ("we as residents", "us as residents")),
}
NL = "Welke activiteit helpt {we} om meer van het gewenste gedrag te doen?"
EN = "Which activity helps {we} do more of the desired behaviour?"


def reword(apps, schema_editor, forwards=True):
    PromptText = apps.get_model("method", "PromptText")
    for perspective, ((old_nl, new_nl), (old_en, new_en)) in WE.items():
        if not forwards:
            old_nl, new_nl, old_en, new_en = new_nl, old_nl, new_en, old_en
        texts = PromptText.objects.filter(prompt__kind="activity", perspective=perspective)
        texts.filter(text_nl=NL.format(we=old_nl)).update(text_nl=NL.format(we=new_nl))
        texts.filter(text_en=EN.format(we=old_en)).update(text_en=EN.format(we=new_en))


def reword_back(apps, schema_editor):
    reword(apps, schema_editor, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("method", "0003_labels")]

    operations = [migrations.RunPython(reword, reword_back)]
