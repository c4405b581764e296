"""The offer page's panel of what follows the results (the updated budget and the contract)."""

from django import template

register = template.Library()


@register.inclusion_tag("grants/contracts/_offer_panel.html", takes_context=True)
def offer_contract_panel(context, offer):
    from ..selectors.contracts import offer_contract_state

    request = context.get("request")
    user = getattr(request, "user", None)
    return offer_contract_state(offer, user) if user is not None else {}
