"""Schemas of the organisation registry: the public directory, the detail, registration and changes."""

from datetime import date, datetime
from typing import Annotated, Literal

from django.core.validators import URLValidator
from ninja import Field, Schema
from pydantic import ConfigDict

from centrum.api.schemas.common import Email, Id, SchemaHint, Text, validated_by
from centrum.core.scopes import active_scope
from centrum.organisations.catalogue import PUBLIC_BENEFIT_AREAS
from centrum.organisations.choices import LegalForm, OrganisationStatus, RegistryKind
from centrum.organisations.identifiers import clean_iban, clean_krs, clean_nip, clean_regon
from centrum.organisations.models import District, postal_code_validator
from centrum.organisations.workflows import ORGANISATION_STATUS

LegalFormValue = Literal[tuple(LegalForm.values)]
RegistryKindValue = Literal[tuple(RegistryKind.values)]
StatusValue = Literal[tuple(OrganisationStatus.values)]
TransitionAction = Literal[tuple(t.action for t in ORGANISATION_STATUS.transitions)]
REASON_REQUIRED = [t.action for t in ORGANISATION_STATUS.transitions if t.reason_required]

# Identifiers as people type them: digits with spaces, dashes, dots or slashes anywhere (identifiers.py);
# the patterns state the number of digits, the validators also check the check digits.
_SEP = r"[\s\-./]*"


def _identifier(clean, max_length: int, pattern: str, description: str):
    return Annotated[
        Text(max_length),
        validated_by(clean, returns_value=True),
        SchemaHint({"pattern": pattern, "description": description}),
    ]


Nip = _identifier(clean_nip, 40, rf"^({_SEP}[Pp][Ll])?{_SEP}(([0-9]{_SEP}){{10}})?$", "NIP: 10 cyfr")
Regon = _identifier(
    clean_regon, 40, rf"^{_SEP}(([0-9]{_SEP}){{9}}|([0-9]{_SEP}){{14}})?$", "REGON: 9 albo 14 cyfr"
)
Krs = _identifier(clean_krs, 40, rf"^{_SEP}([0-9]{_SEP}){{0,10}}$", "KRS: do 10 cyfr")
Iban = _identifier(clean_iban, 64, rf"^{_SEP}([A-Za-z0-9]{_SEP})*$", "IBAN albo 26 cyfr polskiego rachunku")
Website = Annotated[
    Text(200),
    validated_by(URLValidator(schemes=["http", "https"])),
    SchemaHint({"format": "uri", "pattern": "^([Hh][Tt][Tt][Pp][Ss]?://.+)?$"}),
]
PostalCode = Annotated[
    Text(6), validated_by(postal_code_validator), SchemaHint({"pattern": r"^(\d{2}-\d{3})?$"})
]
AreaCode = Annotated[Text(5), SchemaHint({"enum": [code for code, _name in PUBLIC_BENEFIT_AREAS]})]
AreaCodes = Annotated[list[AreaCode], Field(max_length=60)]


def _centre_districts(schema: dict) -> None:
    """The document served on a centre's host lists that centre's district ids (GET /districts)."""
    scope = active_scope()
    if scope is not None and scope.centre_id is not None:
        schema["enum"] = [
            *District.objects.filter(centre_id=scope.centre_id).values_list("pk", flat=True),
            None,
        ]


DistrictId = Annotated[Id | None, SchemaHint(_centre_districts)]


# ---- output ----------------------------------------------------------------------------------


class AreaOut(Schema):
    code: str = Field(examples=["14"])
    name: str


class DistrictOut(Schema):
    id: int
    name: str


class OrganisationListItemOut(Schema):
    """What the public directory shows of an organisation."""

    id: int
    name: str
    short_name: str
    legal_form: LegalFormValue
    legal_form_label: str
    city: str
    is_opp: bool = Field(description="Status organizacji pożytku publicznego / public-benefit status")
    status: StatusValue
    krs: str
    district: DistrictOut | None
    areas: list[str] = Field(description="Kody sfer pożytku publicznego / codes of activity areas")
    logo_url: str | None


class OrganisationPermissionsOut(Schema):
    can_edit: bool
    can_change_status: bool


class OrganisationInternalOut(Schema):
    """Shown to the organisation's administrators and the centre's staff only."""

    bank_account: str
    correspondence_address: str
    status_reason: str
    status_changed_at: datetime | None
    created_at: datetime
    verified_at: datetime | None
    krs_register_status: str = Field(
        description="What the last KRS extract says of the entity: '' (nothing), 'liquidation', 'removed'"
    )
    krs_register_status_label: str
    krs_checked_at: datetime | None


