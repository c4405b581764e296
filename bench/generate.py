"""National-scale data for the benchmarks: ~150 000 organisations in ~2 500 centres.

    CENTRUM_DATABASE_URL=postgres://… uv run python bench/generate.py [--organisations 150000]
        [--centres 2500] [--seed 2026] [--batch 5000]

Sizes are skewed the way Poland is: a few large cities with 5–10 thousand organisations (Warszawa,
Kraków, Wrocław, Łódź, Poznań, …), a long tail of small gminas with a few dozen or a handful. Names carry
Polish diacritics (so the directory's diacritics-insensitive search has work to do), identifiers are valid
(NIP, REGON from centrum/organisations/tests/factories.py; KRS unique 10 digits), the search and sort
columns are filled as the services fill them. Everything comes from one seeded random generator: the same
seed gives the same data. Rows go in with bulk_create in batches, inside one transaction per batch.

The benchmark centres have fixed slugs: `bench-warszawa` (the largest) and `bench-mala` (a small gmina).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402

from centrum.core.models import Centre, CentreHost  # noqa: E402
from centrum.core.scopes import platform_scope  # noqa: E402
from centrum.core.text import fold  # noqa: E402
from centrum.organisations.choices import LegalForm, OrganisationStatus, RegistryKind  # noqa: E402
from centrum.organisations.models import ActivityArea, District, Organisation  # noqa: E402
from centrum.organisations.services import organisation_prepare_search  # noqa: E402
from centrum.organisations.tests.factories import random_nip as factories_random_nip  # noqa: E402
from centrum.organisations.tests.factories import random_regon  # noqa: E402


def _fallback_nip(rng: random.Random) -> str:
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    while True:
        base = [rng.randint(0, 9) for _ in range(9)]
        check = sum(d * w for d, w in zip(base, weights, strict=True)) % 11
        if base[0] and check != 10:
            return "".join(map(str, base)) + str(check)


def _nip_generator():
    """The factories' generator; if it is broken (it has called a function python-stdnum does not
    have), a local one with the same checksum, so the benchmark still runs. Reported, not hidden."""
    try:
        factories_random_nip(random.Random(0))
        return factories_random_nip
    except Exception as exc:  # noqa: BLE001
        print(
            f"warning: centrum/organisations/tests/factories.py random_nip fails ({exc!r}); using a local NIP generator"
        )
        return _fallback_nip


random_nip = _nip_generator()

LARGE_CITIES = [
    ("warszawa", "Warszawa", "mazowieckie", 10_000),
    ("krakow", "Kraków", "małopolskie", 8_000),
    ("wroclaw", "Wrocław", "dolnośląskie", 7_000),
    ("lodz", "Łódź", "łódzkie", 6_500),
    ("poznan", "Poznań", "wielkopolskie", 6_000),
    ("gdansk", "Gdańsk", "pomorskie", 5_500),
    ("szczecin", "Szczecin", "zachodniopomorskie", 5_000),
    ("lublin", "Lublin", "lubelskie", 5_000),
]
SMALL_CENTRE_SIZE = 40  # `bench-mala`: the small centre the large one is compared with

VOIVODESHIPS = [
    "dolnośląskie", "kujawsko-pomorskie", "lubelskie", "lubuskie", "łódzkie", "małopolskie", "mazowieckie",
    "opolskie", "podkarpackie", "podlaskie", "pomorskie", "śląskie", "świętokrzyskie",
    "warmińsko-mazurskie", "wielkopolskie", "zachodniopomorskie",
]  # fmt: skip
PLACE_STEMS = [
    "Gąsk", "Żółkiew", "Łęczn", "Brzeź", "Dąbrow", "Wólk", "Źródł", "Ślęż", "Kęt", "Łomian", "Zielon",
    "Górk", "Sośnic", "Grodzisk", "Jabłon", "Modliń", "Przemęt", "Różan", "Świerczyn", "Niepołomic",
    "Bełchat", "Chęcin", "Mszczonów", "Pieńsk", "Krośniewic", "Łańcut", "Nowogród", "Stęszew",
]  # fmt: skip
PLACE_ENDINGS = ["ów", "owo", "ice", "no", "ka", "y", "in", "ec", "owice", "ia"]

NAME_HEADS = {
    LegalForm.ASSOCIATION: ["Stowarzyszenie", "Towarzystwo", "Stowarzyszenie Przyjaciół", "Związek"],
    LegalForm.ORDINARY_ASSOCIATION: ["Stowarzyszenie Zwykłe", "Inicjatywa"],
    LegalForm.FOUNDATION: ["Fundacja", "Fundacja na Rzecz", "Fundacja Pomocy"],
    LegalForm.VOLUNTEER_FIRE_BRIGADE: ["Ochotnicza Straż Pożarna w"],
    LegalForm.SPORTS_CLUB: ["Uczniowski Klub Sportowy", "Klub Sportowy", "Ludowy Klub Sportowy"],
    LegalForm.RURAL_WOMENS_CIRCLE: ["Koło Gospodyń Wiejskich w"],
    LegalForm.SOCIAL_COOPERATIVE: ["Spółdzielnia Socjalna"],
    LegalForm.OTHER: ["Klub Seniora", "Uniwersytet Trzeciego Wieku"],
}
FORM_WEIGHTS = {
    LegalForm.ASSOCIATION: 46,
    LegalForm.ORDINARY_ASSOCIATION: 8,
    LegalForm.FOUNDATION: 22,
    LegalForm.VOLUNTEER_FIRE_BRIGADE: 7,
    LegalForm.SPORTS_CLUB: 10,
    LegalForm.RURAL_WOMENS_CIRCLE: 4,
    LegalForm.SOCIAL_COOPERATIVE: 1,
    LegalForm.OTHER: 2,
}
THEMES = [
    "Dzieci i Młodzieży", "Rozwoju Wsi", "Żółwia Błotnego", "Kultury Łemkowskiej", "Zdrowia Psychicznego",
    "Seniorów", "Osób z Niepełnosprawnościami", "Ochrony Zwierząt", "Edukacji Ekologicznej",
    "Historii Regionu", "Sportu Amatorskiego", "Muzyki Dawnej", "Pomocy Sąsiedzkiej", "Łąk i Mokradeł",
    "Przedsiębiorczości Społecznej", "Teatru Ulicznego", "Bezpieczeństwa na Drogach", "Żeglarstwa",
    "Dziedzictwa Śląskiego", "Książki i Czytelnictwa", "Rowerzystów", "Aktywności Obywatelskiej",
    "Integracji Cudzoziemców", "Turystyki Górskiej", "Pszczelarzy", "Szachistów", "Wędkarzy",
]  # fmt: skip
ADJECTIVES = ["Ogólnopolskie", "Regionalne", "Lokalne", "Miejskie", "Gminne", "Społeczne", "Zielone", ""]
STATUS_WEIGHTS = {
    OrganisationStatus.ACTIVE: 84,
    OrganisationStatus.SUSPENDED: 4,
    OrganisationStatus.PENDING: 5,
    OrganisationStatus.REJECTED: 2,
    OrganisationStatus.REMOVED: 5,
}


def centre_sizes(total: int, centres: int, rng: random.Random) -> list[int]:
    """Large cities first (fixed sizes), the small centre, then a long tail (Pareto) summing to `total`."""
    fixed = [size for *_x, size in LARGE_CITIES] + [SMALL_CENTRE_SIZE]
    rest_total = total - sum(fixed)
    rest_count = centres - len(fixed)
    if rest_total < rest_count or rest_count < 1:
        raise SystemExit(f"{total} organisations are too few for {centres} centres with the large cities")
    weights = [min(rng.paretovariate(1.3), 60.0) for _ in range(rest_count)]
    scale = (rest_total - rest_count) / sum(weights)
    sizes = [1 + int(w * scale) for w in weights]
    # Hand out the rounding remainder so the total is exact.
    for i in range(rest_total - sum(sizes)):
        sizes[i % rest_count] += 1
    return fixed + sizes


def place_name(rng: random.Random) -> str:
    return rng.choice(PLACE_STEMS) + rng.choice(PLACE_ENDINGS)


def organisation_name(rng: random.Random, form: str, city: str, n: int) -> str:
    head = rng.choice(NAME_HEADS[form])
    if head.endswith(" w"):
        return f"{head} {city} nr {n}" if rng.random() < 0.3 else f"{head} {city}"
    adjective = rng.choice(ADJECTIVES)
    theme = rng.choice(THEMES)
    name = " ".join(x for x in (head, adjective, theme) if x)
    if rng.random() < 0.5:
        name += f" „{city}”"
    return name if rng.random() < 0.7 else f"{name} {n}"


def krs_numbers():
    n = 1
    while True:
        yield f"{n:010d}"
        n += 1


@platform_scope("benchmark data for all centres")
def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--organisations", type=int, default=150_000)
    parser.add_argument("--centres", type=int, default=2_500)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch", type=int, default=5_000)
    args = parser.parse_args(argv)

    if Centre.objects.filter(slug="bench-warszawa").exists():  # its own centres, not rooms.py's
        print("bench data already present: nothing to do (drop the database to regenerate)")
        return

    rng = random.Random(args.seed)
    started = time.monotonic()
    sizes = centre_sizes(args.organisations, args.centres, rng)
    areas = list(ActivityArea.objects.values_list("id", flat=True))
    if not areas:
        raise SystemExit("no activity areas: run `manage.py migrate` first")

    # Centres and their hosts.
    specs = [(slug, city, voiv) for slug, city, voiv, _size in LARGE_CITIES] + [
        ("mala", "Mała Wieś", "łódzkie")
    ]
    used = {s for s, *_ in specs}
    while len(specs) < len(sizes):
        city = place_name(rng)
        slug = fold(city).replace(" ", "-")
        candidate, k = slug, 2
        while candidate in used:
            candidate, k = f"{slug}-{k}", k + 1
        used.add(candidate)
        specs.append((candidate, city, rng.choice(VOIVODESHIPS)))
    centres = [
        Centre(
            slug=f"bench-{slug}",
            name=f"Centrum Organizacji Pozarządowych – {city}",
            municipality=city,
            city=city,
            voivodeship=voiv,
            street="ul. Rynek 1",
            postal_code=f"{rng.randint(0, 99):02d}-{rng.randint(0, 999):03d}",
        )
        for slug, city, voiv in specs
    ]
    with transaction.atomic():
        Centre.objects.bulk_create(centres, batch_size=args.batch)
        slugs = [c.slug for c in centres]
        centres = list(Centre.objects.filter(slug__in=slugs).order_by("id"))
        CentreHost.objects.bulk_create(
            [CentreHost(centre=c, host=f"{c.slug}.localhost", is_primary=True) for c in centres],
            batch_size=args.batch,
        )
    by_slug = {c.slug: c for c in centres}
    centres = [by_slug[f"bench-{slug}"] for slug, *_ in specs]

    # Districts for the large cities (the directory filters by them).
    districts: dict[int, list[int]] = {}
    with transaction.atomic():
        rows = [
            District(centre=c, name=f"{place_name(rng)} {i}")
            for c in centres[: len(LARGE_CITIES)]
            for i in range(12)
        ]
        District.objects.bulk_create(rows, batch_size=args.batch)
    for centre_id, district_id in District.objects.filter(centre__in=centres).values_list("centre_id", "id"):
        districts.setdefault(centre_id, []).append(district_id)

    forms = list(FORM_WEIGHTS)
    form_weights = list(FORM_WEIGHTS.values())
    statuses = list(STATUS_WEIGHTS)
    status_weights = list(STATUS_WEIGHTS.values())
    krs = krs_numbers()
    through = Organisation.areas.through
    created = 0
    pending: list[tuple[Organisation, list[int]]] = []

    def flush() -> None:
        nonlocal created
        if not pending:
            return
        with transaction.atomic():
            orgs = Organisation.objects.bulk_create([o for o, _a in pending], batch_size=args.batch)
            links = [
                through(organisation_id=org.pk, activityarea_id=area)
                for org, (_o, org_areas) in zip(orgs, pending, strict=True)
                for area in org_areas
            ]
            through.objects.bulk_create(links, batch_size=args.batch * 2)
        created += len(pending)
        pending.clear()
        print(f"  {created:>7} organisations ({time.monotonic() - started:.0f} s)", flush=True)

    for centre, size in zip(centres, sizes, strict=True):
        seen_nip: set[str] = set()
        seen_regon: set[str] = set()
        for n in range(1, size + 1):
            form = rng.choices(forms, form_weights)[0]
            in_city = rng.random() < 0.8
            city = centre.city if in_city else place_name(rng)
            name = organisation_name(rng, form, centre.city, n)
            registry = RegistryKind.ARIMR if form == LegalForm.RURAL_WOMENS_CIRCLE else RegistryKind.KRS_S
            number = next(krs) if registry == RegistryKind.KRS_S else ""
            nip = random_nip(rng)
            while nip in seen_nip:
                nip = random_nip(rng)
            seen_nip.add(nip)
            regon = random_regon(rng)
            while regon in seen_regon:
                regon = random_regon(rng)
            seen_regon.add(regon)
            short = "".join(w[0] for w in name.split() if w[:1].isupper())[:10] if rng.random() < 0.3 else ""
            org = Organisation(
                centre=centre,
                name=name,
                short_name=short,
                legal_form=form,
                registry_kind=registry,
                registry_number=number,
                krs=number,
                nip=nip,
                regon=regon,
                is_opp=rng.random() < 0.08,
                city=city,
                postal_code=centre.postal_code,
                street=f"ul. {place_name(rng)}ska {rng.randint(1, 150)}",
                district_id=rng.choice(districts[centre.pk]) if centre.pk in districts else None,
                email=f"biuro{n}@{centre.slug}.example.org",
                status=rng.choices(statuses, status_weights)[0],
                description="",
            )
            organisation_prepare_search(org)  # search and sort columns, as every write path fills them
            pending.append((org, rng.sample(areas, rng.randint(1, 3))))
            if len(pending) >= args.batch:
                flush()
    flush()

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"generated {len(centres)} centres, {created} organisations in {time.monotonic() - started:.0f} s "
        f"(largest {max(sizes)}, median {sorted(sizes)[len(sizes) // 2]}, smallest {min(sizes)})"
    )


if __name__ == "__main__":
    with platform_scope("benchmark data for every centre"):
        main()
