"""Realistic names of Polish organisations, built from each centre's local vocabulary.

Every generator returns (name, short name, areas, description) and draws only from the `rng` it is
given, so the same seed always yields the same names.
"""

import random
from dataclasses import dataclass

from .areas import DemoArea, Place


@dataclass(frozen=True)
class Theme:
    """A field of work: the genitive phrase after "Stowarzyszenie"/"Fundacja", its public-benefit areas
    (codes of art. 4 ust. 1) and what such an organisation does."""

    phrase: str
    areas: tuple[str, ...]
    description: str
    association: bool = True
    foundation: bool = True


THEMES: list[Theme] = [
    Theme(
        "Pomocy Osobom Niepełnosprawnym",
        ("7", "1"),
        "Wspiera osoby z niepełnosprawnościami i ich rodziny: rehabilitacja, turnusy, doradztwo i integracja.",
    ),
    Theme(
        "Rodzin Abstynenckich",
        ("32",),
        "Prowadzi grupy wsparcia i spotkania dla osób wychodzących z uzależnień i ich bliskich.",
        foundation=False,
    ),
    Theme(
        "Aktywnych Seniorów",
        ("10", "13"),
        "Organizuje zajęcia ruchowe, wycieczki, kursy komputerowe i spotkania dla osób starszych.",
        foundation=False,
    ),
    Theme(
        "Wspierania Seniorów",
        ("10", "1"),
        "Pomaga osobom starszym w codziennych sprawach i przeciwdziała ich samotności.",
        association=False,
    ),
    Theme(
        "Edukacji Ekologicznej",
        ("18", "14"),
        "Prowadzi warsztaty przyrodnicze dla szkół, akcje sprzątania i sadzenia drzew.",
    ),
    Theme(
        "Rozwoju Przedsiębiorczości",
        ("11", "8"),
        "Wspiera osoby zakładające działalność gospodarczą: szkolenia, mentoring, doradztwo.",
    ),
    Theme(
        "Pomocy Dzieciom i Młodzieży",
        ("15", "1"),
        "Prowadzi świetlicę, zajęcia wyrównawcze i wypoczynek dla dzieci z rodzin w trudnej sytuacji.",
    ),
    Theme(
        "Wspierania Rodzin Zastępczych",
        ("1a", "31"),
        "Pomaga rodzinom zastępczym i ich wychowankom: grupy wsparcia, szkolenia, wypoczynek.",
    ),
    Theme(
        "Ochrony Zwierząt",
        ("18",),
        "Opiekuje się bezdomnymi zwierzętami, prowadzi adopcje i akcje sterylizacji.",
    ),
    Theme(
        "Kultury i Sztuki",
        ("16",),
        "Organizuje koncerty, wystawy i warsztaty artystyczne dla mieszkańców.",
    ),
    Theme(
        "Miłośników Muzyki Dawnej",
        ("16", "4"),
        "Organizuje koncerty muzyki dawnej i warsztaty dla młodych muzyków.",
        foundation=False,
    ),
    Theme(
        "Aktywnych Kobiet",
        ("9", "13"),
        "Wspiera kobiety w powrocie na rynek pracy i w działaniach na rzecz społeczności lokalnej.",
        foundation=False,
    ),
    Theme(
        "Rodziców Dzieci z Autyzmem",
        ("7", "31"),
        "Zrzesza rodziców dzieci w spektrum autyzmu: terapia, grupy wsparcia, poradnictwo.",
        foundation=False,
    ),
    Theme(
        "Amazonek",
        ("6",),
        "Wspiera kobiety po leczeniu raka piersi: rehabilitacja, profilaktyka, grupy wsparcia.",
        foundation=False,
    ),
    Theme(
        "Promocji Zdrowia",
        ("6",),
        "Prowadzi kampanie profilaktyczne, badania przesiewowe i zajęcia o zdrowym stylu życia.",
    ),
    Theme(
        "Turystyki Rowerowej",
        ("19", "17"),
        "Organizuje rajdy rowerowe, wyznacza i opisuje lokalne szlaki.",
        foundation=False,
    ),
    Theme(
        "Pomocy Osobom Bezdomnym",
        ("1", "3"),
        "Prowadzi punkt wydawania posiłków i odzieży oraz pomaga w wyjściu z bezdomności.",
    ),
    Theme(
        "Przeciwdziałania Uzależnieniom",
        ("32", "6"),
        "Prowadzi profilaktykę w szkołach i punkt konsultacyjny dla osób uzależnionych i ich rodzin.",
    ),
    Theme(
        "Inicjatyw Społecznych",
        ("13",),
        "Wspiera oddolne inicjatywy mieszkańców, festyny sąsiedzkie i lokalne projekty.",
    ),
    Theme(
        "Rozwoju Wolontariatu",
        ("27",),
        "Rekrutuje i szkoli wolontariuszy, łączy ich z organizacjami i instytucjami.",
    ),
    Theme(
        "Edukacji Obywatelskiej",
        ("22", "14"),
        "Prowadzi zajęcia o samorządzie i prawach obywatelskich, debaty i młodzieżowe rady.",
    ),
    Theme(
        "Współpracy Europejskiej",
        ("26", "14"),
        "Organizuje wymiany młodzieży i projekty z partnerami z innych krajów Unii Europejskiej.",
    ),
    Theme(
        "Ochrony Dziedzictwa Kulturowego",
        ("16", "4"),
        "Dokumentuje historię miejscowości, opiekuje się zabytkami i miejscami pamięci.",
    ),
    Theme(
        "Rewitalizacji Starego Miasta",
        ("32a", "13"),
        "Działa na rzecz ożywienia centrum miasta: kamienice, podwórka, lokalne usługi.",
        foundation=False,
    ),
    Theme(
        "Nowoczesnej Edukacji",
        ("14", "12"),
        "Prowadzi pracownie robotyki i programowania dla dzieci i młodzieży.",
        association=False,
    ),
    Theme(
        "Integracji Cudzoziemców",
        ("5a", "2"),
        "Uczy języka polskiego, pomaga cudzoziemcom w sprawach urzędowych i w szukaniu pracy.",
    ),
    Theme(
        "Nieodpłatnej Pomocy Prawnej",
        ("1b",),
        "Udziela bezpłatnych porad prawnych i prowadzi edukację prawną mieszkańców.",
        association=False,
    ),
    Theme(
        "Aktywizacji Zawodowej",
        ("8", "2"),
        "Prowadzi doradztwo zawodowe, kursy i staże dla osób bezrobotnych.",
    ),
    Theme(
        "Miłośników Fotografii",
        ("16",),
        "Organizuje plenery fotograficzne, wystawy i konkursy dla amatorów.",
        foundation=False,
    ),
    Theme(
        "Rodzin Wielodzietnych",
        ("31",),
        "Zrzesza rodziny wielodzietne, prowadzi wymianę ubrań i wspólny wypoczynek.",
        foundation=False,
    ),
    Theme(
        "Osób Chorych na Cukrzycę",
        ("6",),
        "Prowadzi edukację diabetologiczną, pomiary i spotkania dla osób z cukrzycą.",
        foundation=False,
    ),
    Theme(
        "Bezpieczeństwa i Ratownictwa",
        ("23", "20"),
        "Prowadzi kursy pierwszej pomocy i zabezpiecza medycznie imprezy.",
    ),
    Theme(
        "Praw Konsumenta",
        ("25",),
        "Doradza konsumentom w sporach z przedsiębiorcami i prowadzi edukację konsumencką.",
        foundation=False,
    ),
    Theme(
        "Pamięci Narodowej",
        ("4", "29"),
        "Opiekuje się miejscami pamięci, organizuje obchody rocznic i spotkania ze świadkami historii.",
    ),
    Theme(
        "Rozwoju Sportu Dzieci i Młodzieży",
        ("17", "15"),
        "Prowadzi zajęcia sportowe, obozy i zawody dla dzieci i młodzieży.",
    ),
]

