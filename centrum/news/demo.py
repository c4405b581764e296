"""Demo data: news and events of every centre, rich in Mysłowice (the "Lokalna Platforma Wiedzy" of
POMYSłowice) and Częstochowa (the pps.czestochowa.pl portal with "Zgłoś newsa" and its calendar), from what
their seed pages say; some waiting for moderation, one sent back for changes; an error report. Idempotent."""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from centrum.accounts.demo import demo_email
from centrum.core.calendar import WARSAW, warsaw_today
from centrum.organisations.models import Organisation

from .choices import Accessibility, ModerationStatus, OrganiserKind
from .models import ErrorReport, Event, NewsItem

S = ModerationStatus
A = Accessibility

# (title, lead, body, status, by an organisation?, days ago)
NEWS = {
    "myslowice": (
        (
            "Ruszyła Lokalna Platforma Wiedzy",
            "Kalendarz imprez lokalnych, baza społeczników i liderów, dobre "
            "praktyki i wiedza o pozyskiwaniu funduszy – w jednym miejscu dla Mysłowic.",
            "<p>Lokalna Platforma Wiedzy to zestaw narzędzi i standardów pracy, których efekty są publicznie "
            "dostępne i usprawniają współpracę samorządu, organizacji pozarządowych i biznesu.</p><p>Promować się "
            "mogą organizacje pozarządowe, firmy w zakresie CSR i jednostki administracji publicznej w zakresie "
            "aktywizacji społecznej mieszkańców.</p>",
            S.PUBLISHED,
            False,
            40,
        ),
        (
            "Porady dla organizacji w poniedziałki",
            "Doradztwo specjalistyczne w Ośrodku wsparcia – w każdy poniedziałek od 11.00 do 17.00.",
            "<p>Zapraszamy organizacje i aktywnych mieszkańców na porady "
            "pierwszego kontaktu i doradztwo specjalistyczne. Każda organizacja może dostać indywidualnego "
            "opiekuna.</p>",
            S.PUBLISHED,
            False,
            21,
        ),
        (
            "Szukamy wolontariuszy do letniej akcji w szkołach",
            "Spotkania o wolontariacie z młodzieżą mysłowickich szkół – dołącz do grupy inicjatywnej.",
            "<p>Promujemy ideę wolontariatu wśród "
            "młodzieży. Szukamy osób, które poprowadzą z nami spotkania w szkołach i pomogą założyć Centrum "
            "Wolontariatu w mieście.</p>",
            S.PUBLISHED,
            True,
            10,
        ),
        (
            "Zbiórka podręczników dla świetlicy",
            "Stowarzyszenie zbiera podręczniki i gry planszowe dla świetlicy środowiskowej na Piaskach.",
            "<p>Dary przyjmujemy w siedzibie organizacji od poniedziałku do piątku. Dziękujemy!</p>",
            S.PUBLISHED,
            True,
            4,
        ),
        (
            "Małe partnerstwa – strategia rozwoju organizacji",
            "Warsztaty, na których organizacje wypracują strategię rozwoju z partnerami.",
            "<p>Zgłoszenia przyjmujemy do końca miesiąca.</p>",
            S.SUBMITTED,
            True,
            1,
        ),
        (
            "Nowy zarząd stowarzyszenia",
            "Walne zebranie wybrało nowy zarząd.",
            "<p>Skład zarządu…</p>",
            S.CHANGES_REQUESTED,
            True,
            2,
        ),
        (
            "Trzy szkolenia dla organizacji – zapisy otwarte",
            "Pozyskiwanie funduszy, zarządzanie organizacją i tworzenie partnerstw: bezpłatne szkolenia w Ośrodku.",
            "<p>Szkolenia prowadzą doświadczeni trenerzy. Liczba miejsc jest ograniczona – zapisy w kalendarzu "
            "szkoleń.</p>",
            S.PUBLISHED,
            False,
            15,
        ),
    ),
    "czestochowa": (
        (
            "Zmiana Regulaminu Częstochowskiego Centrum Organizacji Pozarządowych",
            "Od 2 lutego obowiązuje nowy Regulamin CCOP – zmiany dotyczą udostępniania adresu i sal.",
            "<p>Istotne zmiany dotyczą "
            "świadczeń Centrum dla organizacji pozarządowych: udostępniania adresu CCOP jako adresu organizacji "
            "oraz udostępniania sal do prowadzenia działalności statutowej.</p>",
            S.PUBLISHED,
            False,
            60,
        ),
        (
            "Adres e-mail w domenie ngo.czestochowa.pl",
            "Organizacje mogą dostać bezpłatny adres poczty na serwerze ngo.czestochowa.pl.",
            "<p>Wniosek złożysz w CCOP, ul. Focha 19/21, lokal 46.</p>",
            S.PUBLISHED,
            False,
            30,
        ),
        (
            "Weekend z organizacjami pozarządowymi – zgłoś stoisko",
            "Częstochowskie organizacje zapraszają mieszkańców na wspólny weekend w Alejach.",
            "<p>Organizacje, które chcą pokazać swoje działania, zgłaszają stoisko w CCOP.</p>",
            S.PUBLISHED,
            False,
            14,
        ),
        (
            "Wolontariat zagraniczny – spotkanie informacyjne",
            "Jak wyjechać na wolontariat europejski? Opowiemy o programach i ubezpieczeniu.",
            "<p>Spotkanie poprowadzą byli wolontariusze.</p>",
            S.PUBLISHED,
            True,
            7,
        ),
        (
            "Dzień otwarty klubu sportowego",
            "Klub zaprasza dzieci i rodziców na bezpłatne treningi.",
            "<p>Treningi dla dzieci od 6 lat.</p>",
            S.PUBLISHED,
            True,
            3,
        ),
        (
            "Spółdzielnia socjalna otwiera kawiarnię",
            "Nowe miejsce pracy dla osób z niepełnosprawnościami.",
            "<p>Kawiarnia działa od poniedziałku do soboty.</p>",
            S.SUBMITTED,
            True,
            1,
        ),
    ),
}
ELSEWHERE_NEWS = (
    (
        "Dyżury doradców w centrum",
        "Porady prawne i księgowe dla organizacji – zapisz się na dyżur.",
        "<p>Terminy dyżurów znajdziesz w zakładce Doradztwo.</p>",
        S.PUBLISHED,
        False,
        12,
    ),
    (
        "Organizacja zaprasza do współpracy",
        "Szukamy partnerów do projektu dla seniorów.",
        "<p>Napisz do nas, jeśli chcesz dołączyć.</p>",
        S.PUBLISHED,
        True,
        5,
    ),
    (
        "Festyn rodzinny – zgłoszenie",
        "Festyn na zakończenie lata.",
        "<p>Szczegóły wkrótce.</p>",
        S.SUBMITTED,
        True,
        1,
    ),
)
# (title, place, days ahead, hour, hours long, organiser kind, audience, accessibility, price, status)
EVENTS = {
    "myslowice": (
        (
            "Spotkanie integracyjne wolontariuszy",
            "Ośrodek wsparcia POMYSłowice, ul. Powstańców 1",
            9,
            17,
            2,
            OrganiserKind.CENTRE,
            "wolontariusze i organizacje",
            [A.WHEELCHAIR],
            None,
            S.PUBLISHED,
        ),
        (
            "Szkolenie: pozyskiwanie funduszy",
            "Ośrodek wsparcia POMYSłowice, sala konferencyjna",
            16,
            10,
            4,
            OrganiserKind.CENTRE,
            "organizacje pozarządowe",
            [A.WHEELCHAIR, A.INDUCTION_LOOP],
            None,
            S.PUBLISHED,
        ),
        (
            "Piknik sąsiedzki na Piaskach",
            "Park Zamkowy, Mysłowice",
            24,
            12,
            6,
            OrganiserKind.ORGANISATION,
            "rodziny z dziećmi",
            [A.WHEELCHAIR, A.CHILDCARE],
            None,
            S.PUBLISHED,
        ),
        (
            "Dzień otwarty Powiatowego Urzędu Pracy",
            "PUP Mysłowice, ul. Mikołowska 4a",
            12,
            9,
            5,
            OrganiserKind.PUBLIC_BODY,
            "osoby szukające pracy",
            [A.SIGN_LANGUAGE],
            None,
            S.PUBLISHED,
        ),
        (
            "Koncert charytatywny",
            "Miejski Ośrodek Kultury",
            33,
            18,
            2,
            OrganiserKind.ORGANISATION,
            "wszyscy",
            [A.WHEELCHAIR, A.AUDIO_DESCRIPTION],
            "20",
            S.PUBLISHED,
        ),
        (
            "Warsztaty dla liderów lokalnych",
            "Ośrodek wsparcia POMYSłowice",
            20,
            16,
            3,
            OrganiserKind.ORGANISATION,
            "liderzy i społecznicy",
            [],
            None,
            S.SUBMITTED,
        ),
    ),
    "czestochowa": (
        (
            "Piknik pozarządowy",
            "Plac Biegańskiego, Częstochowa",
            11,
            11,
            6,
            OrganiserKind.CENTRE,
            "mieszkańcy Częstochowy",
            [A.WHEELCHAIR, A.SIGN_LANGUAGE, A.CHILDCARE],
            None,
            S.PUBLISHED,
        ),
        (
            "Gala Ekonomii Społecznej",
            "Filharmonia Częstochowska, ul. Wilsona 16",
            40,
            18,
            3,
            OrganiserKind.PUBLIC_BODY,
            "podmioty ekonomii społecznej",
            [A.WHEELCHAIR, A.INDUCTION_LOOP],
            None,
            S.PUBLISHED,
        ),
        (
            "Europejski Tydzień Zrównoważonego Transportu – rajd rowerowy",
            "Start: Aleja NMP, Częstochowa",
            19,
            10,
            3,
            OrganiserKind.ORGANISATION,
            "rowerzyści, rodziny",
            [],
            None,
            S.PUBLISHED,
        ),
        (
            "Konsultacje programu współpracy z organizacjami",
            "CCOP, ul. Focha 19/21, lokal 46",
            7,
            16,
            2,
            OrganiserKind.PUBLIC_BODY,
            "organizacje pozarządowe",
            [A.WHEELCHAIR],
            None,
            S.PUBLISHED,
        ),
        (
            "Szkolenie: sprawozdanie z dotacji",
            "CCOP, sala konferencyjna",
            14,
            10,
            3,
            OrganiserKind.CENTRE,
            "organizacje realizujące zadania publiczne",
            [A.WHEELCHAIR, A.EASY_READ],
            None,
            S.PUBLISHED,
        ),
        (
            "Spotkanie świąteczne organizacji",
            "CCOP, ul. Focha 19/21",
            26,
            17,
            3,
            OrganiserKind.ORGANISATION,
            "przedstawiciele organizacji",
            [],
            "15",
            S.SUBMITTED,
        ),
    ),
}
ELSEWHERE_EVENTS = (
    (
        "Spotkanie organizacji z samorządem",
        "Sala konferencyjna centrum",
        10,
        16,
        2,
        OrganiserKind.CENTRE,
        "organizacje pozarządowe",
        [A.WHEELCHAIR],
        None,
        S.PUBLISHED,
    ),
    (
        "Festyn rodzinny",
        "Park miejski",
        21,
        12,
        5,
        OrganiserKind.ORGANISATION,
        "rodziny z dziećmi",
        [A.WHEELCHAIR, A.CHILDCARE],
        None,
        S.PUBLISHED,
    ),
    (
        "Warsztaty pierwszej pomocy",
        "Remiza OSP",
        15,
        10,
        3,
        OrganiserKind.ORGANISATION,
        "mieszkańcy",
        [],
        None,
        S.SUBMITTED,
    ),
)


