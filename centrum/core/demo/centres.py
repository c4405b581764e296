"""The five demo centres: the public facts of each seed page (the local vocabulary the demo organisations
are named from lives with them, in `centrum.organisations.demo.areas`).

Contact details are kept only where the seed gives them for the institution; numbers and addresses of
the people the seeds name are left out on purpose.
"""

from dataclasses import dataclass

from centrum.core.models import LocalGovernmentKind


@dataclass(frozen=True)
class DemoCentre:
    slug: str
    host: str
    name: str
    short_name: str
    municipality: str
    government_name: str
    voivodeship: str
    street: str
    postal_code: str
    city: str
    description: str
    opening_hours: list[dict]
    services: list[dict]
    figures: dict
    government_kind: str = LocalGovernmentKind.GMINA
    phone: str = ""
    email: str = ""
    website: str = ""
    population: int | None = None
    # What the seed says about the building, for the accessibility statement.
    building: str = ""


def _weekdays(opens: str, closes: str, days=range(5)) -> list[dict]:
    return [{"weekday": day, "opens": opens, "closes": closes} for day in days]


# Services that a module's page provides, by title: their `kind` is a key a module registered with
# `registry.register_service_kind` (the home page links them; the others say how to ask the centre).
SERVICE_KIND_OF = {
    "Sale i baza techniczna": "rooms",
    "Konferencje i spotkania": "rooms",
    "Sale na warsztaty i spotkania": "rooms",
    "Infrastruktura urzędu": "rooms",
    "Sale i sprzęt": "rooms",
    "Baza techniczna": "equipment",
    "Wsparcie nowych organizacji": "founding",
    "Pomoc w tworzeniu organizacji": "founding",
    "Wspólna wizytówka": "registry",
    "Promocja działań organizacji": "registry",
    "Promocja organizacji": "registry",
    "Doradztwo księgowe": "advice",
    "Porady i doradztwo specjalistyczne": "advice",
    "Doradztwo formalno-prawne": "advice",
    "Księgowość i radca prawny": "advice",
    "Opiekun organizacji": "advice",
    "Porady": "advice",
    "Szkolenia": "trainings",
    "Szkolenia z pozyskiwania funduszy": "trainings",
    "Szkolenia, warsztaty i seminaria": "trainings",
    "Szkolenia i warsztaty": "trainings",
    "Integracja organizacji": "trainings",
    "Adres dla organizacji": "address",
    "Adres do korespondencji": "address",
    "Adres rejestrowy": "address",
}


def _service(title: str, description: str) -> dict:
    kind = SERVICE_KIND_OF.get(title)
    return {"title": title, "description": description, **({"kind": kind} if kind else {})}


def _figure(
    label: str, value, *, year: int | None = None, unit: str = "", qualifier: str = "", decimals: int = 0
) -> dict:
    """One figure of "Centrum w liczbach": a list entry, so the order survives PostgreSQL's jsonb.

    `value` is an int, or a string for exact decimals (money) with `decimals` places.
    """
    entry = {"label": label, "value": value}
    if decimals:
        entry["decimals"] = decimals
    if year:
        entry["year"] = year
    if unit:
        entry["unit"] = unit
    if qualifier:
        entry["qualifier"] = qualifier
    return entry


