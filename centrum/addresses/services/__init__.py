"""Writes of the address service, by sub-feature: agreements, the KRS check after the end, the mail log."""

from .agreements import (
    agreement_approve,
    agreement_extend,
    agreement_request,
    agreement_transfer,
    agreements_end,
    agreements_remind,
)
from .krs import agreement_check_krs, agreements_check_krs, shows_centre_address
from .mail import (
    agreement_in_force_for,
    authorised_person_add,
    authorised_person_remove,
    mail_hand_over,
    mail_record,
    mail_remind_uncollected,
)

__all__ = [
    "agreement_approve",
    "agreement_extend",
    "agreement_check_krs",
    "agreement_in_force_for",
    "agreement_request",
    "agreement_transfer",
    "agreements_check_krs",
    "agreements_end",
    "agreements_remind",
    "authorised_person_add",
    "authorised_person_remove",
    "mail_hand_over",
    "mail_record",
    "mail_remind_uncollected",
    "shows_centre_address",
]
