"""Builds the five demo centres; `manage.py seed_demo` is the way in (its docstring explains the hooks)."""

import importlib
import random
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import ProtectedError, Q

from centrum.accounts.demo import PLATFORM_ADMIN_EMAIL
from centrum.core.centre_settings import REGISTRY
from centrum.core.models import Centre, CentreHost, CentreSetting
from centrum.organisations.models import Organisation

from .centres import DEMO_CENTRES, DEMO_SLUGS, DemoCentre
from .organisations import (
    generate_organisations,
    membership_organisation_names,
    seed_districts,
    seed_organisations,
)
from .people import DemoPassword, seed_centre_people, seed_memberships, seed_platform_admin

# The per-centre setting that holds the building's description for the accessibility statement.
ACCESSIBILITY_BUILDING_SETTING = "accessibility_building"


@dataclass
class CentreReport:
    slug: str
    host: str
    created: bool
    organisations_created: int = 0
    organisations_total: int = 0
    users: int = 0
    hooks: list[str] = field(default_factory=list)
    failed_hooks: list[str] = field(default_factory=list)


def centre_rng(slug: str, label: str = "core") -> random.Random:
    """A generator seeded by the centre and the app, so each app's data stays the same run after run
    whatever the other apps draw."""
    return random.Random(f"centrum-demo:{label}:{slug}")


def app_demo_hooks() -> Iterator[tuple[str, Callable]]:
    """(app label, seed function) of every installed app with a `<app>.demo` module defining `seed`."""
    for config in apps.get_app_configs():
        if config.name == "centrum.core":
            continue
        module_name = f"{config.name}.demo"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        seed = getattr(module, "seed", None)
        if callable(seed):
            yield config.label, seed


def _delete_demo_rows(queryset, centre_ids: set[int], depth: int = 0) -> None:
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
        _delete_demo_rows(model._base_manager.filter(pk__in=pks), centre_ids, depth + 1)
    _delete_demo_rows(queryset, centre_ids, depth + 1)


def wipe_demo() -> None:
    """Remove the demo centres (with everything they own) and the demo people."""
    centres = Centre.objects.filter(slug__in=DEMO_SLUGS)
    centre_ids = set(centres.values_list("pk", flat=True))
    _delete_demo_rows(centres, centre_ids)
    people = Q(email__iexact=PLATFORM_ADMIN_EMAIL)
    for slug in DEMO_SLUGS:
        people |= Q(email__iendswith=f"@{slug}.demo")
    _delete_demo_rows(get_user_model().objects.filter(people), centre_ids)


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


def seed_centre(
    spec: DemoCentre, password: DemoPassword, *, on_hook_error: Callable[[str], None]
) -> CentreReport:
    centre, created = _ensure_centre(spec)
    report = CentreReport(slug=spec.slug, host=spec.host, created=created)
    people = seed_centre_people(centre, password)
    report.users = len(people)
    districts = seed_districts(centre, spec)
    items = generate_organisations(spec, centre_rng(spec.slug))
    report.organisations_created = len(
        seed_organisations(
            centre,
            items,
            districts=districts,
            verified_by=people["pracownik"],
            submitted_by=people["czlonek"],
        )
    )
    wanted = membership_organisation_names(items)
    by_name = {org.name: org for org in Organisation.objects.filter(centre=centre, name__in=wanted)}
    seed_memberships(centre, people, [by_name[name] for name in wanted])
    report.organisations_total = Organisation.objects.filter(centre=centre).count()

    for label, seed in app_demo_hooks():
        try:
            with transaction.atomic():
                seed(centre=centre, rng=centre_rng(spec.slug, label))
        except Exception:
            report.failed_hooks.append(label)
            on_hook_error(f"{label}.demo.seed failed for {spec.slug}:\n{traceback.format_exc()}")
        else:
            report.hooks.append(label)
    return report


def seed_demo(*, reset: bool = False, on_hook_error: Callable[[str], None] = print) -> tuple[list, float]:
    """Create whatever of the demo is missing (everything, after `reset`); ([CentreReport], seconds)."""
    started = time.monotonic()
    with transaction.atomic():
        if reset:
            wipe_demo()
        password = DemoPassword()
        seed_platform_admin(password)
        reports = [seed_centre(spec, password, on_hook_error=on_hook_error) for spec in DEMO_CENTRES]
    return reports, time.monotonic() - started