class OrganisationOut(OrganisationListItemOut):
    """An organisation's public record; `internal` only for those who may edit it."""

    status_label: str
    registry_kind: RegistryKindValue
    registry_number: str
    nip: str
    regon: str
    description: str
    street: str
    postal_code: str
    website: str
    email: str
    phone: str
    registered_on: date | None
    area_details: list[AreaOut]
    permissions: OrganisationPermissionsOut
    internal: OrganisationInternalOut | None


class OrganisationPageOut(Schema):
    count: int = Field(
        description="Liczba wyników, najwyżej 5000 / number of results, at most 5000 (see count_capped)"
    )
    count_capped: bool = Field(
        description="Wyników jest więcej niż count: zawęź wyszukiwanie / more results than counted: narrow the search"
    )
    limit: int
    offset: int
    results: list[OrganisationListItemOut]


# ---- input -----------------------------------------------------------------------------------


class DirectoryFilters(Schema):
    q: Text(200) = Field(
        "",
        description=(
            "Słowa (od początku słowa, wszystkie) w nazwie, ulicy, mieście; albo KRS, NIP, REGON ze spacjami "
            "lub bez / words (from their start, all of them) in name, street, city; or a KRS, NIP, REGON number"
        ),
    )
    area: AreaCode | None = Field(None, description="Kod sfery pożytku publicznego, np. 14")
    legal_form: LegalFormValue | None = None
    opp: bool | None = Field(None, description="true: tylko OPP; false: bez statusu OPP")
    district: DistrictId = Field(None, description="Identyfikator dzielnicy (GET /districts)")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(
        0, ge=0, le=10_000_000, description="Za ostatnim wynikiem: 404 / past the last result: 404"
    )
    page: int | None = Field(
        None,
        ge=1,
        le=1_000_000,
        description="Numer strony; zastępuje offset. Za ostatnią: 404 / past the last: 404",
    )


class _OrganisationFields(Schema):
    model_config = ConfigDict(extra="forbid")

    short_name: Text(120) = ""
    registry_number: Text(50) = ""
    krs: Krs = ""
    nip: Nip = ""
    regon: Regon = ""
    bank_account: Iban = ""
    is_opp: bool = False
    description: Text(10_000) = ""
    street: Text(200) = ""
    postal_code: PostalCode = ""
    city: Text(100) = ""
    correspondence_address: Text(1000) = ""
    district: DistrictId = Field(None, description="Identyfikator dzielnicy (GET /districts)")
    website: Website = ""
    email: Email = ""
    phone: Text(40) = ""
    registered_on: date | None = None
    areas: AreaCodes = Field(default_factory=list, description="Kody sfer (GET /areas)")


class OrganisationCreateIn(_OrganisationFields):
    name: Text(300, min_length=2)
    legal_form: LegalFormValue
    registry_kind: RegistryKindValue
    status: Literal["pending", "active"] = Field(
        "pending", description="Tylko pracownik centrum może od razu dodać organizację aktywną"
    )


class OrganisationUpdateIn(Schema):
    """Only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    name: Text(300, min_length=2) = None
    legal_form: LegalFormValue = None
    registry_kind: RegistryKindValue = None
    short_name: Text(120) = None
    registry_number: Text(50) = None
    krs: Krs = None
    nip: Nip = None
    regon: Regon = None
    bank_account: Iban = None
    is_opp: bool = None
    description: Text(10_000) = None
    street: Text(200) = None
    postal_code: PostalCode = None
    city: Text(100) = None
    correspondence_address: Text(1000) = None
    district: DistrictId = None
    website: Website = None
    email: Email = None
    phone: Text(40) = None
    registered_on: date | None = None
    areas: AreaCodes = None
    reason: Text(2000) = Field(None, description="Uzasadnienie zmiany do dziennika zmian")


def _reason_required_for(actions: list[str]):
    """The document says what the workflow refuses: these actions need a non-empty reason."""

    def extra(schema: dict) -> None:
        schema["allOf"] = [
            {
                "if": {"properties": {"action": {"enum": actions}}, "required": ["action"]},
                "then": {
                    "required": ["reason"],
                    "properties": {"reason": {"minLength": 1, "pattern": r"\S"}},
                },
            }
        ]

    return extra


class OrganisationTransitionIn(Schema):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_reason_required_for(REASON_REQUIRED))

    action: TransitionAction
    reason: Text(2000) = Field("", description="Wymagane przy reject, suspend i remove")
