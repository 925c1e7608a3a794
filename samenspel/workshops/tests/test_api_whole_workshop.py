"""A whole workshop through the JSON API alone: 30 participants (10 per perspective) join,
write and link notes in rounds 1 and 2, the facilitator moderates, each group votes and
chooses exactly 2 activities (6 in all), the room reacts while the groups share, and the
workshop closes. What the outcome page shows is what GET /outcome/{key} gives."""

from itertools import cycle

import pytest
from django.urls import reverse
from django.utils.text import Truncator

from samenspel.workshops.models import Activity, Contribution, Participant, Workshop
from samenspel.workshops.tests.api_client import Api, refused
from samenspel.workshops.tests.outcome_page import read_outcome_page

pytestmark = pytest.mark.django_db

PERSPECTIVES = ("government", "organisations", "community")
PER_GROUP = 10


def prompt(body, kind):
    return next(p for p in body["prompts"] if p["kind"] == kind)


def check(answer, status=200):
    assert answer.status_code == status, answer.content
    return answer.json() if answer.content else None


@pytest.fixture
def finished(client, anna_api):
    """Runs the workshop; returns (workshop, the API's outcome)."""
    created = check(anna_api.post("/workshops", {
        "title": "Samen in Panningen", "case_description": "Hoe houden we het dorpshuis open?",
        "place": "Panningen", "facilitator_names": "Anna", "private_rounds": [2],
    }), 201)
    console = f"/workshops/{created['id']}"
    workshop = Workshop.objects.get(pk=created["id"])
    lobby = Api(client)
    groups = {
        perspective: [lobby.join(workshop, perspective, f"{perspective[:3]} {n}")
                      for n in range(PER_GROUP)]
        for perspective in PERSPECTIVES
    }
    assert check(anna_api.get(console))["counts"] == dict.fromkeys(PERSPECTIVES, PER_GROUP)

    # Round 1: every participant a desired behaviour and a belief that belongs to it.
    check(anna_api.post(f"{console}/rounds/1/open"))
    for perspective, members in groups.items():
        for n, member in enumerate(members):
            me = check(member.get("/me"))
            behaviour = check(member.post("/me/notes", {
                "prompt": prompt(me, "desired_behaviour")["id"],
                "text": f"{perspective}: gedrag {n}", "idempotency_key": f"{perspective}-{n}-1",
            }), 201)
            check(member.post("/me/notes", {
                "prompt": prompt(me, "activating_belief")["id"],
                "text": f"{perspective}: overtuiging {n}", "links_to": behaviour["id"],
            }), 201)
    # A retry changes nothing; the facilitator merges a duplicate, hides a note and types
    # one in from paper.
    me = check(groups["government"][0].get("/me"))
    behaviour_prompt = prompt(me, "desired_behaviour")["id"]
    check(groups["government"][0].post("/me/notes", {
        "prompt": behaviour_prompt, "text": "government: gedrag 0",
        "idempotency_key": "government-0-1"}), 201)
    duplicate = check(groups["government"][1].post("/me/notes", {
        "prompt": behaviour_prompt, "text": "government: gedrag 0 (dubbel)"}), 201)
    kept = next(n for n in prompt(me, "desired_behaviour")["notes"]
                if n["text"] == "government: gedrag 0")
    merged = check(anna_api.post(f"{console}/notes/{duplicate['id']}/merge", {"into": kept["id"]}))
    assert merged["merged_count"] == 1
    rude = Contribution.objects.get(text="community: overtuiging 3")
    check(anna_api.post(f"{console}/notes/{rude.pk}/hide", {"reason": "Niet over de casus"}), 204)
    check(anna_api.post(f"{console}/notes", {
        "perspective": "organisations", "prompt": behaviour_prompt,
        "text": "organisations: van papier"}), 201)
    check(anna_api.post(f"{console}/rounds/1/close"))
    refused(groups["community"][0].post("/me/notes", {"prompt": behaviour_prompt,
                                                      "text": "Te laat"}), 409, "round_closed")

    # Round 2, written privately first, then shown to the groups.
    check(anna_api.post(f"{console}/rounds/2/open"))
    for perspective, members in groups.items():
        for n, member in enumerate(members):
            me = check(member.get("/me"))
            routine = check(member.post("/me/notes", {
                "prompt": prompt(me, "routine")["id"], "text": f"{perspective}: routine {n}"}),
                201)
            check(member.post("/me/notes", {
                "prompt": prompt(me, "hindering_thought")["id"],
                "text": f"{perspective}: gedachte {n}", "links_to": routine["id"]}), 201)
    seen = prompt(check(groups["community"][5].get("/me")), "routine")
    assert (seen["private"], seen["note_count"], seen["notes"]) == (True, PER_GROUP, [])
    assert [n["text"] for n in seen["mine"]] == ["community: routine 5"]
    check(anna_api.post(f"{console}/rounds/2/reveal"))
    seen = prompt(check(groups["community"][5].get("/me")), "routine")
    assert len(seen["notes"]) == PER_GROUP
    check(anna_api.post(f"{console}/rounds/2/close"))

    # Round 3: three proposals per group, 3 dots each, exactly 2 chosen per group.
    check(anna_api.post(f"{console}/rounds/3/open"))
    for perspective, members in groups.items():
        behaviours = check(members[0].get("/me"))["desired_behaviours"]
        proposed = [
            check(members[n].post("/me/activities", {
                "title": f"{perspective}: activiteit {n}", "description": f"Wie en wat {n}",
                "serves": [behaviours[n]["id"], behaviours[n + 3]["id"]],
            }), 201)
            for n in range(3)
        ]
        # Everyone puts 2 dots on the first proposal and 1 on the second.
        for member in members:
            for activity in (proposed[0], proposed[0], proposed[1]):
                check(member.post(f"/me/activities/{activity['id']}/dots"))
            refused(member.post(f"/me/activities/{proposed[2]['id']}/dots"), 409,
                    "no_dots_left")
        board = check(members[0].get("/me"))["activities"]
        assert [(a["title"], a["dots"], a["rank"]) for a in board] == [
            (proposed[0]["title"], 20, 1), (proposed[1]["title"], 10, 2),
            (proposed[2]["title"], 0, 3)]
        top_two = [a["id"] for a in board if a["rank"] <= 2]
        refused(members[1].put("/me/choice", {"activities": [a["id"] for a in board]}), 400,
                "wrong_number_of_activities")
        if perspective == "organisations":  # the facilitator confirms for this group
            check(anna_api.put(f"{console}/groups/{perspective}/choice",
                               {"activities": top_two}))
        else:
            check(members[1].put("/me/choice", {"activities": top_two}))
    assert Activity.objects.filter(workshop=workshop, chosen=True).count() == 6

    # Sharing: the projector walks through the six; the whole room reacts.
    shared = check(anna_api.get(console))["shared"]
    assert len(shared) == 6
    everyone = [member for members in groups.values() for member in members]
    kinds = cycle(["support", "support", "concern", "help", "support"])
    for k, activity in enumerate(shared):
        check(anna_api.put(f"{console}/shown-activity", {"activity": activity["id"]}))
        for n, member in enumerate(everyone):
            if (n + k) % 3:
                check(member.put(f"/me/activities/{activity['id']}/reactions/{next(kinds)}"))
    check(anna_api.post(f"{console}/close"))

    outcome_key = check(everyone[0].get("/me"))["outcome_key"]
    assert outcome_key == workshop.outcome_key
    return workshop, check(Api(client).get(f"/outcome/{outcome_key}"))


