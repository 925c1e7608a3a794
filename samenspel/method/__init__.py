"""The meervoudige overheid and workshop templates as data."""
