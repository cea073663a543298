"""The HTML pages: one module per domain; every route parses input, calls a service and renders a template."""