def test_thirty_people_end_with_six_activities_and_the_outcome_page_shows_the_same(
    client, finished
):
    workshop, outcome = finished
    assert outcome["state"] == "closed"
    assert outcome["chosen_count"] == 6
    assert outcome["counts"] == dict.fromkeys(PERSPECTIVES, PER_GROUP)
    for group in outcome["groups"]:
        assert [a["title"] for a in group["chosen"]] == [
            f"{group['perspective']}: activiteit 0", f"{group['perspective']}: activiteit 1"]
    assert Participant.objects.filter(workshop=workshop).count() == 30
    texts = {n["text"] for g in outcome["groups"] for r in g["rounds"] for p in r["prompts"]
             for n in p["notes"]}
    assert "community: overtuiging 3" not in texts  # hidden
    assert "government: gedrag 0 (dubbel)" not in texts  # merged
    assert "organisations: van papier" in texts
    assert len(texts) == 30 * 4 - 1 + 1  # 4 notes each, one hidden, one from paper

    page = client.get(reverse("workshops:outcome", args=[workshop.outcome_key]))
    assert page.status_code == 200
    shown = read_outcome_page(page.content.decode(), PERSPECTIVES, "Helpt bij:",
                              "Hoort bij:")
    assert shown == expected_page(outcome)


def expected_page(outcome):
    """The outcome page as the API's outcome describes it."""
    labels = {g["perspective"]: g["label"] for g in outcome["groups"]}
    chosen, notes = {}, {}
    for group in outcome["groups"]:
        chosen[group["perspective"]] = [
            {
                "title": a["title"], "description": a["description"],
                "serves": "; ".join(n["text"] for n in a["serves"]),
                "reactions": {
                    r["count_label"]: (r["total"], {
                        labels[p]: n for p, n in r["per_perspective"].items() if n})
                    for r in a["reactions"]
                },
            }
            for a in group["chosen"]
        ]
        texts = {n["id"]: n["text"] for r in group["rounds"] for p in r["prompts"]
                 for n in p["notes"]}
        notes[group["perspective"]] = [
            (f"Ronde {r['number']}: {r['title']}", p["label"], [
                (n["text"], n["merged_count"] + 1 if n["merged_count"] else 0,
                 Truncator(texts[n["links_to"]]).chars(60) if n["links_to"] else "")
                for n in p["notes"]
            ])
            for r in group["rounds"] for p in r["prompts"]
        ]
    return {"title": outcome["title"], "counts": outcome["counts"], "chosen": chosen,
            "notes": notes}
