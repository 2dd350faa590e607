"""From checked answers to document bytes: context, snippets, docxtpl, plain text, PDF."""
