"""Reports of errors on the public site ("Zgłoś błąd"): stored for staff and mailed to them."""

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, snapshot
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.roles import STAFF, role_backend

from ..audit_labels import NewsAudit
from ..models import ErrorReport
from .common import clean_text


def staff_addresses(centre: Centre) -> list[str]:
    addresses = [centre.email] if centre.email else []
    addresses += sorted({row.user.email for row in role_backend().holders(centre, STAFF) if row.user.email})
    return list(dict.fromkeys(addresses))


def page_path(value: str) -> str:
    """Only a path of this site is kept (never another site's address)."""
    value = clean_text(value)
    if not value.startswith("/") or value.startswith("//"):
        return ""
    return value[:500]


@transaction.atomic
def error_report_create(
    *, centre: Centre, actor, page_url: str, message: str, email: str = ""
) -> ErrorReport:
    report = ErrorReport(
        centre=centre, page_url=page_path(page_url), message=clean_text(message), email=clean_text(email)
    )
    if not report.page_url:
        raise ApplicationError(_("Podaj adres strony z tej witryny (zaczyna się od „/”)."), field="page_url")
    if not report.message:
        raise ApplicationError(_("Opisz błąd."), field="message")
    full_clean_or_raise(report)
    report.save()
    audit_log(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        obj=report,
        action=NewsAudit.REPORT_CREATED,
        new=snapshot(report, ["page_url"]),
    )
    addresses = staff_addresses(centre)
    if addresses:
        outbox_enqueue(
            centre=centre,
            to=addresses,
            template="news/emails/error_report_to_staff",
            context={"report": report},
            reply_to=report.email,
        )
    return report
