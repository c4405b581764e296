"""Walk-in use of office equipment: staff record who used the copier or the computer, and how much.

A monthly quota per organisation comes from the item (its own limit) or from the centre's setting for its
kind. Over the quota the centre either records with a warning or refuses; staff may still record a refused
use by giving a reason, which the history keeps.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import CentreSettings
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.organisations.models import Organisation

from ..audit_labels import SpacesAudit
from ..choices import WALK_IN_UNITS, OverQuota, UsageUnit
from ..dates import in_allowed_range, out_of_range_message
from ..models import EquipmentItem, EquipmentUse
from ..models.uses import MAX_AMOUNT
from ..permissions import can_record_equipment_use


@dataclass(frozen=True)
class Quota:
    """An organisation's monthly limit for an item: of the item alone or of every item of its kind."""

    limit: int
    used: int
    per_item: bool
    unit: str

    def left(self) -> int:
        return max(self.limit - self.used, 0)


@dataclass(frozen=True)
class UseRecorded:
    use: EquipmentUse
    warning: str = ""


def month_bounds(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following


def unit_amount(amount: int, unit: str) -> str:
    return (_("%(n)s str.") if unit == UsageUnit.PAGES else _("%(n)s min")) % {"n": amount}


def equipment_use_quota(
    *, item: EquipmentItem, organisation: Organisation, day: date, settings=None
) -> Quota | None:
    """The organisation's quota for `item` in the month of `day` and what it used already; None: no limit."""
    unit = WALK_IN_UNITS.get(item.kind)
    if unit is None:
        return None
    per_item = item.monthly_quota is not None
    if per_item:
        limit = item.monthly_quota
    else:
        settings = settings or CentreSettings(item.centre)
        limit = settings[f"spaces.walk_in_quota_{item.kind}"]
    if not limit:
        return None
    first, following = month_bounds(day)
    uses = EquipmentUse.objects.filter(
        centre_id=item.centre_id, organisation=organisation, used_on__gte=first, used_on__lt=following
    )
    # A kind's quota covers the items of that kind without a limit of their own.
    uses = uses.filter(item=item) if per_item else uses.filter(item__kind=item.kind, item__monthly_quota=None)
    used = uses.aggregate(total=Sum("amount"))["total"] or 0
    return Quota(limit=limit, used=used, per_item=per_item, unit=unit)


def _over_quota_message(item: EquipmentItem, organisation: Organisation, quota: Quota, amount: int) -> str:
    return _(
        "Organizacja „%(organisation)s” wykorzystała w tym miesiącu %(used)s z limitu %(limit)s "
        "(%(what)s); ten wpis (%(amount)s) go przekracza."
    ) % {
        "organisation": organisation.name,
        "used": unit_amount(quota.used, quota.unit),
        "limit": unit_amount(quota.limit, quota.unit),
        "what": item.name if quota.per_item else item.get_kind_display(),
        "amount": unit_amount(amount, quota.unit),
    }


@transaction.atomic
def equipment_use_record(
    *,
    centre: Centre,
    actor,
    item: EquipmentItem,
    person_name: str,
    used_on: date,
    amount: int,
    organisation: Organisation | None = None,
    user=None,
    note: str = "",
    over_quota_reason: str = "",
) -> UseRecorded:
    """Record one walk-in use. Over the organisation's monthly quota: a warning, or a refusal unless
    staff give a reason (as the centre's setting says)."""
    if not can_record_equipment_use(actor, centre):
        raise ApplicationError(_("Korzystanie ze sprzętu zapisują tylko pracownicy centrum."))
    # The item's row is locked so two uses recorded at once cannot both slip under the quota.
    locked = EquipmentItem.objects.select_for_update().filter(centre=centre, pk=item.pk).first()
    if locked is None or not locked.is_active or locked.walk_in_unit is None:
        raise ApplicationError(_("Z tego sprzętu nie korzysta się na miejscu."), field="item")
    if organisation is not None and organisation.centre_id != centre.pk:
        raise ApplicationError(_("Ta organizacja nie należy do tego centrum."), field="organisation")
    if not (person_name or "").strip():
        raise ApplicationError(_("Podaj, kto korzystał ze sprzętu."), field="person_name")
    if not 1 <= amount <= MAX_AMOUNT:
        raise ApplicationError(
            _("Podaj liczbę od 1 do %(max)s.") % {"max": MAX_AMOUNT},
            field="amount",
        )
    if not in_allowed_range(used_on):
        raise ApplicationError(out_of_range_message(), field="used_on")
    if used_on > warsaw_today():
        raise ApplicationError(_("Ten dzień jeszcze nie nadszedł."), field="used_on")
    reason = (over_quota_reason or "").strip()
    warning = ""
    settings = CentreSettings(centre)
    quota = (
        equipment_use_quota(item=locked, organisation=organisation, day=used_on, settings=settings)
        if organisation is not None
        else None
    )
    over = quota is not None and quota.used + amount > quota.limit
    if over:
        message = _over_quota_message(locked, organisation, quota, amount)
        if settings["spaces.walk_in_over_quota"] == OverQuota.REFUSE and not reason:
            raise ApplicationError(
                message + " " + _("Aby zapisać mimo to, podaj powód."), field="over_quota_reason"
            )
        warning = message
    use = EquipmentUse(
        centre=centre,
        item=locked,
        person_name=person_name.strip(),
        user=user,
        organisation=organisation,
        used_on=used_on,
        amount=amount,
        note=(note or "").strip(),
        over_quota_reason=reason if over else "",
        recorded_by=actor,
    )
    use.full_clean()
    use.save()
    new = {
        "item": locked.name,
        "organisation": organisation.name if organisation else "",
        "person_name": use.person_name,
        "used_on": used_on,
        "amount": amount,
    }
    if over:
        new.update(quota=quota.limit, used_before=quota.used)
    audit_log(
        actor=actor,
        obj=use,
        action=SpacesAudit.EQUIPMENT_USE_OVER_QUOTA if over else SpacesAudit.EQUIPMENT_USE_RECORDED,
        new=new,
        reason=use.over_quota_reason,
    )
    return UseRecorded(use=use, warning=warning)


@transaction.atomic
def equipment_use_remove(*, use: EquipmentUse, actor, reason: str = "") -> None:
    """Take back a use recorded by mistake; the history keeps what it was."""
    if not can_record_equipment_use(actor, use.centre):
        raise ApplicationError(_("Korzystanie ze sprzętu zapisują tylko pracownicy centrum."))
    audit_log(
        actor=actor,
        obj=use,
        action=SpacesAudit.EQUIPMENT_USE_REMOVED,
        old={
            "item": use.item.name,
            "person_name": use.person_name,
            "used_on": use.used_on,
            "amount": use.amount,
        },
        reason=(reason or "").strip(),
    )
    use.delete()
