"""A backup while Samenspel runs holds everything, and a restore brings it back: SQLite's
online backup and PostgreSQL's pg_dump, whichever database the suite runs on. (The JSON
workshop document, the per-workshop backup, has its round trip in reports/tests.)"""

import sqlite3
import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from samenspel.method.services import default_template
from samenspel.workshops import services


@pytest.fixture
def stored(django_db_serialized_rollback, transactional_db):
    """A workshop with a note, committed, as a running installation has it (the templates
    the migrations made come back after the test)."""
    workshop = services.create_workshop(created_by=None, template=default_template(),
                                        title="Dorpshuis De Kern", case_description="Casus.")
    round_1 = workshop.template.rounds.get(number=1)
    services.open_round(workshop, round_1)
    resident = services.join_workshop(workshop, "community")
    services.add_contribution(resident, round_1.prompts.get(kind="desired_behaviour"),
                              "We koken samen op vrijdag")
    return workshop


def test_a_backup_holds_the_workshops_and_their_notes(stored, tmp_path):
    target = tmp_path / ("samenspel.sqlite3" if connection.vendor == "sqlite" else "samenspel.dump")
    said = StringIO()
    call_command("backup_database", str(target), stdout=said)
    assert "Backup written" in said.getvalue()

    if connection.vendor == "sqlite":
        with sqlite3.connect(target) as restored:
            titles = restored.execute("SELECT title FROM workshops_workshop").fetchall()
            notes = restored.execute("SELECT text FROM workshops_contribution").fetchall()
        assert (titles, notes) == ([("Dorpshuis De Kern",)], [("We koken samen op vrijdag",)])
    else:
        data = subprocess.run(
            ["pg_restore", "--data-only", "--table=workshops_contribution", "--file=-",
             str(target)], capture_output=True, text=True, check=True).stdout
        assert "We koken samen op vrijdag" in data


def test_a_backup_never_overwrites_a_file(stored, tmp_path):
    target = tmp_path / "exists"
    target.write_text("keep me")
    with pytest.raises(CommandError):
        call_command("backup_database", str(target))
    assert target.read_text() == "keep me"
