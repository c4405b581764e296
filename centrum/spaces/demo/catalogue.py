"""What the seed centres really have (from their pages in ../shared/seeds/): rooms with their hours and rules,
office equipment, the offices let to resident organisations, and the purposes demo bookings are made for."""

from ..choices import BookingPolicy, EquipmentKind

WEEKDAYS = range(5)
MON_SAT = range(6)

# name, capacity, features, location, weekdays, opens, closes, policy, description
ROOMS = {
    "kalisz": [
        (
            "Sala wykładowa",
            30,
            ["projector", "screen", "sound", "wheelchair", "wifi"],
            "parter",
            WEEKDAYS,
            8,
            20,
            BookingPolicy.ORGANISATIONS,
            "Sala na 30 osób z rzutnikiem i nagłośnieniem – szkolenia, spotkania, konsultacje społeczne.",
        ),
        (
            "Sala warsztatowa nr 1",
            15,
            ["flipchart", "whiteboard", "wheelchair", "wifi"],
            "parter",
            WEEKDAYS,
            8,
            20,
            BookingPolicy.ORGANISATIONS,
            "Stoły do pracy w grupach, flipchart.",
        ),
        (
            "Sala warsztatowa nr 2",
            12,
            ["flipchart", "kitchen", "wifi"],
            "I piętro",
            WEEKDAYS,
            8,
            20,
            BookingPolicy.ORGANISATIONS,
            "Kameralna sala z dostępem do aneksu kuchennego.",
        ),
    ],
    "miechow": [
        (
            "Sala konferencyjna – Urząd Gminy i Miasta",
            40,
            ["projector", "screen", "sound", "wheelchair"],
            "parter urzędu",
            WEEKDAYS,
            8,
            16,
            BookingPolicy.ORGANISATIONS,
            "Sala konferencyjna z wyposażeniem (rzutnik, laptop, flipchart).",
        ),
        (
            "Mała sala konferencyjna",
            14,
            ["flipchart", "whiteboard"],
            "I piętro urzędu",
            WEEKDAYS,
            8,
            16,
            BookingPolicy.ORGANISATIONS,
            "Spotkania zarządów i małych grup.",
        ),
    ],
    "czestochowa": [
        (
            "Sala konferencyjna CCOP",
            25,
            ["projector", "screen", "wifi"],
            "ul. Focha 19/21, lokal 46",
            WEEKDAYS,
            8,
            18,
            BookingPolicy.ORGANISATIONS,
            "Sala na spotkania i działania statutowe organizacji.",
        ),
    ],
    "myslowice": [
        (
            "Sala szkoleniowa",
            24,
            ["projector", "computers", "wifi"],
            "parter",
            MON_SAT,
            9,
            19,
            BookingPolicy.ORGANISATIONS,
            "Warsztaty, konferencje i spotkania – od poniedziałku do soboty.",
        ),
        (
            "Sala spotkań",
            12,
            ["flipchart", "kitchen", "wifi"],
            "parter",
            MON_SAT,
            9,
            19,
            BookingPolicy.ORGANISATIONS,
            "Mniejsze spotkania i dyżury organizacji.",
        ),
    ],
    "zory": [
        (
            "Sala spotkań",
            35,
            ["projector", "kitchen", "wheelchair", "wifi"],
            "parter",
            WEEKDAYS,
            8,
            20,
            BookingPolicy.ORGANISATIONS,
            "Bezpłatnie udostępniana organizacjom na spotkania i szkolenia.",
        ),
        (
            "Biuro nr 1",
            4,
            ["desk", "wifi"],
            "I piętro",
            WEEKDAYS,
            7,
            21,
            BookingPolicy.STAFF_ONLY,
            "Biuro dla organizacji rezydenta.",
        ),
        (
            "Biuro nr 2",
            4,
            ["desk", "wifi"],
            "I piętro",
            WEEKDAYS,
            7,
            21,
            BookingPolicy.STAFF_ONLY,
            "Biuro dla organizacji rezydenta.",
        ),
        (
            "Biuro nr 3",
            6,
            ["desk", "wifi"],
            "I piętro",
            WEEKDAYS,
            7,
            21,
            BookingPolicy.STAFF_ONLY,
            "Biuro dla organizacji rezydenta.",
        ),
        (
            "Biuro nr 4",
            4,
            ["desk", "wifi"],
            "I piętro",
            WEEKDAYS,
            7,
            21,
            BookingPolicy.STAFF_ONLY,
            "Biuro dla organizacji rezydenta.",
        ),
    ],
}

