"""About two hundred organisations per demo centre, with valid identifiers and addresses in the city.

`generate_organisations` is pure (same rng, same list); `seed_organisations` validates every row with
`full_clean()` and writes the missing ones in bulk.
"""

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from centrum.core.demo.centres import DEMO_SLUGS
from centrum.core.models import Centre
from centrum.core.text import fold
from centrum.core.versions import bump_data_version

from ..choices import LegalForm, OrganisationStatus, RegistryKind
from ..models import ActivityArea, District, Organisation
from ..services import organisation_prepare_search
from . import names
from .areas import DemoArea, Place

ORGANISATIONS_PER_CENTRE = 200
PENDING_PER_CENTRE = 5
SUSPENDED_PER_CENTRE = 3
OPP_SHARE_OF_KRS_S = 0.16
# Real KRS numbers are below 0001200000 today; demo ones start at 0009000000 so they never name a real entity.
KRS_BASE = 9_000_000
KRS_RANGE_PER_CENTRE = 100_000

# kind -> (weight, legal form, registry)
KINDS: dict[str, tuple[int, str, str]] = {
    "association": (34, LegalForm.ASSOCIATION, RegistryKind.KRS_S),
    "foundation": (20, LegalForm.FOUNDATION, RegistryKind.KRS_S),
    "parents": (4, LegalForm.ASSOCIATION, RegistryKind.KRS_S),
    "sports_club": (9, LegalForm.SPORTS_CLUB, RegistryKind.KRS_S),
    "school_sports_club": (7, LegalForm.SPORTS_CLUB, RegistryKind.STAROSTA),
    "village_sports_club": (4, LegalForm.SPORTS_CLUB, RegistryKind.KRS_S),
    "ordinary_association": (8, LegalForm.ORDINARY_ASSOCIATION, RegistryKind.STAROSTA),
    "fire_brigade": (6, LegalForm.VOLUNTEER_FIRE_BRIGADE, RegistryKind.KRS_S),
    "rural_womens_circle": (6, LegalForm.RURAL_WOMENS_CIRCLE, RegistryKind.ARIMR),
    "social_cooperative": (3, LegalForm.SOCIAL_COOPERATIVE, RegistryKind.KRS_P),
}
_LANDMARK_REGISTRY = {
    LegalForm.ASSOCIATION: RegistryKind.KRS_S,
    LegalForm.FOUNDATION: RegistryKind.KRS_S,
    LegalForm.ASSOCIATION_UNION: RegistryKind.KRS_S,
}
# The kinds that need a district of their own (one fire brigade, circle or village club per place).
_PLACE_KINDS = {"fire_brigade", "rural_womens_circle", "village_sports_club"}


@dataclass
class OrganisationSpec:
    name: str
    short_name: str
    legal_form: str
    registry_kind: str
    areas: list[str]
    description: str
    district: str
    street: str
    postal_code: str
    city: str
    nip: str
    regon: str
    krs: str = ""
    registry_number: str = ""
    correspondence_address: str = ""
    is_opp: bool = False
    email: str = ""
    phone: str = ""
    website: str = ""
    registered_on: datetime.date | None = None
    status: str = OrganisationStatus.ACTIVE
    status_reason: str = ""
    known: bool = False  # named in the seed: never pending, suspended or OPP by invention


# --- identifiers ------------------------------------------------------------------------------------

_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
_REGON_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)


