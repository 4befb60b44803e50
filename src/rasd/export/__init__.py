"""Exports: JSONL, ACLED-style CSV, GeoJSON, Parquet."""

# the --format choices, here so that registering `rasd export` does not import the store (rasd.export.formats)
FORMATS = ("jsonl", "csv", "geojson", "parquet")
