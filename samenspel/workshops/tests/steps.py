"""Steps the workshop tests share."""

from django.urls import reverse


def prompt_of(round_, kind):
    return round_.prompts.get(kind=kind)


def join_by_form(client, workshop, perspective):
    """Join through the phone's form, so the client carries the participant's cookie."""
    client.post(reverse("workshops:participant", args=[workshop.join_code]),
                {"perspective": perspective})
    return workshop.participants.order_by("-pk").first()


def fragment(event):
    """The HTML a live event brings: a region's new content, or one item to add to it."""
    return event.get("html", event.get("add", ""))
