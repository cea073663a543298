"""The web application: `create_app(settings)` builds the FastAPI app (pages in Dutch and English, JSON under /api)."""
