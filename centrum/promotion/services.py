"""Writes: keyword-only, atomic, permission checked again, validated, audited. A broken rule raises
ApplicationError with a message a person can act on (the view shows it on the form, the API as a 400).

Status changes (hiding a page, moderating a company) go through the workflow engine (`workflows.py`)."""

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.richtext import clean_html, plain_text
from centrum.core.text import search_words
from centrum.organisations.identifiers import clean_nip
from centrum.organisations.models import Organisation

from .audit_labels import PromotionAudit
from .choices import LIVE_COMPANY_STATUSES, CompanyStatus
from .models import COMPANY_FIELDS, ActivationOffer, Company, OrganisationPage
from .permissions import (
    can_edit_organisation_page,
    can_manage_activation_offers,
    can_manage_companies,
)

PAGE_FIELDS = ["about", "logo_alt", "website", "facebook", "instagram", "youtube", "linkedin"]
RICH_FIELDS = {"about", "description", "offer_details"}
ACTIVATION_FIELDS = ["body", "body_kind", "title", "description", "audience", "starts_on", "ends_on", "link"]


def _denied() -> ApplicationError:
    return ApplicationError(_("Nie masz uprawnień do tej czynności."))


def _assign(obj, data: dict, fields: list[str]) -> None:
    """Copy the editable `fields` from `data`; rich text is stored cleaned, plain text stripped."""
    for name in fields:
        if name not in data:
            continue
        value = data[name]
        if name in RICH_FIELDS:
            value = clean_html(value or "")
        elif isinstance(value, str):
            value = value.strip()
        setattr(obj, name, value)


def _audited_logo(obj, logo: UploadedFile | None, before: dict, after: dict) -> None:
    if logo is not None:
        obj.logo = logo
        before["logo"], after["logo"] = "…", "…"
    if logo is not None and not obj.logo_alt:
        raise ApplicationError(_("Opisz logo – tekst zobaczą osoby niewidome."), field="logo_alt")


# ---------------------------------------------------------------- organisation's page


@transaction.atomic
def organisation_page_save(
    *, organisation: Organisation, actor, data: dict, logo: UploadedFile | None = None
) -> OrganisationPage:
    """Create or change the organisation's page content (the "Wizytówka" form)."""
    if not can_edit_organisation_page(actor, organisation):
        raise _denied()
    page, _created = OrganisationPage.objects.select_for_update().get_or_create(
        centre=organisation.centre, organisation=organisation
    )
    before = snapshot(page, PAGE_FIELDS)
    _assign(page, data, PAGE_FIELDS)
    after = snapshot(page, PAGE_FIELDS)
    _audited_logo(page, logo, before, after)
    if page.logo and not page.logo_alt:
        raise ApplicationError(_("Opisz logo – tekst zobaczą osoby niewidome."), field="logo_alt")
    page.updated_by = actor
    full_clean_or_raise(page)
    page.save()
    old, new = changes(before, after)
    if new:
        audit_log(actor=actor, obj=page, action=PromotionAudit.PAGE_UPDATED, old=old, new=new)
    return page


# ---------------------------------------------------------------- companies (CSR)


def company_search_text(company: Company) -> str:
    text = " ".join(
        [company.name, company.city, plain_text(company.description), plain_text(company.offer_details)]
    )
    return " ".join(search_words(text))[:600]


def _save_company(company: Company) -> None:
    company.nip = clean_nip(company.nip) if company.nip else ""
    if not company.nip:
        raise ApplicationError(_("Podaj NIP firmy."), field="nip")
    taken = Company.objects.filter(
        centre=company.centre, nip=company.nip, status__in=LIVE_COMPANY_STATUSES
    ).exclude(pk=company.pk)
    if taken.exists():
        raise ApplicationError(_("Firma o tym numerze NIP ma już profil w centrum."), field="nip")
    company.search_text = company_search_text(company)
    # Not the model's own constraint check: a proposal committed between the read above and this one would
    # be reported without its field; the unique index below decides and names the field.
    full_clean_or_raise(company, validate_constraints=False)
    try:
        with transaction.atomic():
            company.save()
    except IntegrityError:  # two proposals of one NIP at once: the unique index decides
        raise ApplicationError(_("Firma o tym numerze NIP ma już profil w centrum."), field="nip") from None


