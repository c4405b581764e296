"""The pages of the knowledge platform, one module per sub-feature: `practices` (good practices, their map
and moderation), `leaders`, `base` (the knowledge base: articles and documents), `calls` (funding calls of
every source); the search page is the sub-package `sitesearch`. `urls.py` names each view's module."""

from . import base, calls, leaders, practices

__all__ = ["base", "calls", "leaders", "practices"]
