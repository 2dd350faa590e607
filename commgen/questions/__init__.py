"""The catalogue the foundation maintains: documents, questions, their types and conditions."""