# name, quantity, may leave the building, storage
EQUIPMENT = {
    "kalisz": [
        ("Rzutnik multimedialny", 1, True, "sekretariat COP"),
        ("Laptop", 2, True, "sekretariat COP"),
        ("Nagłośnienie przenośne", 1, True, "magazynek"),
        ("Kserokopiarka", 1, False, "pokój biurowy"),
    ],
    "miechow": [
        ("Rzutnik multimedialny", 1, True, "sekretariat"),
        ("Laptop", 1, True, "sekretariat"),
        ("Flipchart", 2, True, "sala konferencyjna"),
        ("Kopiarka", 1, False, "sekretariat"),
        ("Skaner", 1, False, "sekretariat"),
        ("Drukarka", 1, False, "sekretariat"),
        ("Telefon", 1, False, "sekretariat"),
        ("Faks", 1, False, "sekretariat"),
    ],
    "czestochowa": [
        ("Komputer z dostępem do internetu", 2, False, "lokal 46"),
        ("Ksero", 1, False, "lokal 46"),
        ("Faks", 1, False, "lokal 46"),
        ("Telefon", 1, False, "lokal 46"),
    ],
    "myslowice": [
        ("Komputer stacjonarny", 6, False, "sala szkoleniowa"),
        ("Laptop", 2, True, "biuro ośrodka"),
        ("Rzutnik multimedialny", 1, True, "biuro ośrodka"),
    ],
    "zory": [
        ("Rzutnik multimedialny", 1, True, "biuro COP"),
        ("Ekran przenośny", 1, True, "biuro COP"),
        ("Kserokopiarka", 1, False, "biuro COP"),
    ],
}

# What each piece of office equipment is; walk-in use is counted in its kind's unit (pages or minutes).
KINDS = {
    "Kserokopiarka": EquipmentKind.COPIER,
    "Kopiarka": EquipmentKind.COPIER,
    "Ksero": EquipmentKind.COPIER,
    "Skaner": EquipmentKind.SCANNER,
    "Drukarka": EquipmentKind.PRINTER,
    "Faks": EquipmentKind.FAX,
    "Telefon": EquipmentKind.PHONE,
    "Komputer z dostępem do internetu": EquipmentKind.COMPUTER,
    "Komputer stacjonarny": EquipmentKind.COMPUTER,
}
# Centres whose staff record walk-in use (Częstochowa and Miechów list their office equipment), with
# the copier's own monthly quota per organisation (pages).
WALK_IN = {"czestochowa": ("Ksero", 200), "miechow": ("Kopiarka", 100)}
WALK_IN_PEOPLE = ["Anna Nowak", "Piotr Wiśniewski", "Katarzyna Wójcik", "Tomasz Kamiński", "Ewa Lewandowska"]

RESIDENTS = [
    ("Biuro nr 1", "Uniwersytet III"),
    ("Biuro nr 2", "Żorskie Plenery"),
    ("Biuro nr 3", "STER"),
    ("Biuro nr 4", "Inicjatyw Lokalnych Progress"),
]

PURPOSES = [
    ("Warsztaty dla wolontariuszy", "Szkolenie nowych wolontariuszy stowarzyszenia."),
    ("Zebranie zarządu", "Posiedzenie zarządu zgodnie ze statutem."),
    ("Spotkanie grupy wsparcia", "Cotygodniowe spotkanie podopiecznych."),
    ("Próba chóru", "Zajęcia artystyczne dla seniorów."),
    ("Walne zebranie członków", "Sprawozdanie roczne i wybory władz."),
    ("Kurs pierwszej pomocy", "Szkolenie mieszkańców prowadzone przez instruktorów organizacji."),
]
