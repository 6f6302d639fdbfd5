"""The web app: the HTTP API and the map page over a store. The only package importing FastAPI.

``create_app(store, config)`` builds it; ``eventcoder serve`` runs it with uvicorn. See
docs/web.md for the endpoints, the review workflow and how the front end is built.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
