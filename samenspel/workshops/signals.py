"""What a workshop tells apps above it, which it may not import (the follow-up, for one)."""

from django.dispatch import Signal

# Sent after the transaction that closed a workshop commits; the argument is `workshop`.
workshop_closed = Signal()
