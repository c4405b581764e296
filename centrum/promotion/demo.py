"""Demo data: in every centre a few organisations' pages (logo drawn with Pillow, a short self-description,
links), socially responsible companies (one proposal waiting for moderation) and public bodies' activation
offers; Częstochowa, whose portal promises a "wspólna wizytówka" for its NGOs, gets the most. Idempotent."""

import io
import random
from datetime import timedelta

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from centrum.core.calendar import warsaw_today
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from .choices import Audience, BodyKind, CompanyStatus, PageVisibility
from .models import ActivationOffer, Company, OrganisationPage
from .services import activation_search_text, company_search_text

COLOURS = ["#1f5f8b", "#7a3e9d", "#2e7d32", "#b23c17", "#00695c", "#5d4037"]

# (name, NIP, city part, volunteering, in kind, money, what they offer)
COMPANIES = [
    (
        "Huta Szkła Jasna Sp. z o.o.",
        "5730000015",
        True,
        True,
        False,
        "Wolontariat pracowniczy przy remontach świetlic, szkło i materiały na warsztaty dla dzieci.",
    ),
    (
        "Drukarnia Focha S.C.",
        "5730000021",
        False,
        True,
        False,
        "Druk plakatów i ulotek dla organizacji pozarządowych po kosztach materiału.",
    ),
    (
        "Piekarnia Pod Jasną Górą",
        "5730000038",
        True,
        True,
        False,
        "Pieczywo na pikniki i festyny organizacji, wolontariat przy zbiórkach żywności.",
    ),
    (
        "Bank Spółdzielczy Ziemi Częstochowskiej",
        "5730000044",
        False,
        False,
        True,
        "Coroczny konkurs grantowy dla organizacji działających na rzecz dzieci i seniorów.",
    ),
    (
        "Kancelaria Radców Prawnych Lex Bona",
        "5730000067",
        True,
        False,
        False,
        "Bezpłatne konsultacje prawne dla stowarzyszeń i fundacji (pro bono), raz w miesiącu.",
    ),
    (
        "Transport Warta Sp. z o.o.",
        "5730000073",
        False,
        True,
        False,
        "Bezpłatny przewóz sprzętu na wydarzenia organizacji, dwa razy w roku.",
    ),
]
ELSEWHERE_COMPANIES = 2

# (body, kind, title, audience, description, weeks from today to start, weeks long or None)
OFFERS = [
    (
        "Powiatowy Urząd Pracy",
        BodyKind.LABOUR_OFFICE,
        "Staże dla osób bezrobotnych w organizacjach pozarządowych",
        Audience.NGOS,
        "Organizacja może przyjąć stażystę na 6 miesięcy; urząd wypłaca stypendium stażowe.",
        -4,
        30,
    ),
    (
        "Miejski Ośrodek Pomocy Społecznej",
        BodyKind.WELFARE_CENTRE,
        "Program „Aktywny senior”",
        Audience.SENIORS,
        "Zajęcia ruchowe, warsztaty cyfrowe i spotkania klubu seniora we współpracy z organizacjami.",
        -2,
        20,
    ),
    (
        "Powiatowy Urząd Pracy",
        BodyKind.LABOUR_OFFICE,
        "Prace społecznie użyteczne",
        Audience.UNEMPLOYED,
        "Do 40 godzin miesięcznie pracy w organizacjach i instytucjach dla osób bez zasiłku.",
        1,
        26,
    ),
    (
        "Urząd Miasta – Wydział Polityki Społecznej",
        BodyKind.MUNICIPALITY,
        "Wsparcie dla nowych organizacji",
        Audience.NGOS,
        "Doradztwo przy zakładaniu stowarzyszenia, pomoc w pierwszym sprawozdaniu i wniosku.",
        -8,
        None,
    ),
    (
        "Miejski Ośrodek Pomocy Społecznej",
        BodyKind.WELFARE_CENTRE,
        "Klub Integracji Społecznej",
        Audience.RESIDENTS,
        "Warsztaty kompetencji, grupy wsparcia i wolontariat dla mieszkańców.",
        0,
        52,
    ),
]
ELSEWHERE_OFFERS = 2