MOTTOS = [
    "Promyk",
    "Tęcza",
    "Nadzieja",
    "Razem",
    "Horyzont",
    "Most",
    "Przystań",
    "Otwarte Drzwi",
    "Bez Barier",
    "Uśmiech",
    "Kotwica",
    "Źródło",
    "Jutrzenka",
    "Pod Wiatr",
    "Krok Dalej",
    "Nowa Droga",
    "Wspólny Dom",
    "Zielony Zakątek",
    "Dobre Serce",
    "Kompas",
    "Iskierka",
    "Pełnia",
    "Sąsiedzi",
    "Wiatrak",
]

SPORT_NAMES = [
    "Orlik",
    "Olimp",
    "Sokół",
    "Jedynka",
    "Dwójka",
    "Iskra",
    "Orzeł",
    "Tytan",
    "Grom",
    "Sparta",
    "Delfin",
    "Start",
    "Znicz",
    "Victoria",
    "Kometa",
    "Hetman",
]

REENACTMENT_NAMES = ["Reduta", "Garnizon", "Strzelec", "Legion", "Husaria", "Bastion", "Chorągiew"]

# Adjective disciplines: "Kaliski Klub Szachowy", "Klub Pływacki „Delfin”".
DISCIPLINES = [
    "Szachowy",
    "Pływacki",
    "Kolarski",
    "Lekkoatletyczny",
    "Bokserski",
    "Siatkarski",
    "Taneczny",
    "Tenisowy",
    "Biegowy",
    "Jeździecki",
    "Karate",
]

