"""Writes of the core: centre profile, closed days, per-centre settings and the platform administration."""

import re
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .audit import audit_log, changes, snapshot
from .centre_settings import REGISTRY, CentreSettings
from .exceptions import ApplicationError, full_clean_or_raise
from .models import Centre, CentreClosedDay, CentreHost, CentreSetting
from .permissions import can_manage_centre_settings, is_centre_staff, is_platform_admin
from .registry import MODULES, SERVICE_KINDS
from .roles import STAFF, role_backend
from .uploads import image_validate

# The profile's plain fields (one form field each); opening hours and services are lists of their own.
PROFILE_TEXT_FIELDS = [
    "name",
    "short_name",
    "email",
    "phone",
    "website",
    "street",
    "postal_code",
    "city",
    "description",
]
PROFILE_FIELDS = [*PROFILE_TEXT_FIELDS, "opening_hours", "services"]
CENTRE_FIELDS = [
    "name",
    "short_name",
    "slug",
    "municipality",
    "government_kind",
    "government_name",
    "voivodeship",
    "street",
    "postal_code",
    "city",
    "email",
    "phone",
    "website",
]
LOGO_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def _require(allowed: bool) -> None:
    if not allowed:
        raise ApplicationError(_("Nie masz uprawnień do tej czynności."))


