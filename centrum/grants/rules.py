"""The announcement's rules, pure functions the forms, the services and the workflow guards share (no queries).

The 21-day rule of art. 13 ust. 1 is read as: the offers deadline falls no earlier than the day that is
`min_days` days after the last publication, the publication day not counted (a notice posted on 1 March with
21 days allows a deadline from 22 March, any hour of that day, Europe/Warsaw)."""

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils.translation import gettext as _

from centrum.core.calendar import WARSAW
from centrum.core.exceptions import ApplicationError

from .choices import CompetitionKind


def earliest_deadline_day(last_publication: date, min_days: int) -> date:
    return last_publication + timedelta(days=min_days)


def check_deadline_distance(*, offers_deadline: datetime, last_publication: date, min_days: int) -> None:
    deadline_day = offers_deadline.astimezone(WARSAW).date()
    earliest = earliest_deadline_day(last_publication, min_days)
    if deadline_day < earliest:
        gap = (deadline_day - last_publication).days
        raise ApplicationError(
            _(
                "Termin składania ofert (%(deadline)s) wypada %(gap)s dni po ostatniej publikacji "
                "ogłoszenia (%(last)s), a musi minąć co najmniej %(min)s dni (dnia publikacji nie liczy się). "
                "Przesuń termin na %(earliest)s lub później albo popraw daty publikacji."
            )
            % {
                "deadline": deadline_day.strftime("%d.%m.%Y"),
                "gap": gap,
                "last": last_publication.strftime("%d.%m.%Y"),
                "min": min_days,
                "earliest": earliest.strftime("%d.%m.%Y"),
            },
            field="offers_deadline",
        )


def check_announcement(
    *,
    kind: str,
    task_start: date | None,
    task_end: date | None,
    min_own_contribution_percent: Decimal | None,
    funds_total: Decimal | None,
    max_grant: Decimal | None,
    admin_costs_cap_percent: Decimal | None = None,
) -> None:
    """The rules an announcement keeps whenever it is stored: raises ApplicationError at the broken field."""
    if task_start and task_end and task_start > task_end:
        raise ApplicationError(
            _("Zadanie nie może się kończyć przed swoim początkiem: popraw daty realizacji."),
            field="task_end",
        )
    for field, value in (("funds_total", funds_total), ("max_grant", max_grant)):
        if value is not None and value < 0:
            raise ApplicationError(_("Kwota nie może być ujemna."), field=field)
    if funds_total is not None and max_grant is not None and max_grant > funds_total:
        raise ApplicationError(
            _("Maksymalna dotacja na ofertę nie może przekraczać środków przeznaczonych na konkurs."),
            field="max_grant",
        )
    for field, value in (
        ("min_own_contribution_percent", min_own_contribution_percent),
        ("admin_costs_cap_percent", admin_costs_cap_percent),
    ):
        if value is not None and not (Decimal("0") <= value <= Decimal("100")):
            raise ApplicationError(_("Podaj procent od 0 do 100."), field=field)
    own = min_own_contribution_percent or Decimal("0")
    if kind == CompetitionKind.SUPPORT and own <= 0:
        raise ApplicationError(
            _(
                "Przy wspieraniu zadania oferent wnosi wkład własny: podaj minimalny wkład własny większy "
                "od 0 % (albo wybierz powierzenie, które finansuje zadanie w całości)."
            ),
            field="min_own_contribution_percent",
        )


# contracts ---
def check_contract_variables(
    *,
    grant_amount: Decimal | None,
    total_cost: Decimal | None,
    start_date: date | None,
    end_date: date | None,
    spending_deadline: date | None,
    bank_account: str,
    line_tolerance_percent: Decimal | None,
    share_tolerance_points: Decimal | None = None,
    own_amounts: tuple[Decimal | None, ...] = (),
) -> str:
    """The variables of a contract (annex 3) that must hold whoever drafts it (the official's form, the API,
    a small grant): raises ApplicationError at the broken field; returns the bank account as a valid IBAN
    (a Polish 26-digit account gets its "PL")."""
    from django.core.exceptions import ValidationError

    from centrum.organisations.identifiers import clean_iban

    if grant_amount is None or grant_amount <= 0:
        raise ApplicationError(_("Podaj kwotę dotacji większą od zera."), field="grant_amount")
    for amount in own_amounts:
        if amount is not None and amount < 0:
            raise ApplicationError(_("Kwota nie może być ujemna."), field="own_financial")
    if total_cost is not None and total_cost < grant_amount:
        raise ApplicationError(
            _("Całkowity koszt zadania nie może być niższy od kwoty dotacji."), field="total_cost"
        )
    if start_date is None or end_date is None:
        raise ApplicationError(_("Podaj daty realizacji zadania."), field="start_date")
    if end_date < start_date:
        raise ApplicationError(
            _("Zadanie nie może się kończyć przed swoim początkiem: popraw daty realizacji."),
            field="end_date",
        )
    if spending_deadline is None or spending_deadline < start_date:
        raise ApplicationError(
            _("Termin wykorzystania dotacji nie może przypadać przed rozpoczęciem zadania."),
            field="spending_deadline",
        )
    for field, value in (
        ("line_tolerance_percent", line_tolerance_percent),
        ("share_tolerance_points", share_tolerance_points),
    ):
        if value is not None and not (Decimal("0") <= value <= Decimal("100")):
            raise ApplicationError(_("Podaj procent od 0 do 100."), field=field)
    if not (bank_account or "").strip():
        raise ApplicationError(
            _("Podaj numer rachunku bankowego, na który urząd przekaże dotację."), field="bank_account"
        )
    try:
        return clean_iban(bank_account)
    except ValidationError as exc:
        raise ApplicationError(" ".join(exc.messages), field="bank_account") from exc
