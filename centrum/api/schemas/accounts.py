"""Schemas about the caller."""

from typing import Literal

from ninja import Field, Schema


class CentreOut(Schema):
    slug: str
    name: str


class MyOrganisationOut(Schema):
    id: int
    name: str
    status: str
    role: Literal["admin", "member"]


class MeOut(Schema):
    id: int
    email: str
    full_name: str
    language: str
    authenticated_by: Literal["token", "session"]
    centre: CentreOut
    roles: list[str] = Field(description="Role w tym centrum / roles in this centre: staff, adviser, …")
    is_centre_staff: bool
    organisations: list[MyOrganisationOut]
