"""The JSON API under /api: one module per domain; every route calls a service and returns plain data."""
