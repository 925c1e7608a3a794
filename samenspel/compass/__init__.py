"""The role compass: cases (praktijken), role assessments per perspective, and how in sync
the three perspectives are."""
