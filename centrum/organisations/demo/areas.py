"""The local vocabulary of each demo centre's area, from its seed page: districts, streets, postal codes,
the forms of the town's name, and the organisations the seed names. The generated organisations are
named and placed with it (`names`, `generation`)."""

from dataclasses import dataclass, field

from centrum.core.demo.centres import DemoCentre, demo_centre


@dataclass(frozen=True)
class Place:
    """One district (dzielnica, osiedle, sołectwo) of the centre's area.

    `locative` ("w Rogoźnej") is set for the rural or formerly separate parts that have their own
    fire brigade, rural women's circle or village sports club; `unit` names the district in the
    genitive for "Stowarzyszenie Mieszkańców …".
    """

    name: str
    unit: str
    locative: str = ""
    # A village with its own name as the address ("Jaksice 45, 32-200 Miechów" style), not a city street.
    village: bool = False


@dataclass(frozen=True)
class LocalVocabulary:
    slug: str
    districts: list[Place]
    genitive: str  # Żor, Kalisza
    locative: str  # w Żorach, w Kaliszu
    adjective: tuple[str, str, str]  # neuter, feminine, masculine: Żorskie, Żorska, Żorski
    land: str  # Ziemi Żorskiej
    area_phrase: str  # na terenie Żor
    streets: list[str]
    postal_codes: list[str]
    # Organisations the seed names as active in this centre: (name, legal form, areas, description).
    known_organisations: list[tuple[str, str, list[str], str]] = field(default_factory=list)
    # Whether the centre lends its address to organisations (a few generated ones use it).
    lends_address: bool = False


@dataclass(frozen=True)
class DemoArea:
    """What naming and placing a centre's organisations needs: its seed facts and its local vocabulary."""

    centre: DemoCentre
    vocabulary: LocalVocabulary

    def __getattr__(self, name: str):
        # `area.city` is the centre's, `area.streets` the vocabulary's: the names never overlap.
        for part in ("centre", "vocabulary"):
            source = object.__getattribute__(self, part)
            if hasattr(source, name):
                return getattr(source, name)
        raise AttributeError(name)


ZORY = LocalVocabulary(
    slug="zory",
    districts=[
        Place("Śródmieście", "Dzielnicy Śródmieście"),
        Place("Zachód", "Dzielnicy Zachód"),
        Place("Baranowice", "Dzielnicy Baranowice", "w Baranowicach"),
        Place("Kleszczów", "Dzielnicy Kleszczów", "w Kleszczowie"),
        Place("Kleszczówka", "Dzielnicy Kleszczówka", "w Kleszczówce"),
        Place("Osiny", "Dzielnicy Osiny", "w Osinach"),
        Place("Rogoźna", "Dzielnicy Rogoźna", "w Rogoźnej"),
        Place("Rój", "Dzielnicy Rój", "w Roju"),
        Place("Rowień-Folwarki", "Dzielnicy Rowień-Folwarki"),
    ],
    genitive="Żor",
    locative="w Żorach",
    adjective=("Żorskie", "Żorska", "Żorski"),
    land="Ziemi Żorskiej",
    area_phrase="na terenie Żor",
    streets=[
        "os. Sikorskiego",
        "os. Pawlikowskiego",
        "os. Księcia Władysława",
        "os. Korfantego",
        "os. Powstańców Śląskich",
        "ul. Rybnicka",
        "ul. Wodzisławska",
        "ul. Katowicka",
        "ul. Szeroka",
        "ul. Dolne Przedmieście",
        "ul. Moniuszki",
        "ul. Boryńska",
        "ul. Pszczyńska",
        "ul. Kościuszki",
        "Rynek",
    ],
    postal_codes=["44-240"],
    known_organisations=[
        (
            "Uniwersytet III Wieku w Żorach",
            "stowarzyszenie",
            ["10", "14"],
            "Zajęcia, wykłady i wycieczki dla seniorów. Siedziba w budynku Żorskiego Centrum Organizacji "
            "Pozarządowych.",
        ),
        (
            "Stowarzyszenie Artystyczne Żorskie Plenery",
            "stowarzyszenie",
            ["16"],
            "Plenery malarskie, wystawy i warsztaty artystyczne. Siedziba w budynku Żorskiego Centrum "
            "Organizacji Pozarządowych.",
        ),
        (
            "Klub Abstynentów „STER”",
            "stowarzyszenie",
            ["32"],
            "Wsparcie dla osób wychodzących z uzależnienia i ich rodzin. Siedziba w budynku Żorskiego "
            "Centrum Organizacji Pozarządowych.",
        ),
        (
            "Stowarzyszenie Inicjatyw Lokalnych Progress",
            "stowarzyszenie",
            ["7", "13"],
            "Działa na rzecz osób niepełnosprawnych; z jego inicjatywy powstało Żorskie Centrum Organizacji "
            "Pozarządowych, w którego budynku ma siedzibę.",
        ),
    ],
)