ZORY = DemoCentre(
    slug="zory",
    building=(
        "Centrum mieści się w budynku dawnej szkoły przy os. Sikorskiego 52, wyremontowanym na jego potrzeby: "
        "naprawiono dach, odnowiono łazienki i przystosowano pomieszczenia do pracy biurowej. W budynku mają "
        "siedziby organizacje pozarządowe."
    ),
    host="zory.localhost",
    name="Żorskie Centrum Organizacji Pozarządowych",
    short_name="Żorskie COP",
    municipality="Miasto Żory",
    government_name="Urząd Miasta Żory",
    voivodeship="śląskie",
    street="os. Sikorskiego 52",
    postal_code="44-240",
    city="Żory",
    phone="32 435 51 11",
    email="biuro@cop.zory.pl",
    website="http://www.cop.zory.pl",
    population=60938,
    description=(
        "Centrum powołała Rada Miasta Żory 1 maja 2007 r. z inicjatywy Stowarzyszenia Inicjatyw Lokalnych "
        "„Progress”, działającego na rzecz osób niepełnosprawnych. Mieści się w wyremontowanym budynku "
        "dawnej szkoły, w którym swoje siedziby mają Uniwersytet III Wieku, Stowarzyszenie Artystyczne "
        "Żorskie Plenery, Klub Abstynentów „STER” i Stowarzyszenie Inicjatyw Lokalnych Progress. "
        "Wspieramy organizacje szkoleniami, doradztwem, bezpłatnym udostępnianiem sal i sprzętu oraz "
        "stałym biurem z zapleczem administracyjno-doradczym."
    ),
    opening_hours=_weekdays("08:00", "16:00"),
    services=[
        _service("Szkolenia", "Szkolenia dla członków i wolontariuszy organizacji pozarządowych z Żor."),
        _service(
            "Doradztwo księgowe",
            "Informacja oraz usługi doradczo-konsultacyjne w zakresie księgowości organizacji.",
        ),
        _service(
            "Pomoc w rozliczaniu dotacji",
            "Wsparcie przy rozliczaniu przyznanych dotacji i przygotowaniu sprawozdań.",
        ),
        _service(
            "Wnioski o środki zewnętrzne",
            "Pomoc w przygotowaniu dokumentacji potrzebnej do ubiegania się o środki pozabudżetowe na projekty.",
        ),
        _service(
            "Sale i baza techniczna",
            "Bezpłatne udostępnianie pomieszczeń i sprzętu na działania statutowe organizacji.",
        ),
        _service(
            "Stałe biuro dla organizacji",
            "Siedziba w budynku Centrum z zapleczem administracyjno-doradczym dla organizacji.",
        ),
        _service(
            "Konferencje i spotkania",
            "Organizacja konferencji oraz spotkań na potrzeby organizacji pozarządowych.",
        ),
        _service(
            "Centrum Wolontariatu",
            "Baza wolontariuszy i koordynowanie współpracy z organizacjami, które ich szukają.",
        ),
    ],
    figures={
        "entries": [
            _figure("Mieszkańcy Żor", 60938, year=2011),
            _figure("Organizacji zrzeszonych w Centrum", 50, year=2011, qualifier="ponad"),
            _figure(
                "Osób zatrudnionych na starcie: kierownik, dwóch ekspertów, pracownik biurowy", 4, year=2007
            ),
        ],
    },
)

