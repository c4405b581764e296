"""Demo accounts: the platform admin and one person per role in every demo centre, with one documented
password (development only), verified e-mail addresses and memberships. Registered as demo seeders in
`features.py`. Names are generic; none of them belongs to a person the seed pages mention.
"""

from functools import cache

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from centrum.core.demo.seeding import delete_demo_rows
from centrum.core.models import Centre

from .models import CentreRole, CentreRoleKind, Membership, MembershipRole, User

PLATFORM_ADMIN_EMAIL = "admin@centrum.demo"

# (key, label); the key is the local part of the e-mail: <key>@<centre-slug>.demo
DEMO_ROLES = [
    ("pracownik", _("pracownik centrum")),
    ("doradca", _("doradca")),
    ("urzednik", _("urzędnik")),
    ("oceniajacy", _("członek komisji konkursowej")),
    ("prezes", _("administrator organizacji")),
    ("czlonek", _("członek organizacji")),
    ("mieszkaniec", _("mieszkaniec / mieszkanka (bez organizacji)")),
]


def demo_email(role_key: str, centre_slug: str) -> str:
    return f"{role_key}@{centre_slug}.demo"


def demo_accounts_for(centre_slug: str | None) -> list[tuple[str, str]]:
    """[(e-mail, role label)] shown on the login page in development."""
    if not centre_slug:
        return [(PLATFORM_ADMIN_EMAIL, str(_("administrator platformy")))]
    return [(demo_email(key, centre_slug), str(label)) for key, label in DEMO_ROLES]


# demo role key -> centre role (the organisation roles are memberships instead)
CENTRE_ROLE_OF = {
    "pracownik": CentreRoleKind.STAFF,
    "doradca": CentreRoleKind.ADVISER,
    "urzednik": CentreRoleKind.OFFICIAL,
    "oceniajacy": CentreRoleKind.EVALUATOR,
}

# centre slug -> full name per demo role key
PEOPLE: dict[str, dict[str, str]] = {
    "zory": {
        "pracownik": "Katarzyna Mazur",
        "doradca": "Paweł Wójcik",
        "urzednik": "Beata Kaczmarek",
        "oceniajacy": "Marcin Zieliński",
        "prezes": "Joanna Lewandowska",
        "czlonek": "Krzysztof Dąbrowski",
        "mieszkaniec": "Urszula Baran",
    },
    "czestochowa": {
        "pracownik": "Monika Szymańska",
        "doradca": "Tomasz Woźniak",
        "urzednik": "Grażyna Kozłowska",
        "oceniajacy": "Adam Jankowski",
        "prezes": "Dorota Wojciechowska",
        "czlonek": "Rafał Kwiatkowski",
        "mieszkaniec": "Leszek Sikora",
    },
    "myslowice": {
        "pracownik": "Natalia Krawczyk",
        "doradca": "Jacek Piotrowski",
        "urzednik": "Iwona Grabowska",
        "oceniajacy": "Robert Nowakowski",
        "prezes": "Elżbieta Pawłowska",
        "czlonek": "Damian Michalski",
        "mieszkaniec": "Zofia Kubiak",
    },
    "miechow": {
        "pracownik": "Renata Nowicka",
        "doradca": "Wojciech Adamczyk",
        "urzednik": "Halina Dudek",
        "oceniajacy": "Sławomir Zając",
        "prezes": "Barbara Wieczorek",
        "czlonek": "Mateusz Jabłoński",
        "mieszkaniec": "Stanisław Cieślak",
    },
    "kalisz": {
        "pracownik": "Sylwia Majewska",
        "doradca": "Grzegorz Olszewski",
        "urzednik": "Ewelina Stępień",
        "oceniajacy": "Artur Malinowski",
        "prezes": "Marta Jaworska",
        "czlonek": "Bartosz Pawlak",
        "mieszkaniec": "Henryk Sowa",
    },
}
PLATFORM_ADMIN_NAME = "Administrator Platformy"


@cache
def _password_hash(password: str) -> str:
    """The demo password hashed once per process: hashing thirty times would cost seconds."""
    return make_password(password)


def ensure_user(email: str, full_name: str, **flags):
    """The user with `email`, created (verified, with the demo password) when missing."""
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, full_name=full_name, **flags)
        user.password = _password_hash(settings.DEMO_PASSWORD)
        user.full_clean()
        user.save()
    if not EmailAddress.objects.filter(user=user, email__iexact=email).exists():
        address = EmailAddress(user=user, email=email, verified=True, primary=True)
        address.full_clean()
        address.save()
    return user


def seed_platform_admin() -> None:
    ensure_user(PLATFORM_ADMIN_EMAIL, PLATFORM_ADMIN_NAME, is_staff=True, is_superuser=True)


def demo_people(centre: Centre) -> dict[str, object]:
    """{demo role key: user} of `centre`'s demo people."""
    users = {
        u.email: u for u in User.objects.filter(email__in=[demo_email(k, centre.slug) for k, _ in DEMO_ROLES])
    }
    return {
        key: users[demo_email(key, centre.slug)]
        for key, _ in DEMO_ROLES
        if demo_email(key, centre.slug) in users
    }


def seed_people(*, centre: Centre, rng) -> str:
    """One person per demo role in `centre`, with their roles in the centre."""
    users = {
        key: ensure_user(demo_email(key, centre.slug), full_name)
        for key, full_name in PEOPLE[centre.slug].items()
    }
    for key, role in CENTRE_ROLE_OF.items():
        if not CentreRole.objects.filter(centre=centre, user=users[key], role=role).exists():
            centre_role = CentreRole(centre=centre, user=users[key], role=role)
            centre_role.full_clean()
            centre_role.save()
    return f"people: {len(users)}"


def seed_memberships(*, centre: Centre, rng) -> None:
    """`prezes` runs two organisations and `czlonek` acts for the first of them and a third one,
    so both can switch between organisations."""
    from centrum.organisations.demo import organisations_for_demo_members

    users = demo_people(centre)
    first, second, third = organisations_for_demo_members(centre)
    wanted = [
        (users["prezes"], first, MembershipRole.ADMIN),
        (users["prezes"], second, MembershipRole.ADMIN),
        (users["czlonek"], first, MembershipRole.MEMBER),
        (users["czlonek"], third, MembershipRole.MEMBER),
    ]
    for user, organisation, role in wanted:
        if not Membership.objects.filter(user=user, organisation=organisation).exists():
            membership = Membership(centre=centre, user=user, organisation=organisation, role=role)
            membership.full_clean()
            membership.save()


def wipe(slugs: list[str]) -> None:
    """The demo people (their demo centres are gone already)."""
    people = Q(email__iexact=PLATFORM_ADMIN_EMAIL)
    for slug in slugs:
        people |= Q(email__iendswith=f"@{slug}.demo")
    delete_demo_rows(User.objects.filter(people), set())