CZESTOCHOWA = LocalVocabulary(
    slug="czestochowa",
    lends_address=True,
    districts=[
        Place("Śródmieście", "Dzielnicy Śródmieście"),
        Place("Stare Miasto", "Dzielnicy Stare Miasto"),
        Place("Raków", "Dzielnicy Raków"),
        Place("Tysiąclecie", "Dzielnicy Tysiąclecie"),
        Place("Północ", "Dzielnicy Północ"),
        Place("Parkitka", "Dzielnicy Parkitka"),
        Place("Wrzosowiak", "Dzielnicy Wrzosowiak"),
        Place("Kiedrzyn", "Dzielnicy Kiedrzyn", "w Kiedrzynie"),
        Place("Mirów", "Dzielnicy Mirów", "w Mirowie"),
        Place("Dźbów", "Dzielnicy Dźbów", "w Dźbowie"),
    ],
    genitive="Częstochowy",
    locative="w Częstochowie",
    adjective=("Częstochowskie", "Częstochowska", "Częstochowski"),
    land="Ziemi Częstochowskiej",
    area_phrase="na terenie Częstochowy",
    streets=[
        "al. Najświętszej Maryi Panny",
        "ul. Focha",
        "ul. Śląska",
        "ul. Kilińskiego",
        "ul. Dąbrowskiego",
        "ul. Jasnogórska",
        "ul. Warszawska",
        "ul. Krakowska",
        "ul. Pułaskiego",
        "ul. Mickiewicza",
        "al. Wolności",
        "ul. Kopernika",
        "ul. Łódzka",
        "ul. Okulickiego",
    ],
    postal_codes=["42-200", "42-202", "42-207", "42-217", "42-218", "42-221", "42-224"],
)


MYSLOWICE = LocalVocabulary(
    slug="myslowice",
    lends_address=True,
    districts=[
        Place("Śródmieście", "Dzielnicy Śródmieście"),
        Place("Piasek", "Dzielnicy Piasek"),
        Place("Bończyk-Tuwim", "Dzielnicy Bończyk-Tuwim"),
        Place("Brzęczkowice", "Dzielnicy Brzęczkowice", "w Brzęczkowicach"),
        Place("Słupna", "Dzielnicy Słupna", "w Słupnej"),
        Place("Brzezinka", "Dzielnicy Brzezinka", "w Brzezince"),
        Place("Dziećkowice", "Dzielnicy Dziećkowice", "w Dziećkowicach"),
        Place("Kosztowy", "Dzielnicy Kosztowy", "w Kosztowach"),
        Place("Larysz", "Dzielnicy Larysz", "w Laryszu"),
        Place("Wesoła", "Dzielnicy Wesoła", "w Wesołej"),
    ],
    genitive="Mysłowic",
    locative="w Mysłowicach",
    adjective=("Mysłowickie", "Mysłowicka", "Mysłowicki"),
    land="Ziemi Mysłowickiej",
    area_phrase="na terenie Mysłowic",
    streets=[
        "ul. Powstańców",
        "ul. Grunwaldzka",
        "ul. Mikołowska",
        "ul. Katowicka",
        "ul. Bytomska",
        "ul. Ziemowita",
        "ul. Krakowska",
        "ul. Oświęcimska",
        "ul. Pszczyńska",
        "ul. Starokościelna",
        "ul. Laryska",
        "Rynek",
    ],
    postal_codes=["41-400", "41-403", "41-404", "41-406", "41-407", "41-408", "41-409", "41-412"],
    known_organisations=[
        (
            "Stowarzyszenie CIS Mysłowice",
            "stowarzyszenie",
            ["2", "8", "33"],
            "Prowadzi Ośrodek wsparcia dla organizacji pozarządowych „POMYSłowice” i Lokalną Platformę "
            "Wiedzy; wzmacnia współpracę samorządu Mysłowic z organizacjami pozarządowymi.",
        ),
    ],
)


