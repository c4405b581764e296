"""Writes of the contracts sub-feature: the updated budget (aktualizacja kosztorysu) of an offer awarded
less than it asked for, the contract drafted from a selected offer (annex 3 to Dz.U. 2018 poz. 2057), its
signing by the organisation's representatives, and annexes to a signed contract.

The updated budget is checked by `budget.py` against the announcement's rules (as the offer was), with the
grant fixed at the awarded amount. A contract's amounts come from the offer or the accepted update, never
from a form: the official sets the contract's own variables (number, dates, account, tolerances). Signing
is recorded as the offer's confirmation is (paper, or an uploaded signed file carrying the checksum:
`signing.py`), then the `sign` transition; annexes change the contract's row when signed and keep what
they replaced, so the row holds the current values and the annexes its history."""

from .annexes import (
    ANNEX_FIELDS,
    annex_create,
    annex_pdf,
    annex_rows,
    annex_sign,
    annex_sign_guard,
    canonical_annex,
)
from .budget_update import (
    SOURCE_FIELDS,
    UpdateContent,
    budget_update_accept,
    budget_update_notify,
    budget_update_return,
    budget_update_save,
    budget_update_submit,
    budget_update_submit_guard,
    check_update,
    joint_offerors,
    update_budget,
    update_content_of,
    update_initial_content,
    update_line_labels,
    update_needed,
)
from .contract import (
    CONTRACT_VALUE_FIELDS,
    after_sign,
    canonical_contract,
    clean_representatives,
    contract_create_from_offer,
    contract_initial_values,
    contract_pdf,
    contract_sign,
    contract_terminate,
    contract_update,
    next_contract_number,
    report_dates,
    sign_guard,
)

__all__ = [
    "ANNEX_FIELDS",
    "CONTRACT_VALUE_FIELDS",
    "SOURCE_FIELDS",
    "UpdateContent",
    "after_sign",
    "annex_create",
    "annex_pdf",
    "annex_rows",
    "annex_sign",
    "annex_sign_guard",
    "budget_update_accept",
    "budget_update_notify",
    "budget_update_return",
    "budget_update_save",
    "budget_update_submit",
    "budget_update_submit_guard",
    "canonical_annex",
    "canonical_contract",
    "check_update",
    "clean_representatives",
    "contract_create_from_offer",
    "contract_initial_values",
    "contract_pdf",
    "contract_sign",
    "contract_terminate",
    "contract_update",
    "next_contract_number",
    "report_dates",
    "sign_guard",
    "update_budget",
    "update_content_of",
    "update_initial_content",
    "joint_offerors",
    "update_line_labels",
    "update_needed",
]
