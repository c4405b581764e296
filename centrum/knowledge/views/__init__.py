"""The pages of the knowledge platform, one module per sub-feature: `practices` (good practices, their map
and moderation), `leaders`, `base` (the knowledge base: articles and documents), `calls` (funding calls of
every source) and `search` (the one search box of the public site); `urls.py` names each view's module."""

from . import base, calls, leaders, practices, search

__all__ = ["base", "calls", "leaders", "practices", "search"]
