"""After an agreement ends, the organisation must move its address in the register: the KRS extract (through
the organisations app's cached look-up) tells whether it still shows the centre's address.

The register may be down: the check then leaves the agreement unchecked (the job tries again) and says so."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.text import fold
from centrum.organisations.integrations.krs import KrsError
from centrum.organisations.services.krs import krs_lookup

from ..audit_labels import AddressesAudit
from ..choices import FINISHED, AgreementStatus, KrsAddressCheck
from ..models import AddressAgreement
from ..notify import send, staff_recipients
from ..permissions import can_manage_agreements

logger = logging.getLogger(__name__)


def _street_and_number(text: str) -> tuple[str, str]:
    """("babina", "1") from "ul. Babina 1" or "UL. BABINA 1/3": the street's words and the house number (the
    flat after "/" or "lokal" does not matter – the organisation is at the centre's building either way)."""
    words = [
        w for w in fold(text or "").replace(".", " ").replace(",", " ").split() if w not in {"ul", "ulica"}
    ]
    for index, word in enumerate(words):
        if any(ch.isdigit() for ch in word):
            return " ".join(words[:index]), word.split("/")[0]
    return " ".join(words), ""


def shows_centre_address(centre: Centre, data: dict) -> bool:
    """Does an extract's address (street, postal code) name the centre's building?"""
    street, number = _street_and_number(data.get("street", ""))
    if not street or (street, number) != _street_and_number(centre.street):
        return False
    return not data.get("postal_code") or not centre.postal_code or data["postal_code"] == centre.postal_code


def agreement_check_krs(*, agreement: AddressAgreement, actor=None) -> str:
    """Ask KRS whether the organisation of a finished agreement still shows the centre's address; stores and
    audits the result (a flag staff see). ApplicationError when the register cannot be asked now."""
    if actor is not None and not can_manage_agreements(actor, agreement.centre):
        raise ApplicationError(_("Adres w KRS sprawdza pracownik centrum."))
    if agreement.status not in FINISHED:
        raise ApplicationError(_("Adres w KRS sprawdza się po zakończeniu porozumienia."))
    organisation = agreement.organisation
    if organisation is None or not organisation.krs:
        result = KrsAddressCheck.NO_KRS
    else:
        try:  # outside the transaction: no row is locked while the register answers
            lookup = krs_lookup(organisation.krs)
        except KrsError as exc:
            logger.warning("KRS check of address agreement %s failed: %s", agreement.pk, exc.message)
            raise ApplicationError(exc.message)
        still = shows_centre_address(agreement.centre, lookup.data)
        result = KrsAddressCheck.STILL_HERE if still else KrsAddressCheck.MOVED
    return _store(agreement=agreement, actor=actor, result=result)


@transaction.atomic
def _store(*, agreement: AddressAgreement, actor, result: str) -> str:
    locked = AddressAgreement.objects.select_for_update().get(pk=agreement.pk, centre=agreement.centre)
    old = locked.krs_check
    locked.krs_check, locked.krs_checked_at = result, timezone.now()
    locked.save(update_fields=["krs_check", "krs_checked_at", "updated_at"])
    audit_log(
        actor=actor,
        obj=locked,
        action=AddressesAudit.AGREEMENT_KRS_CHECKED,
        old={"krs_check": old},
        new={"krs_check": result},
    )
    if result == KrsAddressCheck.STILL_HERE and old != result:
        send(
            centre=locked.centre,
            to=staff_recipients(locked.centre),
            event="krs_still_here_to_staff",
            context={"agreement": locked},
        )
    agreement.krs_check, agreement.krs_checked_at = locked.krs_check, locked.krs_checked_at
    return result


def agreements_check_krs(*, centre: Centre) -> dict:
    """Finished agreements not yet found moved: checked again each run until KRS shows another address."""
    due = (
        AddressAgreement.objects.filter(
            centre=centre,
            status__in=(AgreementStatus.ENDED, AgreementStatus.TERMINATED),
            organisation__isnull=False,
            krs_check__in=(KrsAddressCheck.NOT_CHECKED, KrsAddressCheck.STILL_HERE),
        )
        .select_related("organisation", "centre")
        .order_by("krs_checked_at", "pk")[:50]
    )
    counts = {"checked": 0, "still_here": 0, "failed": 0}
    for agreement in list(due):
        try:
            result = agreement_check_krs(agreement=agreement)
        except ApplicationError:
            counts["failed"] += 1
            continue
        counts["checked"] += 1
        counts["still_here"] += result == KrsAddressCheck.STILL_HERE
    return counts