ABOUTS = [
    "<p>Działamy od lat na rzecz mieszkańców naszego miasta. Organizujemy zajęcia, warsztaty i wydarzenia "
    "otwarte dla wszystkich.</p><p>Zapraszamy do współpracy wolontariuszy i partnerów.</p>",
    "<p>Pomagamy dzieciom i rodzinom: świetlica, korepetycje, wyjazdy wakacyjne.</p>",
    "<p>Dbamy o przyrodę i zieleń w mieście – sprzątamy, sadzimy drzewa, uczymy ekologii.</p>",
]


def logo_png(text: str, colour: str, size: int = 240) -> bytes:
    """A plain square logo with the initials: enough to show the page and to test the upload path."""
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((20, 20, size - 20, size - 20), outline="white", width=8)
    draw.text((size // 2, size // 2), text[:3].upper(), fill="white", anchor="mm", font_size=size // 4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[:1].isalpha())[:3] or "NGO"


def _pages(centre, rng: random.Random, count: int) -> int:
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("id")[:count]
    )
    made = 0
    for index, org in enumerate(organisations):
        if OrganisationPage.objects.filter(centre=centre, organisation=org).exists():
            continue
        page = OrganisationPage(
            centre=centre,
            organisation=org,
            about=ABOUTS[index % len(ABOUTS)],
            logo_alt=f"Logo: {org.name}",
            website=org.website or "",
            facebook=f"https://www.facebook.com/demo.{org.pk}" if index % 2 == 0 else "",
            visibility=PageVisibility.VISIBLE,
        )
        page.logo.save(
            f"demo-{centre.slug}-{org.pk}.png",
            ContentFile(logo_png(initials(org.name), rng.choice(COLOURS))),
            save=False,
        )
        page.save()
        made += 1
    return made


def _companies(centre, rng: random.Random, rich: bool) -> int:
    chosen = COMPANIES if rich else COMPANIES[:ELSEWHERE_COMPANIES]
    for index, (name, nip, volunteering, in_kind, money, details) in enumerate(chosen):
        status = CompanyStatus.PROPOSED if index == len(chosen) - 1 else CompanyStatus.PUBLISHED
        if not rich:
            name = name.replace("Częstochowskiej", centre.city or "")
        company = Company(
            centre=centre,
            name=name,
            nip=nip,
            city=centre.city,
            description=f"<p>{name} – firma z tradycjami, wspiera lokalne organizacje pozarządowe.</p>",
            offers_volunteering=volunteering,
            offers_in_kind=in_kind,
            offers_money=money,
            offer_details=f"<p>{details}</p>",
            contact_person="Anna Nowak",
            email=f"csr{index}@firma.demo",
            status=status,
            proposed_by_email=f"csr{index}@firma.demo" if status == CompanyStatus.PROPOSED else "",
            logo_alt=f"Logo: {name}",
        )
        company.search_text = company_search_text(company)
        company.logo.save(
            f"demo-{centre.slug}-company-{index}.png",
            ContentFile(logo_png(initials(name), rng.choice(COLOURS))),
            save=False,
        )
        company.save()
    return len(chosen)


def _offers(centre, rich: bool) -> int:
    today = warsaw_today()
    chosen = OFFERS if rich else OFFERS[:ELSEWHERE_OFFERS]
    city = centre.city or ""
    for body, kind, title, audience, description, start, weeks in chosen:
        starts = today + timedelta(weeks=start)
        offer = ActivationOffer(
            centre=centre,
            body=f"{body} w {city}" if kind == BodyKind.LABOUR_OFFICE and city else body,
            body_kind=kind,
            title=title,
            description=f"<p>{description}</p>",
            audience=audience,
            starts_on=starts,
            ends_on=starts + timedelta(weeks=weeks) if weeks else None,
        )
        offer.search_text = activation_search_text(offer)
        offer.save()
    return len(chosen)


def seed(*, centre, rng: random.Random) -> str | None:
    if Company.objects.filter(centre=centre).exists():
        return None
    rich = centre.slug == "czestochowa"
    pages = _pages(centre, rng, 8 if rich else 3)
    companies = _companies(centre, rng, rich)
    offers = _offers(centre, rich)
    return f"pages: {pages}, companies: {companies}, activation offers: {offers}"
