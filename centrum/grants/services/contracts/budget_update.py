"""The updated budget (aktualizacja kosztorysu) of a selected offer awarded less than it asked for: its
content, the announcement's rules on it, storing the draft, and its workflow's guard and notification."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.outbox import outbox_enqueue
from centrum.core.workflow import workflow_apply

from ... import budget as B
from ...audit_labels import BudgetUpdateAudit
from ...choices import (
    BudgetUpdateStatus,
    CostCategory,
    OfferStatus,
)
from ...models import (
    BudgetUpdate,
    BudgetUpdateAction,
    BudgetUpdateLine,
    BudgetUpdateShare,
    Contract,
    Offer,
)
from ...permissions import can_prepare_offer_for
from ...signing import plain

SOURCE_FIELDS = ("own_financial", "own_personal", "own_material", "recipient_fees")
LINE_FIELDS = ("category", "action", "kind", "unit", "unit_cost", "units", "year_1", "year_2", "year_3")

# ------------------------------------------------------------------------------------------ updated budget


def update_needed(offer: Offer) -> bool:
    """A selected offer awarded less than it requested needs an updated budget before its contract."""
    return (
        offer.status == OfferStatus.SELECTED
        and offer.awarded_grant is not None
        and offer.awarded_grant < offer.requested_grant
    )


@dataclass
class UpdateContent:
    """The updated budget as a form or the API gives it: dates and sources, the schedule's terms (one per
    action of the offer, in order) and the cost lines (`action`: the action's index, category I)."""

    header: dict = field(default_factory=dict)
    actions: list[dict] = field(default_factory=list)
    lines: list[dict] = field(default_factory=list)
    # A joint offer's V.C again: (offeror index in the offer's II.1, year) → amount.
    shares: dict = field(default_factory=dict)


def update_initial_content(offer: Offer) -> UpdateContent:
    """The offer's own budget and schedule: where the organisation starts its update."""
    actions = list(offer.actions.all())
    index = {a.pk: i for i, a in enumerate(actions)}
    return UpdateContent(
        header={
            "start_date": offer.start_date,
            "end_date": offer.end_date,
            **{name: getattr(offer, name) for name in SOURCE_FIELDS},
        },
        actions=[{"name": a.name, "planned_term": a.planned_term} for a in actions],
        lines=[
            {
                **{name: getattr(ln, name) for name in LINE_FIELDS if name != "action"},
                "action": index.get(ln.action_id),
            }
            for ln in offer.cost_lines.all()
        ],
        shares=offer_shares(offer),
    )


def joint_offerors(offer: Offer) -> list[str]:
    """The names of a joint offer's offerors (II.1), whose V.C the update splits again; none otherwise."""
    return [o.name for o in offer.offerors.all()] if offer.is_joint else []


def offer_shares(offer: Offer) -> dict:
    if not offer.is_joint:
        return {}
    index = {o.pk: i for i, o in enumerate(offer.offerors.all())}
    return {(index[s.offeror_id], s.year): s.amount for s in offer.cost_shares.all() if s.offeror_id in index}


def update_content_of(update: BudgetUpdate) -> UpdateContent:
    return UpdateContent(
        header={
            "start_date": update.start_date,
            "end_date": update.end_date,
            **{name: getattr(update, name) for name in SOURCE_FIELDS},
        },
        actions=[{"name": a.name, "planned_term": a.planned_term} for a in update.actions.all()],
        lines=[
            {
                **{name: getattr(ln, name) for name in LINE_FIELDS if name != "action"},
                "action": ln.action_position - 1 if ln.action_position else None,
            }
            for ln in update.lines.all()
        ],
        shares=_update_shares(update),
    )


def _update_shares(update: BudgetUpdate) -> dict:
    if not update.offer.is_joint:
        return {}
    index = {o.pk: i for i, o in enumerate(update.offer.offerors.all())}
    return {(index[s.offeror_id], s.year): s.amount for s in update.shares.all() if s.offeror_id in index}


def update_line_labels(content: UpdateContent) -> list[str]:
    from ..offers import OfferContent, line_labels

    return line_labels(OfferContent(lines=content.lines))


def update_budget(offer: Offer, content: UpdateContent) -> B.OfferBudget:
    """The update as the offer's budget arithmetic reads it (`budget_of`): the grant is the awarded amount,
    the results are the offer's."""
    from ..offers import OfferContent, budget_of

    header = {**content.header, "requested_grant": offer.awarded_grant or B.ZERO}
    results = [{"name": r.name, "target_value": r.target_value} for r in offer.results.all()]
    offerors = (
        [{"name": o.name, "actions_scope": o.actions_scope} for o in offer.offerors.all()]
        if offer.is_joint
        else []
    )
    return budget_of(
        OfferContent(
            header=header, lines=content.lines, results=results, offerors=offerors, shares=content.shares
        ),
        is_joint=offer.is_joint,
    )


def check_update(offer: Offer, content: UpdateContent) -> tuple[B.Totals, list[B.Problem]]:
    """(sums, broken rules) of an updated budget: V.A/V.B under the announcement's rules (own contribution
    minimum, the administrative cap, the dates), the grant being the awarded amount."""
    from ..offers import rules_for

    totals, problems = B.check(update_budget(offer, content), rules_for(offer.competition))
    # The grant is the awarded amount, not typed: its problems concern the sources as a whole.
    problems = [B.Problem("sources", p.message) if p.field == "requested_grant" else p for p in problems]
    for index, action in enumerate(content.actions):
        if not str(action.get("name") or "").strip():
            problems.append(B.Problem(f"actions-{index}-name", _("Podaj nazwę działania (III.4).")))
    return totals, problems


def _refuse_unstorable(content: UpdateContent) -> None:
    """What the tables cannot hold even in a draft (the rules of the announcement wait for filing)."""
    header = content.header
    if header.get("start_date") is None or header.get("end_date") is None:
        raise ApplicationError(_("Podaj daty realizacji zadania."), field="start_date")
    if header["end_date"] < header["start_date"]:
        raise ApplicationError(
            _("Data zakończenia jest wcześniejsza niż data rozpoczęcia."), field="end_date"
        )
    for name in SOURCE_FIELDS:
        if (header.get(name) or B.ZERO) < 0:
            raise ApplicationError(_("Kwota nie może być ujemna."), field=name)
    for amount in content.shares.values():
        if amount is not None and (amount < 0 or amount > B.MAX_AMOUNT):
            raise ApplicationError(
                _("Kwoty podziału kosztów (V.C) muszą być od 0 do %(max)s zł.") % {"max": B.MAX_AMOUNT},
                field="shares",
            )
    for index, line in enumerate(content.lines):
        if not str(line.get("kind") or "").strip():
            raise ApplicationError(_("Podaj rodzaj kosztu."), field=f"lines-{index}-kind")
        if line.get("unit_cost") is None or line["unit_cost"] < 0:
            raise ApplicationError(
                _("Koszt jednostkowy nie może być ujemny."), field=f"lines-{index}-unit_cost"
            )
        if line.get("units") is None or line["units"] <= 0:
            raise ApplicationError(
                _("Liczba jednostek musi być większa od zera."), field=f"lines-{index}-units"
            )
        for year in ("year_1", "year_2", "year_3"):
            if line.get(year) is not None and line[year] < 0:
                raise ApplicationError(_("Kwota nie może być ujemna."), field=f"lines-{index}-{year}")
        if B.line_value(line["unit_cost"], line["units"]) > B.MAX_AMOUNT:
            raise ApplicationError(_("Kwota jest zbyt duża."), field=f"lines-{index}-unit_cost")
        action = line.get("action")
        if action is not None and not 0 <= action < len(content.actions):
            raise ApplicationError(_("Wybierz działanie z harmonogramu."), field=f"lines-{index}-action")


@transaction.atomic
def budget_update_save(*, offer: Offer, content: UpdateContent, actor) -> BudgetUpdate:
    """Store the organisation's updated budget as a draft (or its correction after a return). The offer is
    locked first, so two members saving at once store one update, never two."""
    locked = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("competition", "organisation")
        .get(pk=offer.pk, centre_id=offer.centre_id)
    )
    if not can_prepare_offer_for(actor, locked.organisation):
        raise ApplicationError(_("Aktualizację kosztorysu przygotowuje organizacja, która złożyła ofertę."))
    if not update_needed(locked):
        raise ApplicationError(
            _("Aktualizacja kosztorysu jest potrzebna tylko, gdy przyznano mniej, niż wnioskowano.")
        )
    if Contract.objects.filter(offer=locked).exists():
        raise ApplicationError(_("Umowa do tej oferty jest już przygotowana: kosztorysu nie można zmienić."))
    update = BudgetUpdate.objects.filter(offer=locked).first()
    if update is not None and update.status not in (BudgetUpdateStatus.DRAFT, BudgetUpdateStatus.RETURNED):
        raise ApplicationError(
            _("Aktualizacja kosztorysu została złożona (stan: „%(status)s”): nie można jej już zmienić.")
            % {"status": update.get_status_display()}
        )
    _refuse_unstorable(content)
    totals, _problems = check_update(locked, content)
    old = None if update is None else {"total_cost": plain(update.total_cost)}
    if update is None:
        update = BudgetUpdate(centre=locked.centre, offer=locked, created_by=actor)
    header = content.header
    update.start_date, update.end_date = header["start_date"], header["end_date"]
    update.grant = locked.awarded_grant
    for name in SOURCE_FIELDS:
        setattr(update, name, header.get(name) or B.ZERO)
    update.total_cost = totals.total
    full_clean_or_raise(update)
    update.save()
    update.actions.all().delete()
    update.lines.all().delete()
    update.shares.all().delete()
    offerors = list(locked.offerors.all()) if locked.is_joint else []
    BudgetUpdateShare.objects.bulk_create(
        [
            BudgetUpdateShare(
                centre=locked.centre, update=update, offeror=offerors[index], year=year, amount=amount
            )
            for (index, year), amount in sorted(content.shares.items())
            if amount is not None and 0 <= index < len(offerors) and 1 <= year <= 3
        ]
    )
    BudgetUpdateAction.objects.bulk_create(
        [
            BudgetUpdateAction(
                centre=locked.centre,
                update=update,
                position=i + 1,
                name=(row.get("name") or "")[:300],
                planned_term=(row.get("planned_term") or "")[:200],
            )
            for i, row in enumerate(content.actions)
        ]
    )
    BudgetUpdateLine.objects.bulk_create(
        [
            BudgetUpdateLine(
                centre=locked.centre,
                update=update,
                position=i + 1,
                category=row.get("category") or CostCategory.ACTIONS,
                action_position=row["action"] + 1 if row.get("action") is not None else None,
                kind=row["kind"][:300],
                unit=(row.get("unit") or "")[:60],
                unit_cost=row["unit_cost"],
                units=row["units"],
                value=B.line_value(row["unit_cost"], row["units"]),
                year_1=row.get("year_1"),
                year_2=row.get("year_2"),
                year_3=row.get("year_3"),
            )
            for i, row in enumerate(content.lines)
        ]
    )
    audit_log(
        actor=actor,
        obj=update,
        action=BudgetUpdateAudit.SAVED,
        old=old,
        new={"total_cost": plain(update.total_cost), "grant": plain(update.grant)},
    )
    return update


