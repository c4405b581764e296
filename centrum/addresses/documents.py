"""The address service's documents (Polish, tagged PDF): the agreement and the owner's consent to name the
centre's premises as the registered seat, which founders file with the KRS-W20 application or the starosta."""

from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.pdf import render_pdf
from centrum.organisations.choices import LegalForm

from .choices import AddressUse


def _context(agreement) -> dict:
    centre = agreement.centre
    legal_form = (
        agreement.organisation.get_legal_form_display()
        if agreement.organisation_id
        else (LegalForm(agreement.founding_legal_form).label if agreement.founding_legal_form else "")
    )
    return {
        "agreement": agreement,
        "centre": centre,
        "holder": agreement.holder_name,
        "legal_form": legal_form,
        "organisation": agreement.organisation,
        "rules_text": centre_setting(centre, "addresses.rules_text"),
        "today": warsaw_today(),
        "is_seat": agreement.use == AddressUse.SEAT,
    }


def agreement_pdf(agreement, *, base_url: str | None = None) -> bytes:
    return render_pdf("addresses/documents/agreement.html", _context(agreement), base_url=base_url)


def seat_consent_pdf(agreement, *, base_url: str | None = None) -> bytes:
    return render_pdf("addresses/documents/seat_consent.html", _context(agreement), base_url=base_url)
