"""What the workshop tells the apps above it, which it may not import."""

from django.dispatch import Signal

# Sent inside the transaction that anonymises a workshop's participants (keyword: workshop):
# an app that keeps something per participant removes that link too.
participants_anonymised = Signal()
