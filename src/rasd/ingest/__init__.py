"""Readers for article inputs: JSONL, text, HTML, feeds, directories."""