def _refuse_fields_outside(data: dict[str, Any], allowed: list[str], message: str) -> None:
    """`message` (with `%(fields)s`) names the keys of `data` that are not `allowed`."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise ApplicationError(message % {"fields": ", ".join(sorted(unknown))})


# --- settings ---------------------------------------------------------------------------------


@transaction.atomic
def centre_settings_update(*, centre: Centre, values: dict[str, Any], actor) -> dict[str, Any]:
    """Store the given setting values; returns the changed ones. Unknown keys and bad values are refused."""
    _require(can_manage_centre_settings(actor, centre))
    current = CentreSettings(centre)
    old, new = {}, {}
    for key, raw in values.items():
        definition = REGISTRY.get(key)
        if definition is None:
            raise ApplicationError(_("Nieznane ustawienie: %(key)s.") % {"key": key})
        try:
            value = definition.clean(raw)
        except ValidationError as exc:
            raise ApplicationError(f"{definition.label}: {' '.join(exc.messages)}", field=key)
        if value != current[key]:
            old[key], new[key] = definition.to_json(current[key]), definition.to_json(value)
    _refuse_module_without_its_requirements(current, new)
    for key, value in new.items():
        CentreSetting.objects.update_or_create(centre=centre, key=key, defaults={"value": value})
    centre.__dict__.pop("_centre_settings", None)  # the cached read (centre_settings_cached) is stale now
    if new:
        centre.refresh_from_db(fields=["data_version"])  # bumped by the writes: read the new settings after
    if new:
        audit_log(actor=actor, obj=centre, centre=centre, action="centre.settings_updated", old=old, new=new)
    return new


def _module_requirement_refused(module, required, *, field: str) -> ApplicationError:
    return ApplicationError(
        _("Moduł „%(module)s” wymaga modułu „%(required)s”: włącz go albo wyłącz też ten moduł.")
        % {"module": module.name, "required": required.name},
        field=field,
    )


def _refuse_module_without_its_requirements(current: CentreSettings, new: dict[str, Any]) -> None:
    """A module switched on needs every module it requires switched on too: say so instead of saving a
    combination in which the module would silently answer 404."""

    def is_on(module) -> bool:
        key = module.setting_key
        return bool(new[key]) if key in new else bool(current[key])

    for module in MODULES.values():
        if not is_on(module):
            continue
        for label in module.requires:
            required = MODULES.get(label)
            if required is not None and not is_on(required):
                raise _module_requirement_refused(module, required, field=module.setting_key)


# --- profile ----------------------------------------------------------------------------------


def logo_validate(upload: UploadedFile) -> str:
    """The image format ("PNG", …) of an accepted logo; raises ApplicationError(field="logo") otherwise."""
    return image_validate(
        upload, max_bytes=settings.CENTRE_LOGO_MAX_BYTES, formats=LOGO_FORMATS, field="logo"
    )


def opening_hours_normalise(entries: list[dict]) -> list[dict]:
    """Sorted `{weekday, opens, closes}` entries; refuses a day that closes before it opens."""
    result = []
    for entry in entries:
        weekday, opens, closes = int(entry["weekday"]), str(entry["opens"]), str(entry["closes"])
        if (
            not 0 <= weekday <= 6
            or not re.fullmatch(r"\d{2}:\d{2}", opens)
            or not re.fullmatch(r"\d{2}:\d{2}", closes)
        ):
            raise ApplicationError(_("Nieprawidłowe godziny otwarcia."), field="opening_hours")
        if opens >= closes:
            raise ApplicationError(
                _("Godzina zamknięcia musi być późniejsza niż godzina otwarcia."), field="opening_hours"
            )
        result.append({"weekday": weekday, "opens": opens, "closes": closes})
    return sorted(result, key=lambda e: (e["weekday"], e["opens"]))


@transaction.atomic
def _service_entry(service: dict) -> dict:
    """A service of the profile: title, description and, when a module provides it, its kind."""
    entry = {
        "title": str(service["title"]).strip(),
        "description": str(service.get("description", "")).strip(),
    }
    kind = str(service.get("kind") or "")
    if kind:
        if kind not in SERVICE_KINDS:
            raise ApplicationError(_("Nieznany rodzaj usługi: %(kind)s.") % {"kind": kind}, field="services")
        entry["kind"] = kind
    return entry


def centre_profile_update(
    *,
    centre: Centre,
    data: dict[str, Any],
    actor,
    logo: UploadedFile | None = None,
    remove_logo: bool = False,
) -> Centre:
    """Update the public profile of the centre (name, contact, hours, services, logo)."""
    _require(is_centre_staff(actor, centre))
    centre = Centre.objects.select_for_update().get(pk=centre.pk)
    before = snapshot(centre, [*PROFILE_FIELDS, "logo"])
    _refuse_fields_outside(data, PROFILE_FIELDS, _("Tych pól nie można tu zmienić: %(fields)s."))
    if "opening_hours" in data:
        data = {**data, "opening_hours": opening_hours_normalise(data["opening_hours"])}
    if "services" in data:
        data = {
            **data,
            "services": [_service_entry(s) for s in data["services"] if str(s.get("title", "")).strip()],
        }
    for name, value in data.items():
        setattr(centre, name, value)
    old_logo = centre.logo.name if centre.logo else ""
    image_format = logo_validate(logo) if logo is not None else None
    full_clean_or_raise(centre, exclude=["logo"])
    if logo is not None:
        # The stored name comes from the real format, never from the uploaded file's name.
        extension = "jpg" if image_format == "JPEG" else image_format.lower()
        centre.logo.save(f"{centre.slug}.{extension}", logo, save=False)
    elif remove_logo:
        centre.logo = None
    centre.save()
    new_logo = centre.logo.name if centre.logo else ""
    if old_logo and old_logo != new_logo:
        storage = centre.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    old, new = changes(before, snapshot(centre, [*PROFILE_FIELDS, "logo"]))
    if new:
        audit_log(actor=actor, obj=centre, centre=centre, action="centre.profile_updated", old=old, new=new)
    return centre


@transaction.atomic
def centre_closed_day_add(*, centre: Centre, day: date, reason: str, actor) -> CentreClosedDay:
    _require(is_centre_staff(actor, centre))
    closed = CentreClosedDay(centre=centre, date=day, reason=reason.strip())
    full_clean_or_raise(closed, exclude=["centre"])
    if CentreClosedDay.objects.filter(centre=centre, date=day).exists():
        raise ApplicationError(_("Ten dzień jest już oznaczony jako zamknięty."), field="date")
    try:
        with transaction.atomic():
            closed.save()
    except IntegrityError:
        raise ApplicationError(_("Ten dzień jest już oznaczony jako zamknięty."), field="date")
    audit_log(
        actor=actor, obj=closed, action="centre.closed_day_added", new={"date": day, "reason": closed.reason}
    )
    return closed


@transaction.atomic
def centre_closed_day_remove(*, centre: Centre, closed_day_id: int, actor) -> None:
    _require(is_centre_staff(actor, centre))
    closed = CentreClosedDay.objects.select_for_update().filter(centre=centre, pk=closed_day_id).first()
    if closed is None:
        raise ApplicationError(_("Nie ma takiego dnia zamknięcia."))
    audit_log(
        actor=actor,
        obj=closed,
        action="centre.closed_day_removed",
        old={"date": closed.date, "reason": closed.reason},
    )
    closed.delete()


# --- platform ---------------------------------------------------------------------------------


def hosts_parse(text: str) -> list[str]:
    """Host names, one a line: lower-cased, without scheme, port or trailing dot, duplicates removed."""
    hosts: list[str] = []
    for line in (text or "").splitlines():
        host = line.strip().lower().rstrip(".")
        if host and host not in hosts:
            hosts.append(host)
    return hosts


def hosts_validate(hosts: list[str], *, centre: Centre | None = None) -> None:
    if not hosts:
        raise ApplicationError(_("Podaj co najmniej jedną nazwę hosta."), field="hosts")
    for host in hosts:
        labels = host.split(".")
        if len(host) > 253 or not all(_HOST_LABEL.match(label) for label in labels):
            raise ApplicationError(
                _(
                    "„%(host)s” nie jest poprawną nazwą hosta (bez http://, portu i ukośników, np. kalisz.example.org)."
                )
                % {"host": host},
                field="hosts",
            )
        if host in settings.PLATFORM_HOSTS:
            raise ApplicationError(
                _("„%(host)s” to adres platformy, nie może należeć do centrum.") % {"host": host},
                field="hosts",
            )
    taken = CentreHost.objects.filter(host__in=hosts)
    if centre is not None:
        taken = taken.exclude(centre=centre)
    clash = taken.select_related("centre").first()
    if clash:
        raise ApplicationError(
            _("Host „%(host)s” należy już do centrum „%(centre)s”.")
            % {"host": clash.host, "centre": clash.centre},
            field="hosts",
        )


def _hosts_replace(centre: Centre, hosts: list[str]) -> None:
    """The first host becomes the primary one."""
    existing = list(centre.hosts.all())
    centre.hosts.exclude(host__in=hosts).delete()
    by_name = {h.host: h for h in existing}
    for position, host in enumerate(hosts):
        record = by_name.get(host) or CentreHost(centre=centre, host=host)
        record.is_primary = position == 0
        record.save()


@transaction.atomic
def centre_create(
    *, data: dict[str, Any], hosts: list[str], actor, modules: list[str] | None = None
) -> Centre:
    """A new centre on `hosts`; `modules` names the modules it runs (None: every module's default)."""
    _require(is_platform_admin(actor))
    if modules is not None and set(modules) - set(MODULES):
        raise ApplicationError(
            _("Nieznany moduł: %(labels)s.") % {"labels": ", ".join(sorted(set(modules) - set(MODULES)))},
            field="modules",
        )
    if modules is not None:
        for label in modules:
            missing = [MODULES[required] for required in MODULES[label].requires if required not in modules]
            if missing:
                raise _module_requirement_refused(MODULES[label], missing[0], field="modules")
    _refuse_fields_outside(data, CENTRE_FIELDS, _("Tych pól nie można tu ustawić: %(fields)s."))
    centre = Centre(**data)
    full_clean_or_raise(centre)
    hosts_validate(hosts)
    try:
        with transaction.atomic():
            centre.save()
            _hosts_replace(centre, hosts)
    except IntegrityError:
        raise ApplicationError(_("Centrum o tym identyfikatorze albo hoście już istnieje."), field="slug")
    switched = {}
    for module in MODULES.values():
        if modules is not None and (module.label in modules) != module.default:
            switched[module.setting_key] = module.label in modules
            CentreSetting.objects.create(centre=centre, key=module.setting_key, value=module.label in modules)
    audit_log(
        actor=actor,
        obj=centre,
        centre=centre,
        action="centre.created",
        new={**snapshot(centre, CENTRE_FIELDS), "hosts": hosts, **switched},
    )
    return centre


@transaction.atomic
def centre_update(*, centre: Centre, data: dict[str, Any], hosts: list[str], actor) -> Centre:
    _require(is_platform_admin(actor))
    centre = Centre.objects.select_for_update().get(pk=centre.pk)
    _refuse_fields_outside(data, CENTRE_FIELDS, _("Tych pól nie można tu zmienić: %(fields)s."))
    old_hosts = list(centre.hosts.order_by("-is_primary", "host").values_list("host", flat=True))
    before = {**snapshot(centre, CENTRE_FIELDS), "hosts": old_hosts}
    for name, value in data.items():
        setattr(centre, name, value)
    full_clean_or_raise(centre)
    hosts_validate(hosts, centre=centre)
    try:
        with transaction.atomic():
            centre.save()
            _hosts_replace(centre, hosts)
    except IntegrityError:
        raise ApplicationError(_("Centrum o tym identyfikatorze albo hoście już istnieje."), field="slug")
    old, new = changes(before, {**snapshot(centre, CENTRE_FIELDS), "hosts": hosts})
    if new:
        audit_log(actor=actor, obj=centre, centre=centre, action="centre.updated", old=old, new=new)
    return centre


@transaction.atomic
def centre_set_active(*, centre: Centre, active: bool, reason: str, actor) -> Centre:
    """Deactivate (its hosts answer 404, nothing is deleted) or reactivate a centre."""
    _require(is_platform_admin(actor))
    centre = Centre.objects.select_for_update().get(pk=centre.pk)
    if not active and not reason.strip():
        raise ApplicationError(_("Podaj powód wyłączenia centrum."), field="reason")
    if centre.is_active == active:
        return centre
    centre.is_active = active
    centre.save(update_fields=["is_active", "updated_at"])
    audit_log(
        actor=actor,
        obj=centre,
        centre=centre,
        action="centre.activated" if active else "centre.deactivated",
        old={"is_active": not active},
        new={"is_active": active},
        reason=reason.strip(),
    )
    return centre


@transaction.atomic
def centre_staff_appoint(*, centre: Centre, email: str, full_name: str = "", actor):
    """Give the staff role to the person with `email`; a new person gets an account and a password link.

    Returns `(user, created)`. The role backend (accounts) opens the account, grants the role and queues the mail in this
    transaction; the platform's own record of the appointment is kept on the centre.
    """
    _require(is_platform_admin(actor))
    centre_role, created = role_backend().appoint(
        centre=centre, email=email, role=STAFF, full_name=full_name, actor=actor
    )
    audit_log(
        actor=actor,
        obj=centre_role,
        centre=centre,
        action="centre.staff_appointed",
        new={"user": centre_role.user.email, "role": STAFF, "account_created": created},
    )
    return centre_role.user, created