CZESTOCHOWA = DemoCentre(
    slug="czestochowa",
    building=(
        "Centrum zajmuje lokal 46 w budynku przy ul. Focha 19/21; redakcja portalu pracuje w pokojach 29 i 46. "
        "Organizacje korzystają z sali konferencyjnej Centrum na spotkania i działania statutowe."
    ),
    host="czestochowa.localhost",
    name="Częstochowskie Centrum Organizacji Pozarządowych",
    short_name="CCOP",
    municipality="Miasto Częstochowa",
    government_name="Urząd Miasta Częstochowy, Wydział Polityki Społecznej",
    voivodeship="śląskie",
    street="ul. Focha 19/21 lokal 46",
    postal_code="42-217",
    city="Częstochowa",
    phone="+48 34 3707 480",
    email="redakcjapps@czestochowa.um.gov.pl",
    website="http://www.ngo.czestochowa.pl",
    description=(
        "Częstochowskie Centrum Organizacji Pozarządowych wspiera podmioty ekonomii społecznej: "
        "stowarzyszenia, fundacje, kluby sportowe, ochotnicze straże pożarne i spółdzielnie socjalne. "
        "Udostępnia sale, komputer, ksero i telefon na działania statutowe oraz adres ul. Focha 19/21 "
        "lokal 46 jako adres organizacji. Z usług Centrum korzystają organizacje prowadzące działalność "
        "pożytku publicznego z siedzibą w Częstochowie lub działające na rzecz jej mieszkańców."
    ),
    opening_hours=_weekdays("07:30", "17:00"),
    services=[
        _service(
            "Adres dla organizacji",
            "Udostępnianie na podstawie porozumienia adresu, pod którym organizacja prowadzi działalność statutową.",
        ),
        _service(
            "Szkolenia i doradztwo",
            "Profesjonalizacja częstochowskich organizacji przez szkolenia i doradztwo.",
        ),
        _service(
            "Źródła finansowania",
            "Informacja o potencjalnych źródłach finansowania i zasadach udzielania dotacji.",
        ),
        _service(
            "Szkolenia z pozyskiwania funduszy",
            "Szkolenia z pozyskiwania funduszy zewnętrznych.",
        ),
        _service(
            "Promocja programów",
            "Promowanie programów, w których można uzyskać środki ze źródeł zewnętrznych.",
        ),
        _service(
            "Wsparcie nowych organizacji",
            "Pomoc dla powstających organizacji pozarządowych.",
        ),
        _service(
            "Wspólna wizytówka",
            "Wspólna wizerunkowa wizytówka częstochowskich organizacji pozarządowych.",
        ),
        _service(
            "Adres e-mail dla organizacji",
            "Możliwość otrzymania adresu e-mail na serwerze ngo.czestochowa.pl.",
        ),
        _service(
            "Wolontariat",
            "Promowanie idei wolontariatu, w tym wolontariatu zagranicznego.",
        ),
        _service("Promocja działań organizacji", "Promowanie działań częstochowskich organizacji."),
    ],
    figures={
        "entries": [
            _figure("Organizacji zarejestrowanych w Częstochowie", 700, year=2014, qualifier="ponad"),
            _figure("Organizacji pożytku publicznego", 66, year=2014),
            _figure("Spółdzielni socjalnych", 7, year=2014),
            _figure("Ofert złożonych w konkursach", 469, year=2014),
            _figure("Ofert w trybie małych zleceń", 107, year=2014),
            _figure("Wniosków o inicjatywę lokalną", 37, year=2014),
            _figure("Umów w ramach konkursów", 453, year=2014),
            _figure("Umów w ramach małych zleceń", 49, year=2014),
            _figure("Umów na inicjatywy lokalne", 22, year=2014),
            _figure(
                "Środków z budżetu miasta na zadania publiczne",
                "29619073.24",
                year=2014,
                unit="zł",
                decimals=2,
            ),
            _figure("Udział w wydatkach budżetu miasta", "2.77", year=2014, unit="%", decimals=2),
            _figure("Konsultacji społecznych", 8, year=2014),
            _figure("Wspólnych zespołów doradczo-opiniujących", 7, year=2014),
        ],
    },
)

