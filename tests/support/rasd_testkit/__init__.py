"""Helpers for rasd's tests and benchmarks, kept out of the installed package.

- rasd_testkit.store: records built by hand (`constructed_article`) and a throw-away PostgreSQL cluster;
- rasd_testkit.api: a store filled with sample records and `rasd serve` running on a free port;
- rasd_testkit.extraction: one article through the pipeline (`events_of`, `places_of`) and distances (`km`).

pytest finds this package through `pythonpath` in pyproject.toml; a script under bench/ adds
tests/support to sys.path itself.
"""
