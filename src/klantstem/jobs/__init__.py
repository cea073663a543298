"""The analyses that run on a schedule: one registry of named jobs with their interval, and one runner."""