def demo_nip(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        check = sum(d * w for d, w in zip(digits, _NIP_WEIGHTS, strict=True)) % 11
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def demo_regon(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _ in range(8)]
    check = sum(d * w for d, w in zip(digits, _REGON_WEIGHTS, strict=True)) % 11 % 10
    return "".join(map(str, digits)) + str(check)


def krs_numbers(centre_index: int, count: int, rng: random.Random) -> list[str]:
    start = KRS_BASE + centre_index * KRS_RANGE_PER_CENTRE
    return [str(n).zfill(10) for n in rng.sample(range(start, start + KRS_RANGE_PER_CENTRE), count)]


# --- contact details that cannot reach anyone ---------------------------------------------------------


def _acronym(name: str) -> str:
    words = [w for w in fold(name).replace("„", " ").replace("”", " ").split() if w.isalpha()]
    letters = "".join(w[0] for w in words if len(w) > 2)
    return letters or "org"


def _fictional_phone(rng: random.Random) -> str:
    # No Polish number starts with 0 after the country code, so these never ring anyone.
    return f"+48 000 {rng.randint(100, 999)} {rng.randint(100, 999)}"


# --- generation --------------------------------------------------------------------------------------


def _address(rng: random.Random, centre: DemoArea, place: Place) -> tuple[str, str, str]:
    """(street, postal code, city) in the centre's area: a village number or a city street."""
    if place.village:
        return f"{place.name} {rng.randint(1, 180)}", centre.postal_codes[0], place.name
    street = rng.choice(centre.streets)
    number = str(rng.randint(1, 120))
    if rng.random() < 0.3:
        number += f"/{rng.randint(1, 40)}"
    return f"{street} {number}", rng.choice(centre.postal_codes), centre.city


def _pick_kind(rng: random.Random, free_places: dict[str, list[Place]]) -> str:
    kinds = [k for k in KINDS if k not in _PLACE_KINDS or free_places[k]]
    return rng.choices(kinds, weights=[KINDS[k][0] for k in kinds])[0]


def _generated_name(rng: random.Random, centre: DemoArea, kind: str, free_places) -> names.GeneratedName:
    if kind in _PLACE_KINDS:
        place = free_places[kind].pop(rng.randrange(len(free_places[kind])))
        builder = {
            "fire_brigade": names.fire_brigade_name,
            "rural_womens_circle": names.rural_womens_circle_name,
            "village_sports_club": names.village_sports_club_name,
        }[kind]
        return builder(rng, centre, place)
    builder = {
        "association": names.association_name,
        "foundation": names.foundation_name,
        "parents": names.parents_association_name,
        "sports_club": names.sports_club_name,
        "school_sports_club": names.school_sports_club_name,
        "ordinary_association": names.ordinary_association_name,
        "social_cooperative": names.social_cooperative_name,
    }[kind]
    return builder(rng, centre)


def _registered_on(rng: random.Random, kind: str) -> datetime.date:
    # KGW registers at ARiMR since the 2018 act; everyone else any time since 1990.
    first = datetime.date(2019, 1, 1) if kind == "rural_womens_circle" else datetime.date(1990, 1, 1)
    last = datetime.date(2024, 12, 31)
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def generate_organisations(centre: DemoArea, rng: random.Random) -> list[OrganisationSpec]:
    """The centre's demo organisations, the same list for the same rng state."""
    centre_index = DEMO_SLUGS.index(centre.slug)
    krs_pool = krs_numbers(centre_index, ORGANISATIONS_PER_CENTRE + 20, rng)
    free_places = {kind: [p for p in centre.districts if p.locative] for kind in _PLACE_KINDS}
    city_places = [p for p in centre.districts if not p.village] or centre.districts
    used_names: set[str] = set()
    used_ids: set[str] = set()
    used_emails: set[str] = set()
    ordinary_numbers = iter(rng.sample(range(1, 400), 150))
    specs: list[OrganisationSpec] = []

    def unique(make) -> str:
        while True:
            value = make(rng)
            if value not in used_ids:
                used_ids.add(value)
                return value

    def add(generated: names.GeneratedName, kind_or_form: str, *, known=False, registry=None, form=None):
        if kind_or_form in KINDS:
            _, form, registry = KINDS[kind_or_form]
        # Names that say "w Miechowie" are in the town; others may sit in a village of the gmina.
        anywhere = centre.locative not in generated.name and rng.random() < 0.25
        place = generated.place or rng.choice(centre.districts if anywhere else city_places)
        street, postal_code, city = _address(rng, centre, place)
        spec = OrganisationSpec(
            name=generated.name,
            short_name=generated.short_name,
            legal_form=form,
            registry_kind=registry,
            areas=generated.areas,
            description=generated.description,
            district=place.name,
            street=street,
            postal_code=postal_code,
            city=city,
            nip=unique(demo_nip),
            regon=unique(demo_regon),
            registered_on=_registered_on(rng, kind_or_form),
            known=known,
        )
        if registry in (RegistryKind.KRS_S, RegistryKind.KRS_P):
            spec.krs = spec.registry_number = krs_pool.pop()
        elif registry == RegistryKind.STAROSTA:
            spec.registry_number = str(next(ordinary_numbers))
        if centre.lends_address and not known and rng.random() < 0.04:
            centre_address = f"{centre.street}, {centre.postal_code} {centre.city}"
            if centre.slug == "myslowice":  # Mysłowice lends a correspondence address only
                spec.correspondence_address = f"{centre.name}\n{centre_address}"
            else:
                spec.street, spec.postal_code, spec.city = centre.street, centre.postal_code, centre.city
        acronym = _acronym(spec.name)
        handle, suffix = acronym, 1
        while handle in used_emails:
            suffix += 1
            handle = f"{acronym}{suffix}"
        used_emails.add(handle)
        spec.email = f"biuro.{handle}@{centre.slug}.example.org"
        if rng.random() < 0.6:
            spec.phone = _fictional_phone(rng)
        if rng.random() < 0.3:
            spec.website = f"https://{handle}.{centre.slug}.example.org"
        if known:
            spec.street, spec.postal_code, spec.city = centre.street, centre.postal_code, centre.city
        used_names.add(spec.name)
        specs.append(spec)

    for name, form, areas, description in centre.known_organisations:
        add(
            names.GeneratedName(name, "", list(areas), description, city_places[0]),
            form,
            known=True,
            form=form,
            registry=_LANDMARK_REGISTRY[form],
        )
    for generated, form in names.landmark_names(centre):
        if generated.name not in used_names:
            add(generated, form, form=form, registry=_LANDMARK_REGISTRY[form])

    attempts = 0
    while len(specs) < ORGANISATIONS_PER_CENTRE and attempts < 10_000:
        attempts += 1
        kind = _pick_kind(rng, free_places)
        generated = _generated_name(rng, centre, kind, free_places)
        if generated.name in used_names:
            if generated.place is not None and kind in _PLACE_KINDS:
                free_places[kind].append(generated.place)
            continue
        add(generated, kind)

    for spec in specs:
        if spec.registry_kind == RegistryKind.KRS_S and not spec.known:
            spec.is_opp = rng.random() < OPP_SHARE_OF_KRS_S

    generated_only = [s for s in specs if not s.known]
    chosen = rng.sample(generated_only, PENDING_PER_CENTRE + SUSPENDED_PER_CENTRE)
    for spec in chosen[:PENDING_PER_CENTRE]:
        spec.status, spec.is_opp = OrganisationStatus.PENDING, False
        spec.registered_on = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randint(0, 240))
    for index, spec in enumerate(chosen[PENDING_PER_CENTRE:]):
        spec.status = OrganisationStatus.SUSPENDED
        spec.status_reason = names.SUSPENSION_REASONS[index % len(names.SUSPENSION_REASONS)]
    return specs