def seed(*, centre, rng: random.Random) -> str | None:
    if NewsItem.objects.filter(centre=centre).exists():
        return None
    users = get_user_model().objects
    staff = users.filter(email=demo_email("pracownik", centre.slug)).first()
    member = users.filter(email=demo_email("czlonek", centre.slug)).first()
    organisations = list(Organisation.objects.filter(centre=centre, status="active").order_by("id")[:4])
    from centrum.accounts.models import Membership

    own = (
        Organisation.objects.filter(
            centre=centre, pk__in=Membership.objects.filter(user=member).values("organisation_id")
        )
        .order_by("id")
        .first()
        if member
        else None
    )
    now, today = timezone.now(), warsaw_today()
    for index, (title, lead, body, status, by_org, days) in enumerate(NEWS.get(centre.slug, ELSEWHERE_NEWS)):
        organisation = (own if index % 2 else None) or (
            organisations[index % len(organisations)] if organisations else None
        )
        organisation = organisation if by_org else None
        published = now - timedelta(days=days)
        NewsItem.objects.create(
            centre=centre,
            title=title,
            lead=lead,
            body=body,
            organisation=organisation,
            author=(member if by_org else staff),
            status=status,
            status_reason="Prosimy dopisać skład zarządu i datę zebrania."
            if status == S.CHANGES_REQUESTED
            else "",
            submitted_at=published,
            published_at=published if status == S.PUBLISHED else None,
            decided_by=staff if status != S.SUBMITTED else None,
        )
    for index, row in enumerate(EVENTS.get(centre.slug, ELSEWHERE_EVENTS)):
        title, place, ahead, hour, hours, kind, audience, access, price, status = row
        starts = datetime.combine(today + timedelta(days=ahead), time(hour), tzinfo=WARSAW)
        organisation = None
        if kind == OrganiserKind.ORGANISATION and organisations:
            organisation = own if (index % 2 and own) else organisations[index % len(organisations)]
        Event.objects.create(
            centre=centre,
            title=title,
            description=f"<p>{title} – zapraszamy! Wstęp {'płatny' if price else 'wolny'}.</p>",
            organiser_kind=kind
            if (kind != OrganiserKind.ORGANISATION or organisation)
            else OrganiserKind.CENTRE,
            organiser_name="Urząd Miasta" if kind == OrganiserKind.PUBLIC_BODY else "",
            organisation=organisation,
            place=place,
            starts_at=starts,
            ends_at=starts + timedelta(hours=hours),
            audience=audience,
            accessibility=[str(a) for a in access],
            registration_url="",
            price=price,
            author=member if organisation else staff,
            status=status,
            submitted_at=now - timedelta(days=3),
            published_at=now - timedelta(days=2) if status == S.PUBLISHED else None,
            decided_by=staff if status == S.PUBLISHED else None,
        )
    ErrorReport.objects.create(
        centre=centre,
        page_url="/organizacje/",
        message="Na liście organizacji jest nieaktualny numer telefonu jednego ze stowarzyszeń.",
        email="mieszkanka@example.org",
    )
    return None
