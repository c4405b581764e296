"""Demo people: one per role in every demo centre and the platform admin, with verified e-mail addresses.

Names are generic; none of them belongs to a person the seed pages mention.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from centrum.accounts.demo import PLATFORM_ADMIN_EMAIL, demo_email
from centrum.accounts.models import CentreRole, CentreRoleKind, Membership, MembershipRole
from centrum.core.models import Centre
from centrum.organisations.models import Organisation

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
    },
    "czestochowa": {
        "pracownik": "Monika Szymańska",
        "doradca": "Tomasz Woźniak",
        "urzednik": "Grażyna Kozłowska",
        "oceniajacy": "Adam Jankowski",
        "prezes": "Dorota Wojciechowska",
        "czlonek": "Rafał Kwiatkowski",
    },
    "myslowice": {
        "pracownik": "Natalia Krawczyk",
        "doradca": "Jacek Piotrowski",
        "urzednik": "Iwona Grabowska",
        "oceniajacy": "Robert Nowakowski",
        "prezes": "Elżbieta Pawłowska",
        "czlonek": "Damian Michalski",
    },
    "miechow": {
        "pracownik": "Renata Nowicka",
        "doradca": "Wojciech Adamczyk",
        "urzednik": "Halina Dudek",
        "oceniajacy": "Sławomir Zając",
        "prezes": "Barbara Wieczorek",
        "czlonek": "Mateusz Jabłoński",
    },
    "kalisz": {
        "pracownik": "Sylwia Majewska",
        "doradca": "Grzegorz Olszewski",
        "urzednik": "Ewelina Stępień",
        "oceniajacy": "Artur Malinowski",
        "prezes": "Marta Jaworska",
        "czlonek": "Bartosz Pawlak",
    },
}
PLATFORM_ADMIN_NAME = "Administrator Platformy"


class DemoPassword:
    """The demo password hashed once per run: hashing thirty times would cost seconds."""

    def __init__(self):
        self._hash = ""

    def __str__(self) -> str:
        if not self._hash:
            self._hash = make_password(settings.DEMO_PASSWORD)
        return self._hash


def ensure_user(email: str, full_name: str, password: DemoPassword, **flags):
    """The user with `email`, created (verified, with the demo password) when missing."""
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, full_name=full_name, **flags)
        user.password = str(password)
        user.full_clean()
        user.save()
    if not EmailAddress.objects.filter(user=user, email__iexact=email).exists():
        address = EmailAddress(user=user, email=email, verified=True, primary=True)
        address.full_clean()
        address.save()
    return user


def seed_platform_admin(password: DemoPassword):
    return ensure_user(PLATFORM_ADMIN_EMAIL, PLATFORM_ADMIN_NAME, password, is_staff=True, is_superuser=True)


def seed_centre_people(centre: Centre, password: DemoPassword) -> dict[str, object]:
    """{demo role key: user} for `centre`, with their roles in the centre."""
    users = {
        key: ensure_user(demo_email(key, centre.slug), full_name, password)
        for key, full_name in PEOPLE[centre.slug].items()
    }
    for key, role in CENTRE_ROLE_OF.items():
        if not CentreRole.objects.filter(centre=centre, user=users[key], role=role).exists():
            centre_role = CentreRole(centre=centre, user=users[key], role=role)
            centre_role.full_clean()
            centre_role.save()
    return users


def seed_memberships(centre: Centre, users: dict[str, object], organisations: list[Organisation]) -> None:
    """`prezes` runs two organisations and `czlonek` acts for the first of them and a third one,
    so both can switch between organisations."""
    first, second, third = organisations[:3]
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
