"""Builds the demo: core creates the five seed centres, then runs every registered demo seeder.

Apps register seeders in their `features.py` with `register_demo_seeder(DemoSeeder(...))`; `manage.py
seed_demo` is the way in (its docstring explains the contract a seeder keeps).
"""

import random
import time
import traceback
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import ProtectedError

from centrum.core.centre_settings import REGISTRY
from centrum.core.models import Centre, CentreHost, CentreSetting

from .centres import DEMO_CENTRES, DEMO_SLUGS, DemoCentre

# The per-centre setting that holds the building's description for the accessibility statement.
ACCESSIBILITY_BUILDING_SETTING = "accessibility_building"


@dataclass(frozen=True)
class DemoSeeder:
    """One app's part of the demo.

    `seed(*, centre, rng)` fills one demo centre (`per_centre`), or `seed()` runs once for the platform
    before any centre. It must be idempotent and may return a short summary ("organisations: 200").
    Seeders run after the ones named in `after`, otherwise in registration (INSTALLED_APPS) order.
    `rng` is a `random.Random` seeded with `rng_seed` (default: the seeder's name) and the centre's slug,
    so a seeder's data stays the same whatever the others draw. `wipe(slugs)` runs on `--reset` after
    the demo centres (and everything they own) are deleted: it removes what the seeder made outside them.
    """

    name: str
    seed: Callable[..., str | None]
    after: tuple[str, ...] = ()
    per_centre: bool = True
    wipe: Callable[[list[str]], None] | None = None
    rng_seed: str = ""


DEMO_SEEDERS: dict[str, DemoSeeder] = {}


def register_demo_seeder(seeder: DemoSeeder) -> DemoSeeder:
    DEMO_SEEDERS[seeder.name] = seeder
    return seeder


def ordered_seeders(seeders: list[DemoSeeder] | None = None) -> list[DemoSeeder]:
    """Seeders in registration order, each after those it names in `after` (unknown names are ignored)."""
    pending = list(DEMO_SEEDERS.values() if seeders is None else seeders)
    names = {s.name for s in pending}
    done: list[DemoSeeder] = []
    placed: set[str] = set()
    while pending:
        ready = next((s for s in pending if all(a in placed or a not in names for a in s.after)), None)
        if ready is None:
            raise ValueError(f"Demo seeders depend on each other in a cycle: {[s.name for s in pending]}")
        pending.remove(ready)
        done.append(ready)
        placed.add(ready.name)
    return done


@dataclass
class CentreReport:
    slug: str
    host: str
    created: bool
    summaries: list[str] = field(default_factory=list)
    seeders: list[str] = field(default_factory=list)
    failed_seeders: list[str] = field(default_factory=list)


def centre_rng(slug: str, label: str = "core") -> random.Random:
    """A generator seeded by the centre and the seeder, so each one's data stays the same run after run
    whatever the others draw."""
    return random.Random(f"centrum-demo:{label}:{slug}")


def delete_demo_rows(queryset, centre_ids: set[int], depth: int = 0) -> None:
    """Delete `queryset` with its cascade. Rows that block it through PROTECT (a booking of an
    organisation, say) are deleted first when they belong to a demo centre; anything else stops here."""
    try:
        queryset.delete()
        return
    except ProtectedError as exc:
        if depth > 10:
            raise
        blocking: dict[type, list[int]] = {}
        for obj in exc.protected_objects:
            if getattr(obj, "centre_id", None) not in centre_ids:
                raise
            blocking.setdefault(type(obj), []).append(obj.pk)
    for model, pks in blocking.items():
        delete_demo_rows(model._base_manager.filter(pk__in=pks), centre_ids, depth + 1)
    delete_demo_rows(queryset, centre_ids, depth + 1)


def demo_centre_ids() -> set[int]:
    return set(Centre.objects.filter(slug__in=DEMO_SLUGS).values_list("pk", flat=True))


def wipe_demo() -> None:
    """Remove the demo centres (with everything they own), then what the seeders made outside them."""
    centres = Centre.objects.filter(slug__in=DEMO_SLUGS)
    delete_demo_rows(centres, set(centres.values_list("pk", flat=True)))
    for seeder in reversed(ordered_seeders()):
        if seeder.wipe is not None:
            seeder.wipe(DEMO_SLUGS)


def _ensure_centre(spec: DemoCentre) -> tuple[Centre, bool]:
    centre = Centre.objects.filter(slug=spec.slug).first()
    created = centre is None
    if created:
        centre = Centre(
            slug=spec.slug,
            name=spec.name,
            short_name=spec.short_name,
            municipality=spec.municipality,
            government_kind=spec.government_kind,
            government_name=spec.government_name,
            voivodeship=spec.voivodeship,
            street=spec.street,
            postal_code=spec.postal_code,
            city=spec.city,
            email=spec.email,
            phone=spec.phone,
            website=spec.website,
            description=spec.description,
            opening_hours=spec.opening_hours,
            services=spec.services,
            figures=spec.figures,
            population=spec.population,
        )
        centre.full_clean()
        centre.save()
    if not CentreHost.objects.filter(host=spec.host).exists():
        host = CentreHost(centre=centre, host=spec.host, is_primary=True)
        host.full_clean()
        host.save()
    if (
        spec.building
        and not CentreSetting.objects.filter(centre=centre, key=ACCESSIBILITY_BUILDING_SETTING).exists()
    ):
        definition = REGISTRY.get(ACCESSIBILITY_BUILDING_SETTING)
        value = definition.to_json(definition.clean(spec.building)) if definition else spec.building
        setting = CentreSetting(centre=centre, key=ACCESSIBILITY_BUILDING_SETTING, value=value)
        setting.full_clean()
        setting.save()
    return centre, created


def _run(seeder: DemoSeeder, report: CentreReport | None, on_error: Callable[[str], None], **kwargs) -> None:
    """One seeder in its own savepoint: a failure is reported and the others go on."""
    try:
        with transaction.atomic():
            summary = seeder.seed(**kwargs)
    except Exception:
        where = f" for {report.slug}" if report else ""
        on_error(f"demo seeder {seeder.name} failed{where}:\n{traceback.format_exc()}")
        if report:
            report.failed_seeders.append(seeder.name)
        return
    if report:
        report.seeders.append(seeder.name)
        if summary:
            report.summaries.append(summary)


def seed_centre(
    spec: DemoCentre, seeders: list[DemoSeeder], *, on_error: Callable[[str], None]
) -> CentreReport:
    centre, created = _ensure_centre(spec)
    report = CentreReport(slug=spec.slug, host=spec.host, created=created)
    for seeder in seeders:
        _run(
            seeder, report, on_error, centre=centre, rng=centre_rng(spec.slug, seeder.rng_seed or seeder.name)
        )
    return report


def seed_demo(
    *, reset: bool = False, on_error: Callable[[str], None] = print, slugs: Collection[str] | None = None
) -> tuple[list, float]:
    """Create whatever of the demo is missing (everything, after `reset`); ([CentreReport], seconds).
    `slugs` seeds only those demo centres (a test that walks two of them)."""
    started = time.monotonic()
    seeders = ordered_seeders()
    with transaction.atomic():
        if reset:
            wipe_demo()
        for seeder in seeders:
            if not seeder.per_centre:
                _run(seeder, None, on_error)
        per_centre = [s for s in seeders if s.per_centre]
        reports = [
            seed_centre(spec, per_centre, on_error=on_error)
            for spec in DEMO_CENTRES
            if slugs is None or spec.slug in slugs
        ]
    return reports, time.monotonic() - started
