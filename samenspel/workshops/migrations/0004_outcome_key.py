import secrets

from django.db import migrations, models

import samenspel.workshops.models


def give_each_workshop_its_own_key(apps, schema_editor):
    Workshop = apps.get_model("workshops", "Workshop")
    for workshop in Workshop.objects.filter(outcome_key__isnull=True):
        workshop.outcome_key = secrets.token_urlsafe(16)
        workshop.save(update_fields=["outcome_key"])


class Migration(migrations.Migration):
    dependencies = [("workshops", "0003_activities")]

    operations = [
        migrations.AddField(
            model_name="workshop",
            name="outcome_key",
            field=models.CharField(max_length=32, null=True),
        ),
        migrations.RunPython(give_each_workshop_its_own_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="workshop",
            name="outcome_key",
            field=models.CharField(
                default=samenspel.workshops.models.new_outcome_key, max_length=32, unique=True
            ),
        ),
    ]