MIECHOW = LocalVocabulary(
    slug="miechow",
    districts=[
        Place("Miechów – miasto", "Miasta Miechowa"),
        Place("Bukowska Wola", "Sołectwa Bukowska Wola", "w Bukowskiej Woli", village=True),
        Place("Jaksice", "Sołectwa Jaksice", "w Jaksicach", village=True),
        Place("Kalina Wielka", "Sołectwa Kalina Wielka", "w Kalinie Wielkiej", village=True),
        Place("Komorów", "Sołectwa Komorów", "w Komorowie", village=True),
        Place("Nasiechowice", "Sołectwa Nasiechowice", "w Nasiechowicach", village=True),
        Place("Parkoszowice", "Sołectwa Parkoszowice", "w Parkoszowicach", village=True),
        Place("Pojałowice", "Sołectwa Pojałowice", "w Pojałowicach", village=True),
        Place("Siedliska", "Sołectwa Siedliska", "w Siedliskach", village=True),
        Place("Zagórowa", "Sołectwa Zagórowa", "w Zagórowej", village=True),
    ],
    genitive="Miechowa",
    locative="w Miechowie",
    adjective=("Miechowskie", "Miechowska", "Miechowski"),
    land="Ziemi Miechowskiej",
    area_phrase="na terenie gminy Miechów",
    streets=[
        "ul. Racławicka",
        "ul. Warszawska",
        "ul. Krakowska",
        "ul. Kościuszki",
        "ul. Sienkiewicza",
        "ul. Szpitalska",
        "ul. Żeromskiego",
        "ul. Słowackiego",
        "ul. Konopnickiej",
        "ul. Jagiellońska",
        "pl. Kościuszki",
    ],
    postal_codes=["32-200"],
)


KALISZ = LocalVocabulary(
    slug="kalisz",
    lends_address=True,
    districts=[
        Place("Śródmieście", "Osiedla Śródmieście"),
        Place("Asnyka", "Osiedla Asnyka"),
        Place("Chmielnik", "Osiedla Chmielnik"),
        Place("Dobrzec", "Osiedla Dobrzec"),
        Place("Majków", "Osiedla Majków"),
        Place("Rypinek", "Osiedla Rypinek"),
        Place("Widok", "Osiedla Widok"),
        Place("Tyniec", "Osiedla Tyniec"),
        Place("Szczypiorno", "Osiedla Szczypiorno", "w Szczypiornie"),
        Place("Sulisławice", "Osiedla Sulisławice", "w Sulisławicach"),
        Place("Winiary", "Osiedla Winiary", "w Winiarach"),
    ],
    genitive="Kalisza",
    locative="w Kaliszu",
    adjective=("Kaliskie", "Kaliska", "Kaliski"),
    land="Ziemi Kaliskiej",
    area_phrase="na terenie Kalisza",
    streets=[
        "ul. Babina",
        "ul. Śródmiejska",
        "ul. Górnośląska",
        "ul. Częstochowska",
        "ul. Warszawska",
        "ul. Nowy Świat",
        "ul. Kościuszki",
        "ul. Majkowska",
        "ul. Łódzka",
        "ul. Wrocławska",
        "ul. Poznańska",
        "al. Wolności",
        "ul. Serbinowska",
        "Główny Rynek",
    ],
    postal_codes=["62-800", "62-810"],
)


VOCABULARIES = {v.slug: v for v in (ZORY, CZESTOCHOWA, MYSLOWICE, MIECHOW, KALISZ)}


def demo_area(slug: str) -> DemoArea:
    return DemoArea(centre=demo_centre(slug), vocabulary=VOCABULARIES[slug])
