"""The app database: one schema (schema.py), an engine for SQLite or PostgreSQL, Alembic migrations."""
