"""The one report every export is made from: who took part, the chosen activities with
what they serve and how the room reacted, and each round's visible notes with their links."""

import pytest

from samenspel.reports.document import workshop_document
from samenspel.reports.report import build_report
from samenspel.reports.tests.conftest import DUPLICATE, HIDDEN, TRICKY

pytestmark = pytest.mark.django_db


def report_of(workshop, language="nl"):
    return build_report(workshop_document(workshop), language)


def test_cover_counts_people_per_perspective_and_names_only_those_who_gave_one(finished):
    cover = report_of(finished).cover
    people = {group.perspective: (group.count, group.names) for group in cover.people}
    assert people == {
        "government": (2, ("Wethouder Jansen",)),
        "organisations": (1, ()),
        "community": (3, ("Marieke",)),
    }
    assert cover.total_people == 6
    assert (cover.title, cover.place, cover.facilitators) == (
        "Samen in Panningen", "Panningen", "Anna en Joris")
    assert cover.closed


def test_report_leaves_out_hidden_and_merged_notes_and_says_how_often_a_note_was_named(
        finished):
    texts = {note.text: note.named for *_where, note in report_of(finished).notes}
    assert HIDDEN not in texts
    assert DUPLICATE not in texts
    assert texts["We vragen buren om hulp"] == 2
    assert all(text in texts for text in TRICKY)


def test_a_belief_keeps_the_behaviour_it_belongs_to_and_a_thought_its_routine(finished):
    report = report_of(finished)
    links = {note.text: note.belongs_to for *_where, note in report.notes}
    assert links["Gedachte van community"] == "Gedrag van community"
    assert links["Remmende gedachte van government"] == "Gewoonte van government"
    belief = report.rounds[0].groups[0].prompts[1]
    assert (belief.kind, belief.belongs_to_label) == ("activating_belief", "Gewenst gedrag")


def test_each_group_has_its_two_chosen_activities_with_dots_serves_and_reactions(finished):
    report = report_of(finished)
    assert report.chosen_count == 6
    government = report.activities[0]
    assert [a.title for a in government.chosen] == [
        "Activiteit 1 van government", "Activiteit 2 van government"]
    assert [a.title for a in government.others] == ["Activiteit 3 van government"]
    first = government.chosen[0]
    assert first.dots == 2
    assert first.serves == ("Gedrag van government",)
    reactions = {r.kind: (r.total, dict(r.per_perspective)) for r in first.reactions}
    assert reactions["support"] == (6, {
        "Overheid": 2, "Maatschappelijke organisaties": 1, "Gemeenschap": 3})
    assert reactions["concern"][0] == 1
    assert reactions["help"][0] == 1


def test_the_report_in_english_uses_the_english_wording(finished):
    report = report_of(finished, "en")
    assert report.rounds[0].title.startswith("Desired behaviour")
    assert report.activities[0].label == "Government"
    assert report.roles[2].name == "Communicative government"


def test_the_report_shows_the_three_roles_with_their_facts(finished):
    roles = report_of(finished).roles
    assert [r.key for r in roles] == ["red", "blue", "green"]
    assert dict(roles[2].facts)["Wie de leiding heeft"] == "Niet de overheid: de gemeenschap."


def test_a_belief_is_printed_right_below_the_behaviour_it_belongs_to(finished):
    community = report_of(finished).rounds[0].groups[2]
    [block] = community.blocks  # the belief prompt is printed with the behaviour prompt
    assert block.follower_prompt.label == "Helpende gedachte"
    first = block.notes[0]
    assert (first.note.text, [f.text for f in first.followers]) == (
        "Gedrag van community", ["Gedachte van community"])
    assert block.loose == ()
