"""Template helpers of the sign-in pages: demo accounts and the lock-out period."""

import math

from django import template
from django.conf import settings

from centrum.accounts.demo import demo_accounts_for

register = template.Library()


@register.simple_tag(takes_context=True)
def demo_accounts(context) -> list[tuple[str, str]]:
    """Demo logins of the current centre, only where settings allow it (development)."""
    if not getattr(settings, "SHOW_DEMO_ACCOUNTS", False):
        return []
    centre = getattr(context.get("request"), "centre", None)
    return demo_accounts_for(centre.slug if centre is not None else None)


@register.simple_tag
def demo_password() -> str:
    return settings.DEMO_PASSWORD if getattr(settings, "SHOW_DEMO_ACCOUNTS", False) else ""


@register.filter
def lockout_minutes(delta) -> int:
    """Whole minutes of a cool-off period, at least one."""
    try:
        return max(1, math.ceil(delta.total_seconds() / 60))
    except AttributeError:
        return 1