MYSLOWICE = DemoCentre(
    slug="myslowice",
    building=(
        "Ośrodek udostępnia pomieszczenia na warsztaty, konferencje i spotkania od poniedziałku do soboty. "
        "Adres siedziby w danych demonstracyjnych jest przykładowy."
    ),
    host="myslowice.localhost",
    name="Ośrodek wsparcia dla organizacji pozarządowych „POMYSłowice”",
    short_name="POMYSłowice",
    municipality="Miasto Mysłowice",
    government_name="Urząd Miasta Mysłowice",
    voivodeship="śląskie",
    # The seed does not give the centre's address: this one is an example, and says so.
    street="ul. Krakowska 4 (adres przykładowy)",
    postal_code="41-400",
    city="Mysłowice",
    website="http://www.cismyslowice.pl",
    description=(
        "Ośrodek prowadzi Stowarzyszenie CIS Mysłowice w partnerstwie z Urzędem Miasta Mysłowice. "
        "Tworzy warunki rozwoju inicjatyw społecznych: szkolenia, porady i doradztwo specjalistyczne, "
        "indywidualny opiekun dla organizacji, sale na warsztaty i spotkania od poniedziałku do soboty, "
        "sprzęt komputerowy, Internet i adres do korespondencji. Prowadzi Lokalną Platformę Wiedzy "
        "i centrum wolontariatu. Adres siedziby w danych demonstracyjnych jest przykładowy."
    ),
    opening_hours=_weekdays("09:00", "18:00") + _weekdays("09:00", "14:00", days=[5]),
    services=[
        _service(
            "Szkolenia",
            "Szkolenia z pozyskiwania funduszy, zarządzania organizacją i tworzenia partnerstw.",
        ),
        _service(
            "Porady i doradztwo specjalistyczne",
            "Porady pierwszego kontaktu i doradztwo specjalistyczne w poniedziałki od 11:00 do 17:00.",
        ),
        _service("Opiekun organizacji", "Indywidualny opiekun przydzielany organizacji."),
        _service(
            "Małe partnerstwa",
            "Wypracowanie strategii rozwoju organizacji w ramach „Małych partnerstw”.",
        ),
        _service(
            "Sale na warsztaty i spotkania",
            "Pomieszczenia na warsztaty, konferencje i spotkania od poniedziałku do soboty.",
        ),
        _service("Baza techniczna", "Sprzęt komputerowy, Internet i bazy wiedzy."),
        _service("Adres do korespondencji", "Możliwość otrzymania adresu do korespondencji."),
        _service(
            "Lokalna Platforma Wiedzy",
            "Kalendarz imprez lokalnych, baza społeczników i liderów, dobre praktyki, wyniki badań, "
            "informacje o szkoleniach i konkursach oraz wiedza o pozyskiwaniu funduszy.",
        ),
        _service(
            "Centrum wolontariatu",
            "Łączenie osób chcących pomagać z organizacjami, które przyjmą wolontariuszy; spotkania w szkołach.",
        ),
    ],
    figures={
        "entries": [
            _figure("Osób objętych wsparciem", 40, year=2011),
            _figure("Organizacji objętych wsparciem", 16, year=2011),
            _figure("Szkoleń w projekcie", 3, year=2011),
            _figure("Osób zatrudnionych w Ośrodku", 5, year=2011),
            _figure(
                "Dofinansowanie z Funduszu Inicjatyw Obywatelskich",
                "39435.00",
                year=2011,
                unit="zł",
                decimals=2,
            ),
            _figure("Wartość projektu „POMYSłowice”", "43925.00", year=2011, unit="zł", decimals=2),
        ],
    },
)

MIECHOW = DemoCentre(
    slug="miechow",
    building=(
        "Centrum mieści się w pokoju 215 na II piętrze Urzędu Gminy i Miasta w Miechowie, ul. Racławicka 12. "
        "Sale konferencyjne urzędu są wyposażone w rzutnik, laptop i flipchart."
    ),
    host="miechow.localhost",
    name="Centrum Organizacji Pozarządowych w Miechowie",
    short_name="COP Miechów",
    municipality="Gmina i Miasto Miechów",
    government_name="Urząd Gminy i Miasta w Miechowie",
    voivodeship="małopolskie",
    street="ul. Racławicka 12, pokój 215 (II piętro)",
    postal_code="32-200",
    city="Miechów",
    website="http://www.miechow.eu",
    description=(
        "Centrum działa od 16 marca 2015 r. w Urzędzie Gminy i Miasta w Miechowie, w ramach projektu "
        "„Model Współpracy – Współpraca na medal”. Wspiera organizacje z terenu gminy Miechów: doradztwo "
        "formalno-prawne, pomoc przy ofertach i sprawozdaniach, bezpłatna obsługa księgowa i prawna, "
        "sale konferencyjne z rzutnikiem, laptopem i flipchartem, szkolenia i integracja organizacji."
    ),
    opening_hours=_weekdays("07:30", "15:30"),
    services=[
        _service(
            "Doradztwo formalno-prawne",
            "Doradztwo z zakresu podstaw formalno-prawnych funkcjonowania organizacji.",
        ),
        _service(
            "Oferty i sprawozdania",
            "Doradztwo w przygotowaniu ofert realizacji zadania publicznego i sprawozdań z wykonanych zadań.",
        ),
        _service(
            "Infrastruktura urzędu",
            "Nieodpłatne korzystanie z telefonu, faksu, kopiarki, drukarki, skanera i sal konferencyjnych "
            "z rzutnikiem, laptopem i flipchartem na działania statutowe.",
        ),
        _service(
            "Bieżąca informacja",
            "Informowanie o sprawach istotnych dla działalności organizacji: prawo, konkursy, wydarzenia.",
        ),
        _service(
            "Księgowość i radca prawny",
            "Bezpłatne usługi specjalistyczne: obsługa księgowa i porady radcy prawnego.",
        ),
        _service(
            "Pozyskiwanie funduszy i promocja",
            "Wsparcie marketingowe projektów, pomoc przy materiałach promocyjnych, strona internetowa "
            "i tablice ogłoszeniowe urzędu.",
        ),
        _service(
            "Szkolenia, warsztaty i seminaria",
            "Podnoszenie kwalifikacji osób działających w organizacjach.",
        ),
        _service("Integracja organizacji", "Spotkania organizacji i Święto Organizacji Pozarządowych."),
    ],
    # The seed gives no figures for Miechów; the home page then leaves the section out.
    figures={},
)

