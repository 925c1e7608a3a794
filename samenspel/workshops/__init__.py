"""A live workshop: join codes, participants in perspective groups, rounds and activities."""
