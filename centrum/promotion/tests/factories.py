import factory

from centrum.organisations.tests.factories import random_nip

from ..choices import Audience, BodyKind, CompanyStatus
from ..models import ActivationOffer, Company, OrganisationPage


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Firma Testowa {n} Sp. z o.o.")
    nip = factory.LazyFunction(random_nip)
    email = factory.Sequence(lambda n: f"firma{n}@example.com")
    description = "<p>Firma wspiera lokalne organizacje.</p>"
    offers_volunteering = True
    status = CompanyStatus.PUBLISHED
    search_text = factory.LazyAttribute(lambda o: o.name.lower())


class ActivationOfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivationOffer

    body = "Powiatowy Urząd Pracy w Kaliszu"
    body_kind = BodyKind.LABOUR_OFFICE
    title = factory.Sequence(lambda n: f"Staż {n}")
    audience = Audience.UNEMPLOYED
    search_text = factory.LazyAttribute(lambda o: o.title.lower())


class OrganisationPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationPage

    centre = factory.LazyAttribute(lambda o: o.organisation.centre)
    about = "<p>Pomagamy sąsiadom.</p>"
    facebook = "https://www.facebook.com/przyklad"


def company_in_state(*, centre, state: str, **kwargs) -> Company:
    return CompanyFactory(centre=centre, status=state, proposed_by_email="zglaszajacy@example.com", **kwargs)


def page_in_state(*, organisation, state: str) -> OrganisationPage:
    return OrganisationPageFactory(organisation=organisation, visibility=state)
