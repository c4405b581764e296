"""Demo accounts: one per role in every demo centre, with one documented password (development only)."""

from django.utils.translation import gettext_lazy as _

PLATFORM_ADMIN_EMAIL = "admin@centrum.demo"

# (key, label); the key is the local part of the e-mail: <key>@<centre-slug>.demo
DEMO_ROLES = [
    ("pracownik", _("pracownik centrum")),
    ("doradca", _("doradca")),
    ("urzednik", _("urzędnik")),
    ("oceniajacy", _("członek komisji konkursowej")),
    ("prezes", _("administrator organizacji")),
    ("czlonek", _("członek organizacji")),
]


def demo_email(role_key: str, centre_slug: str) -> str:
    return f"{role_key}@{centre_slug}.demo"


def demo_accounts_for(centre_slug: str | None) -> list[tuple[str, str]]:
    """[(e-mail, role label)] shown on the login page in development."""
    if not centre_slug:
        return [(PLATFORM_ADMIN_EMAIL, str(_("administrator platformy")))]
    return [(demo_email(key, centre_slug), str(label)) for key, label in DEMO_ROLES]
