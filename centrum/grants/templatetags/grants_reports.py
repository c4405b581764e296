"""The contract page's panel of reports, returns and controls (`grants/reports/_contract_panel.html`), which
the contract page includes with only `contract`: the tag loads what it shows."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def contract_reports_panel(context, contract) -> dict:
    from centrum.organisations.permissions import is_organisation_member

    from ..choices import ContractStatus
    from ..permissions import is_grants_official
    from ..selectors.reports import contract_panel, partial_years

    request = context.get("request")
    user = getattr(request, "user", None)
    panel = contract_panel(contract)
    panel["official"] = is_grants_official(user, contract.centre)
    panel["member"] = is_organisation_member(user, contract.organisation)
    panel["signed"] = contract.status == ContractStatus.SIGNED
    panel["years"] = partial_years(contract)
    return panel
