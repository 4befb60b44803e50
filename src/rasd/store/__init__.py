"""Persistent store (SQLite by default, PostgreSQL for teams)."""
