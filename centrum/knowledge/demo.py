"""Demo data: Żory's good practices from its seed page (the national database's record of the Żorskie
Centrum Organizacji Pozarządowych) and a few more from the seed centres, Mysłowice's "Lokalna Platforma
Wiedzy" (articles in the five categories, regulations and research results, leaders), funding calls in
every centre. Written directly (the moderation is shown by one practice still waiting); idempotent."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from centrum.accounts.demo import demo_email
from centrum.core.calendar import warsaw_today
from centrum.core.richtext import plain_text
from centrum.organisations.models import ActivityArea, Organisation

from .choices import (
    ArticleStatus,
    CallKind,
    DocumentKind,
    GovernmentKind,
    Licence,
    PracticeStatus,
    Voivodeship,
)
from .models import Article, ArticleCategory, Document, FundingCall, GoodPractice, Leader, PracticeAttachment
from .search import search_columns
from .services import LEADER_CONSENT_TEXT, categories_ensure

# A minimal valid PDF: demo attachments and documents are real files that pass the content check.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

ZORY_COP = (
    "<p>Żorskie Centrum Organizacji Pozarządowych (COP) powstało z powodu braku jednostki wspomagającej "
    "organizacje III sektora na terenie miasta Żory. Inicjatorem powstania centrum było stowarzyszenie "
    "„Progress”, działające na rzecz osób niepełnosprawnych. Centrum zostało powołane przez Radę Miasta Żory "
    "1 maja 2007 roku; po czterech latach działalności zrzeszało ponad 50 organizacji pozarządowych.</p>"
    "<p>Organizacje mogą liczyć na pomoc Centrum poprzez szkolenia, doradztwo, bezpłatne udostępnianie "
    "pomieszczeń i bazy technicznej. W budynku Centrum siedziby mają m.in. Uniwersytet III Wieku, "
    "Stowarzyszenie Artystyczne Żorskie Plenery i Klub Abstynentów „STER”.</p>"
    "<p>Pracownicy Centrum udzielają informacji, doradzają w zakresie księgowości, pomagają rozliczać "
    "dotacje i przygotowywać wnioski. COP prowadzi też bazę Centrum Wolontariatu.</p>"
)

# (title, summary, description, kind, locality, voivodeship, unit, population, source, added, updated, status)
PRACTICES = {
    "zory": [
        (
            "Żorskie Centrum Organizacji Pozarządowych",
            "Miejskie centrum wspierające organizacje III sektora: siedziby, szkolenia, doradztwo księgowe "
            "i pomoc w rozliczaniu dotacji.",
            ZORY_COP,
            GovernmentKind.CITY_COUNTY,
            "Żory",
            Voivodeship.SLASKIE,
            "Żorskie Centrum Organizacji Pozarządowych",
            60938,
            "Baza Dobrych Praktyk, Model współpracy administracji publicznej i organizacji pozarządowych",
            date(2009, 10, 21),
            date(2011, 3, 13),
            PracticeStatus.PUBLISHED,
        ),
        (
            "Ośrodek wsparcia dla organizacji pozarządowych w Mysłowicach",
            "Szkolenia, doradztwo w poniedziałki, indywidualny opiekun organizacji i Lokalna Platforma Wiedzy.",
            "<p>Projekt „Pomysłowice” uruchomił ośrodek wsparcia dla organizacji pozarządowych i aktywnych "
            "mieszkańców: szkolenia z pozyskiwania funduszy, doradztwo specjalistyczne, udostępnianie sal "
            "i sprzętu, adres do korespondencji.</p>",
            GovernmentKind.CITY_COUNTY,
            "Mysłowice",
            Voivodeship.SLASKIE,
            "Urząd Miasta Mysłowice",
            74000,
            "Strona projektu „Pomysłowice”",
            date(2011, 8, 26),
            date(2011, 8, 26),
            PracticeStatus.PUBLISHED,
        ),
        (
            "Model współpracy – Współpraca na medal w Miechowie",
            "Wdrażanie standardów współpracy samorządu z organizacjami pozarządowymi w gminie miejsko-wiejskiej.",
            "<p>Gmina Miechów uczestniczy w projekcie „Model Współpracy – Współpraca na medal”, prowadzonym "
            "przez Fundację Biuro Inicjatyw Społecznych w partnerstwie z Województwem Małopolskim.</p>",
            GovernmentKind.MIXED,
            "Miechów",
            Voivodeship.MALOPOLSKIE,
            "Urząd Gminy i Miasta w Miechowie",
            19800,
            "Serwis Gminy Miechów",
            date(2015, 3, 24),
            date(2015, 3, 24),
            PracticeStatus.PUBLISHED,
        ),
        (
            "Centrum Organizacji Pozarządowych w Kaliszu przy ul. Babina",
            "Miejsce, w którym kaliskie NGO realizują działania i korzystają ze wsparcia technicznego.",
            "<p>Przy ulicy Babina 1 powstało Centrum Organizacji Pozarządowych – miejsce dla kaliskich "
            "organizacji z salami, sprzętem i doradztwem.</p>",
            GovernmentKind.CITY_COUNTY,
            "Kalisz",
            Voivodeship.WIELKOPOLSKIE,
            "Urząd Miasta Kalisza",
            97000,
            "Serwis Miasta Kalisza",
            date(2016, 5, 10),
            date(2016, 5, 10),
            PracticeStatus.PUBLISHED,
        ),
        (
            "Częstochowski portal organizacji pozarządowych",
            "Wspólna wizytówka organizacji, kalendarz wydarzeń i zgłaszanie newsów w jednym serwisie.",
            "<p>Portal pps.czestochowa.pl gromadzi informacje o organizacjach, kalendarz wydarzeń "
            "i aktualności zgłaszane przez same organizacje.</p>",
            GovernmentKind.CITY_COUNTY,
            "Częstochowa",
            Voivodeship.SLASKIE,
            "Częstochowskie Centrum Organizacji Pozarządowych",
            214000,
            "pps.czestochowa.pl",
            date(2018, 9, 3),
            date(2019, 1, 15),
            PracticeStatus.SUBMITTED,
        ),
    ],
}
GENERIC_PRACTICE = (
    "Lokalny fundusz wkładów własnych",
    "Gmina pokrywa część wkładu własnego organizacji, które zdobyły dotację spoza budżetu gminy.",
    "<p>Organizacje, które zdobyły dofinansowanie z funduszy zewnętrznych, mogą wnioskować do gminy "
    "o pokrycie części wkładu własnego. Dzięki temu także małe stowarzyszenia sięgają po większe granty.</p>",
    GovernmentKind.CITY_COUNTY,
    Voivodeship.WIELKOPOLSKIE,
)

ARTICLES = (
    (
        "pozyskiwanie-funduszy",
        "Jak napisać dobrą ofertę w otwartym konkursie",
        "Od diagnozy potrzeb do budżetu: najczęstsze błędy w ofertach i jak ich uniknąć.",
    ),
    ("pozyskiwanie-funduszy", "Crowdfunding dla małej organizacji", "Zbiórka w internecie krok po kroku."),
    (
        "prawo",
        "Zmiana statutu stowarzyszenia – co zgłosić do KRS",
        "Uchwała walnego zebrania, wniosek i terminy.",
    ),
    ("ksiegowosc", "Uproszczona ewidencja przychodów i kosztów", "Kto może ją prowadzić i o czym pamiętać."),
    ("ksiegowosc", "Sprawozdanie finansowe organizacji pozarządowej", "Terminy, podpisy i e-Sprawozdania."),
    (
        "promocja",
        "Promocja organizacji w mediach społecznościowych",
        "Plan publikacji na miesiąc i zdjęcia z zachowaniem praw autorskich.",
    ),
    (
        "wolontariat",
        "Porozumienie z wolontariuszem – wzór i omówienie",
        "Co musi zawierać porozumienie wolontariackie i kiedy potrzebna jest forma pisemna.",
    ),
)
DOCUMENTS = (
    (
        DocumentKind.REGULATION,
        "Ustawa o działalności pożytku publicznego i o wolontariacie – tekst jednolity",
    ),
    (DocumentKind.REGULATION, "Program współpracy Miasta Mysłowice z organizacjami pozarządowymi"),
    (DocumentKind.RESEARCH, "Kondycja organizacji pozarządowych w Mysłowicach – wyniki badania"),
)
LEADERS = (
    ("Anna Kowalczyk", "Radna osiedla, organizuje sąsiedzkie sprzątanie i pikniki.", "Piasek", "czlonek"),
    (
        "Tomasz Wieczorek",
        "Trener piłki nożnej dzieci, założyciel klubu osiedlowego.",
        "Brzęczkowice",
        "prezes",
    ),
)
CALLS = (
    (
        CallKind.EXTERNAL,
        "Program Fundusz Inicjatyw Obywatelskich NOWEFIO",
        "Narodowy Instytut Wolności",
        45,
        Decimal("100000"),
        ("17", "20"),
    ),
    (
        CallKind.EXTERNAL,
        "Działaj Lokalnie",
        "Polsko-Amerykańska Fundacja Wolności",
        30,
        Decimal("6000"),
        ("17",),
    ),
    (
        CallKind.MUNICIPAL,
        "Małe granty na wydarzenia sąsiedzkie",
        "Urząd Miasta",
        21,
        Decimal("10000"),
        ("14",),
    ),
    (CallKind.EXTERNAL, "Fundusz Składkowy Ubezpieczenia Społecznego Rolników", "KRUS", 60, None, ("6",)),
)


def _user(role: str, centre):
    return get_user_model().objects.filter(email=demo_email(role, centre.slug)).first()


def _practice(centre, row, organisation, submitter) -> GoodPractice:
    (
        title,
        summary,
        description,
        kind,
        locality,
        voivodeship,
        unit,
        population,
        source,
        added,
        updated,
        status,
    ) = row
    practice = GoodPractice(
        centre=centre,
        title=title,
        summary=summary,
        description=description,
        government_kind=kind,
        locality=locality,
        voivodeship=voivodeship,
        implementing_unit=unit,
        population=population,
        source=source,
        licence=Licence.CC_BY,
        organisation=organisation,
        submitted_by=submitter,
        added_on=added,
        updated_on=updated,
        status=status,
        published_at=timezone.now() if status == PracticeStatus.PUBLISHED else None,
        **search_columns(title, summary, plain_text(description), locality, unit),
    )
    practice.full_clean()
    practice.save()
    return practice


def seed(*, centre, rng: random.Random) -> str | None:
    if GoodPractice.objects.filter(centre=centre).exists():
        return None
    staff = _user("pracownik", centre)
    organisation = Organisation.objects.filter(centre=centre).order_by("id").first()
    rows = PRACTICES.get(centre.slug) or [
        (
            GENERIC_PRACTICE[0],
            GENERIC_PRACTICE[1],
            GENERIC_PRACTICE[2],
            GENERIC_PRACTICE[3],
            centre.name.split()[-1],
            GENERIC_PRACTICE[4],
            centre.name,
            None,
            "Opracowanie centrum",
            warsaw_today() - timedelta(days=200),
            warsaw_today() - timedelta(days=30),
            PracticeStatus.PUBLISHED,
        ),
        (
            "Wspólna wizytówka organizacji w serwisie gminy",
            "Każda organizacja ma stronę z danymi z rejestru, logo, wydarzeniami i ofertami wolontariatu.",
            "<p>Centrum prowadzi katalog organizacji, w którym każda organizacja ma swoją wizytówkę.</p>",
            GovernmentKind.CITY_COUNTY,
            centre.name.split()[-1],
            Voivodeship.SLASKIE,
            centre.name,
            None,
            "Opracowanie centrum",
            warsaw_today() - timedelta(days=60),
            warsaw_today() - timedelta(days=60),
            PracticeStatus.SUBMITTED,
        ),
    ]
    practices = [_practice(centre, row, organisation, staff) for row in rows]
    first = practices[0]
    attachment = PracticeAttachment(
        centre=centre, practice=first, title="Metryka praktyki (PDF)", extension="pdf", size=len(DEMO_PDF)
    )
    attachment.file.save("metryka.pdf", ContentFile(DEMO_PDF), save=False)
    attachment.save()
    _knowledge_base(centre, staff)
    _calls(centre, staff)
    if centre.slug == "myslowice":
        _leaders(centre)
    return f"{len(practices)} practices"


def _knowledge_base(centre, author) -> None:
    categories_ensure(centre=centre)
    by_slug = {c.slug: c for c in ArticleCategory.objects.filter(centre=centre)}
    articles = ARTICLES if centre.slug == "myslowice" else ARTICLES[::3]
    now = timezone.now()
    for position, (slug, title, lead) in enumerate(articles):
        body = f"<p>{lead}</p><p>Artykuł przygotowany przez zespół centrum.</p>"
        Article.objects.create(
            centre=centre,
            category=by_slug[slug],
            title=title,
            lead=lead,
            body=body,
            status=ArticleStatus.PUBLISHED,
            published_at=now - timedelta(days=10 * position),
            author=author,
            **search_columns(title, lead, plain_text(body)),
        )
    documents = DOCUMENTS if centre.slug == "myslowice" else DOCUMENTS[:1]
    for position, (kind, title) in enumerate(documents):
        document = Document(
            centre=centre,
            kind=kind,
            title=title,
            published_on=warsaw_today() - timedelta(days=90 * (position + 1)),
            extension="pdf",
            size=len(DEMO_PDF),
            added_by=author,
        )
        document.file.save("dokument.pdf", ContentFile(DEMO_PDF), save=False)
        document.save()


def _calls(centre, author) -> None:
    areas = {a.code: a for a in ActivityArea.objects.all()}
    today = warsaw_today()
    for kind, title, funder, days, amount, codes in CALLS:
        funder = f"{funder} {centre.name.split()[-1]}" if kind == CallKind.MUNICIPAL else funder
        call = FundingCall.objects.create(
            centre=centre,
            kind=kind,
            title=title,
            funder=funder,
            deadline=today + timedelta(days=days),
            amount=amount,
            url="https://example.org/nabory",
            description=f"{title}: nabór wniosków prowadzi {funder}.",
            added_by=author,
            **search_columns(title, funder),
        )
        call.fields.set([areas[c] for c in codes if c in areas])


def _leaders(centre) -> None:
    for name, bio, district, role in LEADERS:
        user = _user(role, centre)
        if user is None or Leader.objects.filter(centre=centre, user=user).exists():
            continue
        Leader.objects.create(
            centre=centre,
            user=user,
            display_name=name,
            bio=bio,
            district=district,
            activities="aktywność lokalna",
            email=user.email,
            visible_fields=["bio", "activities", "district"],
            consent_text=LEADER_CONSENT_TEXT,
            consent_at=timezone.now(),
        )
