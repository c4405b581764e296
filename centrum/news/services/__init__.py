"""Writes of news, events and error reports: keyword-only, atomic, permission checked again, validated,
audited; state changes go through the workflow engine (`workflows.py`)."""

from .events import event_create, event_update
from .news import (
    news_attachment_add,
    news_attachment_remove,
    news_create,
    news_image_add,
    news_image_remove,
    news_update,
)
from .reports import error_report_create

__all__ = [
    "error_report_create",
    "event_create",
    "event_update",
    "news_attachment_add",
    "news_attachment_remove",
    "news_create",
    "news_image_add",
    "news_image_remove",
    "news_update",
]