def _new_company(centre: Centre, data: dict, logo: UploadedFile | None, status: str) -> Company:
    company = Company(centre=centre, status=status)
    _assign(company, data, COMPANY_FIELDS)
    _audited_logo(company, logo, {}, {})
    if not (company.offers_volunteering or company.offers_in_kind or company.offers_money):
        raise ApplicationError(
            _("Zaznacz, co firma oferuje organizacjom: wolontariat, wsparcie rzeczowe lub finansowe."),
            field="offers_volunteering",
        )
    _save_company(company)
    return company


@transaction.atomic
def company_create(*, centre: Centre, actor, data: dict, logo: UploadedFile | None = None) -> Company:
    """Staff enter a company's profile: published at once (staff are the moderators)."""
    if not can_manage_companies(actor, centre):
        raise _denied()
    company = _new_company(centre, data, logo, CompanyStatus.PUBLISHED)
    audit_log(
        actor=actor, obj=company, action=PromotionAudit.COMPANY_CREATED, new=snapshot(company, COMPANY_FIELDS)
    )
    return company


@transaction.atomic
def company_propose(
    *, centre: Centre, data: dict, proposer_email: str, logo: UploadedFile | None = None
) -> Company:
    """A company proposes its profile through the public form; staff moderate it (`workflows.py`)."""
    company = _new_company(centre, data, logo, CompanyStatus.PROPOSED)
    company.proposed_by_email = proposer_email.strip()
    full_clean_or_raise(company, validate_constraints=False)
    company.save(update_fields=["proposed_by_email"])
    audit_log(
        actor=None,
        obj=company,
        action=PromotionAudit.COMPANY_PROPOSED,
        new={**snapshot(company, COMPANY_FIELDS), "proposed_by_email": company.proposed_by_email},
    )
    return company


@transaction.atomic
def company_update(*, company: Company, actor, data: dict, logo: UploadedFile | None = None) -> Company:
    if not can_manage_companies(actor, company.centre):
        raise _denied()
    company = Company.objects.select_for_update().get(centre=company.centre, pk=company.pk)
    before = snapshot(company, COMPANY_FIELDS)
    _assign(company, data, COMPANY_FIELDS)
    after = snapshot(company, COMPANY_FIELDS)
    _audited_logo(company, logo, before, after)
    _save_company(company)
    old, new = changes(before, after)
    if new:
        audit_log(actor=actor, obj=company, action=PromotionAudit.COMPANY_UPDATED, old=old, new=new)
    return company


# ---------------------------------------------------------------- public bodies' activation offers


def activation_search_text(offer: ActivationOffer) -> str:
    return " ".join(search_words(" ".join([offer.title, offer.body, plain_text(offer.description)])))[:600]


def _save_activation(offer: ActivationOffer) -> None:
    if offer.starts_on and offer.ends_on and offer.ends_on < offer.starts_on:
        raise ApplicationError(_("Oferta nie może kończyć się przed rozpoczęciem."), field="ends_on")
    offer.search_text = activation_search_text(offer)
    full_clean_or_raise(offer)
    offer.save()


@transaction.atomic
def activation_offer_create(*, centre: Centre, actor, data: dict) -> ActivationOffer:
    if not can_manage_activation_offers(actor, centre):
        raise _denied()
    offer = ActivationOffer(centre=centre, created_by=actor)
    _assign(offer, data, ACTIVATION_FIELDS)
    _save_activation(offer)
    audit_log(
        actor=actor,
        obj=offer,
        action=PromotionAudit.ACTIVATION_CREATED,
        new=snapshot(offer, ACTIVATION_FIELDS),
    )
    return offer


@transaction.atomic
def activation_offer_update(*, offer: ActivationOffer, actor, data: dict) -> ActivationOffer:
    if not can_manage_activation_offers(actor, offer.centre):
        raise _denied()
    offer = ActivationOffer.objects.select_for_update().get(centre=offer.centre, pk=offer.pk)
    before = snapshot(offer, ACTIVATION_FIELDS)
    _assign(offer, data, ACTIVATION_FIELDS)
    _save_activation(offer)
    old, new = changes(before, snapshot(offer, ACTIVATION_FIELDS))
    if new:
        audit_log(actor=actor, obj=offer, action=PromotionAudit.ACTIVATION_UPDATED, old=old, new=new)
    return offer


@transaction.atomic
def activation_offer_delete(*, offer: ActivationOffer, actor) -> None:
    if not can_manage_activation_offers(actor, offer.centre):
        raise _denied()
    audit_log(
        actor=actor,
        obj=offer,
        action=PromotionAudit.ACTIVATION_DELETED,
        old=snapshot(offer, ACTIVATION_FIELDS),
    )
    ActivationOffer.objects.filter(centre=offer.centre, pk=offer.pk).delete()