def budget_update_submit_guard(step) -> None:
    """Filing and accepting check the stored update again, on the locked row, under today's rules."""
    update = step.obj
    offer = update.offer
    if Contract.objects.filter(offer_id=offer.pk).exists():
        raise ApplicationError(_("Umowa do tej oferty jest już przygotowana."))
    if offer.awarded_grant is None or update.grant != offer.awarded_grant:
        raise ApplicationError(
            _("Dotacja w aktualizacji musi być równa przyznanej kwocie (%(amount)s zł).")
            % {"amount": offer.awarded_grant}
        )
    _totals, problems = check_update(offer, update_content_of(update))
    if problems:
        raise ApplicationError(
            _("Aktualizacja kosztorysu nie spełnia zasad ogłoszenia: %(problems)s")
            % {"problems": " ".join(p.message for p in problems[:5])}
        )


def budget_update_notify(step) -> None:
    """The organisation learns that its update was accepted or returned (with the reason)."""
    if step.transition.action == "submit":
        return
    from centrum.core.links import centre_url

    update = step.obj
    offer = update.offer
    recipients = organisation_recipients(
        offer.organisation, offer.contact_email, getattr(update.submitted_by, "email", "")
    )
    if recipients:
        outbox_enqueue(
            centre=update.centre,
            to=recipients,
            template="grants/emails/budget_update_decided_to_organisation",
            context={
                "update": update,
                "offer": offer,
                "accepted": step.target == BudgetUpdateStatus.ACCEPTED,
                "url": centre_url(update.centre, update.get_absolute_url()),
            },
        )


def budget_update_submit(*, update: BudgetUpdate, actor) -> BudgetUpdate:
    return workflow_apply(obj=update, action="submit", actor=actor)


def budget_update_accept(*, update: BudgetUpdate, actor) -> BudgetUpdate:
    return workflow_apply(obj=update, action="accept", actor=actor)


def budget_update_return(*, update: BudgetUpdate, actor, reason: str) -> BudgetUpdate:
    return workflow_apply(obj=update, action="return", actor=actor, reason=reason)


def organisation_recipients(organisation, *extra: str) -> list[str]:
    """The organisation's address and the others given (the offer's contact, who filed)."""
    return [a for a in dict.fromkeys([organisation.email, *extra]) if a]
