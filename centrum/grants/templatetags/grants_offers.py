"""Filters of the offer form: the problems of one field."""

from django import template

register = template.Library()


@register.filter
def problems_for(problems: dict, name: str) -> list:
    return (problems or {}).get(name, [])


@register.filter
def zl(amount) -> str:
    """12345.5 → "12 345,50 zł"."""
    from ..budget import _fmt

    return _fmt(amount) if amount is not None else ""
