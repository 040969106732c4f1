"""The web UI and HTTP API of reportedly (``reportedly serve``)."""
from .app import create_app

__all__ = ["create_app"]