# --- persistence -------------------------------------------------------------------------------------

_RELATIONS = ["centre", "district", "verified_by", "submitted_by"]


def seed_districts(centre: Centre, spec: DemoArea) -> dict[str, District]:
    existing = {d.name: d for d in District.objects.filter(centre=centre)}
    missing = []
    for place in spec.districts:
        if place.name not in existing:
            district = District(centre=centre, name=place.name)
            district.full_clean()
            missing.append(district)
    District.objects.bulk_create(missing)
    return {d.name: d for d in District.objects.filter(centre=centre)}


def seed_organisations(
    centre: Centre,
    items: list[OrganisationSpec],
    *,
    districts: dict[str, District],
    verified_by,
    submitted_by,
) -> list[Organisation]:
    """Create the organisations of `items` that `centre` does not have yet; return the ones created."""
    areas = {a.code: a for a in ActivityArea.objects.all()}
    taken = {"name": set(), "krs": set(), "nip": set(), "regon": set()}
    for row in Organisation.objects.filter(centre=centre).values("name", "krs", "nip", "regon"):
        for key, value in row.items():
            if value:
                taken[key].add(value)
    now = timezone.now()
    new: list[tuple[Organisation, list[str]]] = []
    first_pending = True
    for item in items:
        if item.name in taken["name"] or any(
            getattr(item, key) and getattr(item, key) in taken[key] for key in ("krs", "nip", "regon")
        ):
            continue
        org = Organisation(
            centre=centre,
            name=item.name,
            short_name=item.short_name,
            legal_form=item.legal_form,
            registry_kind=item.registry_kind,
            registry_number=item.registry_number,
            krs=item.krs,
            nip=item.nip,
            regon=item.regon,
            is_opp=item.is_opp,
            description=item.description,
            street=item.street,
            postal_code=item.postal_code,
            city=item.city,
            correspondence_address=item.correspondence_address,
            district=districts.get(item.district),
            website=item.website,
            email=item.email,
            phone=item.phone,
            registered_on=item.registered_on,
            status=item.status,
            status_changed_at=now,
            status_reason=item.status_reason,
        )
        if item.status == OrganisationStatus.PENDING:
            if first_pending and submitted_by is not None:
                org.submitted_by = submitted_by
                first_pending = False
        else:
            org.verified_at, org.verified_by = now, verified_by
        organisation_prepare_search(org)
        # Every field is validated. Uniqueness is settled above against `taken` (as the services do,
        # the database constraints back it up), and the related rows are instances just loaded, so
        # neither needs a query per organisation.
        org.full_clean(exclude=_RELATIONS, validate_unique=False, validate_constraints=False)
        for key in taken:
            taken[key].add(getattr(org, key))
        new.append((org, item.areas))
    created = Organisation.objects.bulk_create([org for org, _ in new])
    for centre_id in {org.centre_id for org in created}:
        bump_data_version(centre_id)  # bulk_create sends no signal
    through = Organisation.areas.through
    through.objects.bulk_create(
        [
            through(organisation_id=org.pk, activityarea_id=areas[code].pk)
            for org, (_, codes) in zip(created, new, strict=True)
            for code in codes
        ]
    )
    return created


def membership_organisation_names(items: list[OrganisationSpec]) -> list[str]:
    """Three active generated associations or foundations, for the demo members to act for."""
    return [
        item.name
        for item in items
        if not item.known
        and item.status == OrganisationStatus.ACTIVE
        and item.legal_form in (LegalForm.ASSOCIATION, LegalForm.FOUNDATION)
    ][:3]