SECOND_SENTENCES = [
    "Działa {area}.",
    "Działa {area} i zaprasza wolontariuszy.",
    "Realizuje projekty finansowane z budżetu samorządu i ze środków zewnętrznych.",
    "Członkowie i członkinie działają społecznie.",
    "Współpracuje ze szkołami, parafiami i instytucjami kultury {area}.",
    "Organizuje coroczny festyn dla mieszkańców.",
]

SUSPENSION_REASONS = [
    "Organizacja od ponad roku nie odpowiada na korespondencję – wpis zawieszony do czasu aktualizacji danych.",
    "Zarząd zgłosił zawieszenie działalności do końca roku.",
    "Nieaktualne dane kontaktowe i skład zarządu – prosimy o ich aktualizację.",
]


@dataclass
class GeneratedName:
    name: str
    short_name: str
    areas: list[str]
    description: str
    place: Place | None = None  # the district an OSP, KGW or village club belongs to


def _describe(rng: random.Random, centre: DemoArea, first: str) -> str:
    return f"{first} {rng.choice(SECOND_SENTENCES).format(area=centre.area_phrase)}"


def _areas(rng: random.Random, codes: tuple[str, ...]) -> list[str]:
    """1–3 areas: the theme's own, sometimes with volunteering or local communities added."""
    areas = list(codes)
    if len(areas) < 3 and rng.random() < 0.25:
        extra = rng.choice(["13", "27", "15", "33"])
        if extra not in areas:
            areas.append(extra)
    return areas[:3]


def association_name(rng: random.Random, centre: DemoArea) -> GeneratedName:
    theme = rng.choice([t for t in THEMES if t.association])
    neuter = centre.adjective[0]
    motto = rng.choice(MOTTOS)
    pattern = rng.randrange(5)
    short = ""
    if pattern == 0:
        name = f"{neuter} Stowarzyszenie {theme.phrase}"
    elif pattern == 1:
        name, short = f"Stowarzyszenie {theme.phrase} „{motto}”", f"„{motto}”"
    elif pattern == 2:
        name = f"Stowarzyszenie {theme.phrase} {centre.locative}"
    elif pattern == 3:
        name = f"{neuter} Towarzystwo {theme.phrase}"
    else:
        name = f"Stowarzyszenie {theme.phrase} {centre.land}"
    return GeneratedName(name, short, _areas(rng, theme.areas), _describe(rng, centre, theme.description))


