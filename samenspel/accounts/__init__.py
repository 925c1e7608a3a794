"""Staff accounts with their roles, login lockout, and the municipality's theme."""
