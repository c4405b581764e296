"""Schemas of the equipment and loans API (`/api/v1/equipment`, `/api/v1/loans`); rooms keep theirs in api.py."""

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, ConfigDict

from centrum.api.schemas.common import Id, Int, SchemaHint, Text, input_error

from .choices import EquipmentCondition, EquipmentKind, LoanStatus, UsageUnit
from .dates import allowed_range, in_allowed_range, out_of_range_message


def _allowed_date(value: date | datetime) -> date | datetime:
    """A year back to five years ahead (see dates.py): 9999-12-31 is a 422, not an overflow and a 500."""
    if not in_allowed_range(value):
        raise input_error(out_of_range_message())
    return value


def _date_window(with_time: bool):
    """The window in the document, as of the day it is served (`formatMinimum`/`formatMaximum`)."""

    def hint(schema: dict) -> None:
        first, last = allowed_range()
        if with_time:
            schema["formatMinimum"], schema["formatMaximum"] = f"{first}T00:00:00", f"{last}T23:59:59"
        else:
            schema["formatMinimum"], schema["formatMaximum"] = first.isoformat(), last.isoformat()
        schema.setdefault("description", f"{first} … {last}")

    return SchemaHint(hint)


AllowedDate = Annotated[date, AfterValidator(_allowed_date), _date_window(False)]
AllowedDateTime = Annotated[datetime, AfterValidator(_allowed_date), _date_window(True)]


class EquipmentOut(Schema):
    id: int
    name: str
    description: str
    quantity: int = Field(description="Liczba sztuk w centrum / pieces the centre has")
    kind: EquipmentKind
    walk_in_unit: UsageUnit | None = Field(
        description="Jednostka korzystania na miejscu (strony, minuty); null – sprzęt nie do korzystania na "
        "miejscu / unit of walk-in use (pages, minutes); null – not office equipment used on the spot"
    )
    may_leave_building: bool = Field(description="Można wypożyczyć poza budynek / may be lent out")
    usable: bool = Field(description="Sprawny / in working order")


class LoanItemOut(Schema):
    item_id: int
    name: str
    quantity: int


class BookerOut(Schema):
    kind: str = Field(
        description="Kto wypożycza: `organisation`, albo inna osoba lub grupa / who borrows: `organisation`, "
        "or another person or group"
    )
    id: int | None = Field(description="Id organizacji, jeśli to organizacja / the organisation's id, if any")
    name: str


class LoanOut(Schema):
    id: int
    number: str = Field(description="Numer umowy użyczenia / the loan agreement's number")
    status: LoanStatus
    organisation_id: int | None
    booker: BookerOut
    purpose: str
    starts_on: date
    due_on: date
    items: list[LoanItemOut]
    decision_reason: str
    handed_over_at: datetime | None
    returned_at: datetime | None


class LoanPageOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[LoanOut]


class LoanListQuery(Schema):
    status: LoanStatus | None = Field(None, description="Tylko w tym stanie / only in this state")
    limit: int = Field(50, ge=1, le=200)
    offset: int = Field(0, ge=0, le=100_000)


class EquipmentIn(Schema):
    """A piece of equipment and how many, for a booking or a loan."""

    model_config = ConfigDict(extra="forbid")
    item_id: Id
    quantity: Int(ge=1, le=1000)


class LoanIn(Schema):
    model_config = ConfigDict(extra="forbid")
    organisation_id: Id = Field(description="Organizacja, w której imieniu / the borrowing organisation")
    starts_on: AllowedDate = Field(
        description="Dzień wydania: dziś albo później, najwyżej pięć lat naprzód / the pick-up day: today or "
        "later, at most five years ahead"
    )
    due_on: AllowedDate = Field(
        description="Zwrot do dnia: nie przed wydaniem; bez pracownika najwyżej `spaces.loan_max_days` dni "
        "(ustawienie centrum) / return by: not before pick-up; at most the centre's loan_max_days unless staff"
    )
    purpose: Text(4000, min_length=1) = Field(
        description="Działanie statutowe, do którego potrzebny jest sprzęt / the statutory activity"
    )
    items: list[EquipmentIn] = Field(
        min_length=1,
        max_length=50,
        description="Sprzęt, który może opuścić budynek (GET /equipment: may_leave_building) / equipment "
        "that may be lent out",
    )


class LoanRejectIn(Schema):
    model_config = ConfigDict(extra="forbid")
    reason: Text(2000, min_length=1) = Field(
        description="Powód odrzucenia; organizacja go zobaczy / why, shown to the organisation"
    )


class LoanCancelIn(Schema):
    model_config = ConfigDict(extra="forbid")
    reason: Text(500) = ""


class LoanHandoverIn(Schema):
    model_config = ConfigDict(extra="forbid")
    person: Text(150, min_length=1) = Field(
        description="Kto odebrał albo zwrócił sprzęt w imieniu organizacji / who took or returned it"
    )
    condition: EquipmentCondition = Field(description="Stan sprzętu / the equipment's condition")
    notes: Text(2000) = ""