def foundation_name(rng: random.Random, centre: DemoArea) -> GeneratedName:
    theme = rng.choice([t for t in THEMES if t.foundation])
    motto = rng.choice(MOTTOS)
    pattern = rng.randrange(4)
    short = ""
    if pattern == 0:
        name, short = f"Fundacja {theme.phrase} „{motto}”", f"Fundacja „{motto}”"
    elif pattern == 1:
        name = f"{centre.adjective[1]} Fundacja {theme.phrase}"
    elif pattern == 2:
        name = f"Fundacja {theme.phrase} {centre.land}"
    else:
        name, short = f"Fundacja „{motto}”", ""
    return GeneratedName(name, short, _areas(rng, theme.areas), _describe(rng, centre, theme.description))


def parents_association_name(rng: random.Random, centre: DemoArea) -> GeneratedName:
    number = rng.randint(1, 24)
    return GeneratedName(
        f"Stowarzyszenie Rodziców i Przyjaciół Szkoły Podstawowej nr {number} {centre.locative}",
        "",
        ["14", "15"],
        _describe(
            rng,
            centre,
            "Wspiera szkołę: finansuje wycieczki, konkursy i wyposażenie pracowni, organizuje festyny rodzinne.",
        ),
    )


def sports_club_name(rng: random.Random, centre: DemoArea) -> GeneratedName:
    sport = rng.choice(SPORT_NAMES)
    discipline = rng.choice(DISCIPLINES)
    pattern = rng.randrange(3)
    if pattern == 0:
        name, short = f"{centre.adjective[2]} Klub {discipline}", ""
    elif pattern == 1:
        name, short = f"Klub {discipline} „{sport}” {centre.city}", f"„{sport}”"
    else:
        name, short = f"Klub Sportowy „{sport}” {centre.city}", f"KS „{sport}”"
    return GeneratedName(
        name,
        short,
        ["17", "15"],
        _describe(
            rng, centre, "Prowadzi treningi dla dzieci, młodzieży i dorosłych oraz startuje w zawodach."
        ),
    )


def village_sports_club_name(rng: random.Random, centre: DemoArea, place: Place) -> GeneratedName:
    sport = rng.choice(SPORT_NAMES)
    return GeneratedName(
        f"Ludowy Klub Sportowy „{sport}” {place.name}",
        f"LKS „{sport}”",
        ["17"],
        f"Prowadzi drużynę piłkarską i zajęcia sportowe dla mieszkańców; gra na boisku {place.locative}.",
        place,
    )


def school_sports_club_name(rng: random.Random, centre: DemoArea) -> GeneratedName:
    sport = rng.choice(SPORT_NAMES)
    if rng.random() < 0.5:
        name = f"Uczniowski Klub Sportowy „{sport}” {centre.city}"
    else:
        name = (
            f"Uczniowski Klub Sportowy „{sport}” przy Szkole Podstawowej nr {rng.randint(1, 24)} "
            f"{centre.locative}"
        )
    return GeneratedName(
        name,
        f"UKS „{sport}”",
        ["17", "15"],
        _describe(rng, centre, "Prowadzi pozalekcyjne zajęcia sportowe dla uczniów i obozy szkoleniowe."),
    )


