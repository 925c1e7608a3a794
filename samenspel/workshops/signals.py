"""What a workshop tells the apps above it, which it may not import (the follow-up and the
compass, for two)."""

from django.dispatch import Signal

# Sent after the transaction that closed a workshop commits; the argument is `workshop`.
workshop_closed = Signal()

# Sent inside the transaction that anonymises a workshop's participants (keyword: workshop):
# an app that keeps something per participant removes that link too.
participants_anonymised = Signal()
