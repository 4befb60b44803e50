"""Extraction stages: each `run(doc)` adds one layer to the Document."""