def ordinary_association_name(rng: random.Random, centre: DemoArea) -> GeneratedName:
    motto = rng.choice(MOTTOS)
    pattern = rng.randrange(4)
    if pattern == 0:
        place = rng.choice(centre.districts)
        return GeneratedName(
            f"Stowarzyszenie Zwykłe Mieszkańców {place.unit}",
            "",
            ["13"],
            "Mieszkańcy dbają o swoją okolicę: sprzątanie, zieleń, spotkania sąsiedzkie.",
            place,
        )
    if pattern == 1:
        return GeneratedName(
            f"Klub Seniora „{motto}”",
            "",
            ["10"],
            _describe(rng, centre, "Spotkania, wycieczki i zajęcia dla seniorów."),
        )
    if pattern == 2:
        return GeneratedName(
            f"Grupa Rekonstrukcji Historycznej „{rng.choice(REENACTMENT_NAMES)}”",
            "",
            ["4", "16"],
            _describe(rng, centre, "Odtwarza wydarzenia historyczne i prowadzi lekcje historii żywej."),
        )
    return GeneratedName(
        f"Stowarzyszenie Zwykłe „{motto}”",
        "",
        ["13", "27"],
        _describe(rng, centre, "Grupa mieszkańców realizująca małe projekty sąsiedzkie."),
    )


def fire_brigade_name(rng: random.Random, centre: DemoArea, place: Place) -> GeneratedName:
    return GeneratedName(
        f"Ochotnicza Straż Pożarna {place.locative}",
        f"OSP {place.name}",
        ["23", "20"],
        "Uczestniczy w akcjach ratowniczych, prowadzi młodzieżową drużynę pożarniczą i pokazy dla szkół.",
        place,
    )


def rural_womens_circle_name(rng: random.Random, centre: DemoArea, place: Place) -> GeneratedName:
    return GeneratedName(
        f"Koło Gospodyń Wiejskich {place.locative}",
        f"KGW {place.name}",
        ["4", "13", "9"][: rng.randint(2, 3)],
        "Kultywuje lokalne tradycje kulinarne i rękodzielnicze, organizuje warsztaty i festyny.",
        place,
    )


def social_cooperative_name(rng: random.Random, centre: DemoArea) -> GeneratedName:
    motto = rng.choice(MOTTOS)
    return GeneratedName(
        f"Spółdzielnia Socjalna „{motto}”",
        "",
        ["2", "8"],
        "Zatrudnia osoby zagrożone wykluczeniem społecznym: usługi porządkowe, catering i ogrodnicze.",
    )


def landmark_names(centre: DemoArea) -> list[tuple[GeneratedName, str]]:
    """One-off organisations every city has: (name, legal form)."""
    names = [
        (
            GeneratedName(
                f"Stowarzyszenie Przyjaciół {centre.genitive}",
                "",
                ["13", "16"],
                f"Promuje miasto, jego historię i kulturę; wydaje przewodniki i organizuje spacery {centre.area_phrase}.",
            ),
            "stowarzyszenie",
        ),
        (
            GeneratedName(
                f"Fundacja Rozwoju {centre.land}",
                "",
                ["13", "11"],
                f"Wspiera rozwój lokalny {centre.area_phrase}: granty dla grup nieformalnych i szkolenia.",
            ),
            "fundacja",
        ),
        (
            GeneratedName(
                f"Towarzystwo Miłośników {centre.genitive}",
                "",
                ["4", "16"],
                "Zbiera pamiątki i relacje mieszkańców, wydaje rocznik historyczny.",
            ),
            "stowarzyszenie",
        ),
        (
            GeneratedName(
                f"Federacja Organizacji Pozarządowych {centre.land}",
                "",
                ["33", "13"],
                "Związek stowarzyszeń: reprezentuje organizacje wobec samorządu i wspiera je szkoleniami.",
            ),
            "zwiazek_stowarzyszen",
        ),
    ]
    if not any("Uniwersytet" in known[0] for known in centre.known_organisations):
        names.append(
            (
                GeneratedName(
                    f"Stowarzyszenie {centre.adjective[2]} Uniwersytet Trzeciego Wieku",
                    "",
                    ["10", "14"],
                    "Wykłady, lektoraty, zajęcia ruchowe i wycieczki dla seniorów.",
                ),
                "stowarzyszenie",
            )
        )
    return names
