"""Demo data of the address service for the centres that run it (Częstochowa, Mysłowice, Kalisz): agreements
in every state, a founding group in Kalisz, authorised persons and the mail log. Idempotent."""

import random
from datetime import timedelta

from django.utils import timezone

from centrum.accounts.demo import demo_people
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.services import centre_settings_update
from centrum.organisations.choices import LegalForm, OrganisationStatus
from centrum.organisations.demo import organisations_for_demo_members
from centrum.organisations.models import Organisation

from .choices import AddressUse, AgreementStatus, KrsAddressCheck, MailKind, MailStatus
from .models import AddressAgreement, AuthorisedPerson, MailItem

CENTRES = ("czestochowa", "myslowice", "kalisz")
# Kalisz gives the registered address to organisations being founded.
FOUNDERS = {
    "kalisz": (
        "Stowarzyszenie Przyjaciół Parku Przypusta",
        LegalForm.ASSOCIATION,
        "Anna Wrzesińska\nPiotr Grabowski\nMarta Szulc\nJan Nowicki\nEwa Kowalczyk\nTomasz Bielecki\nIrena Mazur",
    ),
}
SENDERS = [
    ("Sąd Rejonowy – Wydział Gospodarczy KRS", MailKind.COURT),
    ("Urząd Skarbowy", MailKind.TAX_OFFICE),
    ("Urząd Miasta – Biuro Organizacji Pozarządowych", MailKind.REGISTERED),
    ("Narodowy Instytut Wolności", MailKind.LETTER),
    ("Fundacja Wspomagania Wsi", MailKind.LETTER),
    ("Bank Spółdzielczy", MailKind.LETTER),
    ("InPost", MailKind.PARCEL),
]


def seed(*, centre, rng: random.Random) -> str | None:
    if centre.slug not in CENTRES:
        # Żory and Miechów do not lend their address: the module is off there (staff may switch it on).
        staff = demo_people(centre).get("pracownik")
        if staff is not None and centre_setting(centre, "module_addresses"):
            centre_settings_update(centre=centre, values={"module_addresses": False}, actor=staff)
        return None
    if AddressAgreement.objects.filter(centre=centre).exists():
        return None
    people = demo_people(centre)
    staff, president = people.get("pracownik"), people.get("prezes")
    today, now = warsaw_today(), timezone.now()
    version = centre_setting(centre, "addresses.rules_version")
    members_first = organisations_for_demo_members(centre)[0]
    others = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE)
        .exclude(pk=members_first.pk)
        .order_by("name")[:200]
    )
    chosen = rng.sample(others, min(6, len(others)))
    number = iter(range(1, 100))

    def agreement(organisation, status, starts, ends, use=AddressUse.SEAT, **extra):
        decided = status != AgreementStatus.REQUESTED
        return AddressAgreement.objects.create(
            centre=centre,
            number=f"AD/{starts.year}/{next(number):04d}" if decided else "",
            use=use,
            organisation=organisation,
            contact_name=extra.pop("contact_name", "Zarząd organizacji"),
            contact_email=extra.pop(
                "contact_email", (organisation.email if organisation else "") or "biuro@example.org"
            ),
            requested_by=extra.pop("requested_by", None),
            starts_on=starts,
            ends_on=ends,
            rules_version=version,
            rules_accepted_at=now - timedelta(days=(today - starts).days + 7),
            status=status,
            status_changed_at=now,
            decided_by=staff if decided else None,
            decided_at=now - timedelta(days=(today - starts).days + 3) if decided else None,
            **extra,
        )

    year = timedelta(days=365)
    main = agreement(
        members_first,
        AgreementStatus.ACTIVE,
        today - timedelta(days=120),
        today + year,
        use=AddressUse.CORRESPONDENCE if centre.slug == "czestochowa" else AddressUse.SEAT,
        requested_by=president,
        contact_name=getattr(president, "full_name", "Zarząd"),
        contact_email=getattr(president, "email", "biuro@example.org"),
    )
    plans = [
        (AgreementStatus.ACTIVE, today - timedelta(days=300), today + timedelta(days=200), {}),
        (
            AgreementStatus.ACTIVE,
            today - timedelta(days=30),
            today + year,
            {"use": AddressUse.CORRESPONDENCE},
        ),
        (AgreementStatus.EXPIRING, today - year, today + timedelta(days=20), {"reminded_at": now}),
        (AgreementStatus.REQUESTED, today + timedelta(days=7), today + year, {}),
        (
            AgreementStatus.ENDED,
            today - 2 * year,
            today - timedelta(days=40),
            {"krs_check": KrsAddressCheck.STILL_HERE, "krs_checked_at": now},
        ),
        (
            AgreementStatus.TERMINATED,
            today - year,
            today + timedelta(days=90),
            {"status_reason": "Organizacja przeniosła siedzibę do własnego lokalu."},
        ),
    ]
    for organisation, (status, starts, ends, extra) in zip(chosen, plans, strict=False):
        agreement(organisation, status, starts, ends, **extra)
    if centre.slug in FOUNDERS:
        name, form, founders = FOUNDERS[centre.slug]
        agreement(
            None,
            AgreementStatus.ACTIVE,
            today - timedelta(days=14),
            today + year,
            founding_name=name,
            founding_legal_form=form,
            founders=founders,
            requested_by=people.get("czlonek"),
            contact_name="Anna Wrzesińska",
            contact_email=getattr(people.get("czlonek"), "email", "zalozyciele@example.org"),
        )
        agreement(
            None,
            AgreementStatus.REQUESTED,
            today + timedelta(days=3),
            today + year,
            founding_name="Fundacja Kaliskie Talenty",
            founding_legal_form=LegalForm.FOUNDATION,
            founders="Kamil Adamski",
            contact_name="Kamil Adamski",
            contact_email="talenty@example.org",
        )
    person = AuthorisedPerson.objects.create(
        centre=centre,
        organisation=members_first,
        full_name=getattr(president, "full_name", "Prezes zarządu"),
        valid_from=today - timedelta(days=120),
        valid_until=today + year,
        added_by=president,
    )
    AuthorisedPerson.objects.create(
        centre=centre,
        organisation=members_first,
        full_name="Halina Sobczak",
        valid_from=today - year,
        valid_until=today - timedelta(days=10),
        added_by=president,
    )
    for days_ago, (sender, kind) in zip((40, 21, 9, 2, 1), rng.sample(SENDERS, 5), strict=False):
        collected = days_ago > 20
        MailItem.objects.create(
            centre=centre,
            agreement=main,
            organisation=members_first,
            received_on=today - timedelta(days=days_ago),
            sender=sender,
            kind=kind,
            recorded_by=staff,
            status=MailStatus.COLLECTED if collected else MailStatus.WAITING,
            collected_by=person if collected else None,
            collected_at=now - timedelta(days=days_ago - 2) if collected else None,
            handed_over_by=staff if collected else None,
        )
    return f"address agreements: {AddressAgreement.objects.filter(centre=centre).count()}"