KALISZ = DemoCentre(
    slug="kalisz",
    building=(
        "Centrum przy ul. Babina 1 ma salę wykładową na 30 osób, dwie sale warsztatowe, przestrzeń, którą "
        "można dostosować do wydarzeń, oraz zaplecze socjalne."
    ),
    host="kalisz.localhost",
    name="Centrum Organizacji Pozarządowych w Kaliszu",
    short_name="COP Kalisz",
    municipality="Miasto Kalisz",
    government_name="Urząd Miasta Kalisza, Wydział Spraw Społecznych i Mieszkaniowych",
    voivodeship="wielkopolskie",
    street="ul. Babina 1",
    postal_code="62-800",
    city="Kalisz",
    phone="797 702 486",
    email="cop@um.kalisz.pl",
    description=(
        "Centrum przy ul. Babina 1 działa w strukturze Urzędu Miasta Kalisza. Kaliskie organizacje mogą tu "
        "realizować swoje działania i skorzystać ze wsparcia technicznego, merytorycznego i informacyjnego: "
        "sala wykładowa na 30 osób, dwie sale warsztatowe, sprzęt multimedialny i biurowy, adres rejestrowy "
        "dla nowych organizacji, szkolenia oraz porady prawne, księgowe i organizacyjne. Z sal korzystają "
        "też Kaliska Rada Działalności Pożytku Publicznego i Kaliska Rada Seniorów."
    ),
    opening_hours=_weekdays("08:00", "18:00"),
    services=[
        _service(
            "Sale i sprzęt",
            "Sala wykładowa na 30 osób, dwie sale warsztatowe i sprzęt multimedialny na działania statutowe.",
        ),
        _service(
            "Adres rejestrowy",
            "Udostępnianie adresu rejestrowego nowo powstającym organizacjom.",
        ),
        _service(
            "Pomoc w tworzeniu organizacji",
            "Wsparcie dla osób, które zakładają stowarzyszenie lub fundację.",
        ),
        _service(
            "Finansowanie",
            "Pomoc w pozyskiwaniu finansowania ze źródeł wewnętrznych i zewnętrznych.",
        ),
        _service(
            "Szkolenia i warsztaty",
            "Program tworzony z organizacjami na podstawie zgłaszanych potrzeb.",
        ),
        _service("Porady", "Porady prawne, księgowe i organizacyjne."),
        _service("Promocja organizacji", "Promowanie lokalnych organizacji i ich działań."),
        _service(
            "Rady i konsultacje",
            "Miejsce posiedzeń Kaliskiej Rady Działalności Pożytku Publicznego i Kaliskiej Rady Seniorów "
            "oraz konsultacji społecznych.",
        ),
    ],
    figures={
        "entries": [
            _figure("Miejsc w sali wykładowej", 30),
            _figure("Sal warsztatowych", 2),
        ],
    },
)

DEMO_CENTRES: list[DemoCentre] = [ZORY, CZESTOCHOWA, MYSLOWICE, MIECHOW, KALISZ]
DEMO_SLUGS = [centre.slug for centre in DEMO_CENTRES]


def demo_centre(slug: str) -> DemoCentre:
    """The seed facts of the demo centre `slug` (KeyError for any other centre)."""
    return {centre.slug: centre for centre in DEMO_CENTRES}[slug]
