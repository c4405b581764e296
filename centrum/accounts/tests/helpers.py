import re

from django.urls import reverse

from centrum.core.models import OutboxMessage

PASSWORD = "correct-horse-battery"


def login_via_form(client, email: str, password: str = PASSWORD):
    """Sign in through allauth's form (so allauth records a fresh authentication)."""
    return client.post(reverse("account_login"), {"login": email, "password": password})


def last_mail_to(email: str) -> OutboxMessage:
    return OutboxMessage.objects.filter(to__icontains=email).order_by("-id").first()


def link_in(body: str, fragment: str) -> str:
    match = re.search(r"https?://\S*" + re.escape(fragment) + r"\S*", body)
    assert match, f"no link with {fragment!r} in:\n{body}"
    return match.group(0)


def h1_count(response) -> int:
    return response.content.decode().count("<h1")
