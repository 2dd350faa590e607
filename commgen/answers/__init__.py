"""Answers: the answers file a person edits, drafts, ``--set`` values and school profiles."""
