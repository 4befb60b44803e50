"""Exports: JSONL, ACLED-style CSV, GeoJSON, Parquet."""
