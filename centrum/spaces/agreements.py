"""The loan agreement (umowa użyczenia sprzętu) as a PDF, rendered by WeasyPrint from an HTML template."""

from django.template.loader import render_to_string
from django.utils import translation

from centrum.core.centre_settings import CentreSettings


def loan_agreement_html(*, loan) -> str:
    with translation.override("pl"):
        return render_to_string(
            "spaces/loan_agreement.html",
            {
                "loan": loan,
                "centre": loan.centre,
                "organisation": loan.organisation,
                "items": list(loan.items.select_related("item")),
                "centre_rules": CentreSettings(loan.centre)["spaces.loan_rules"],
                "days": (loan.due_on - loan.starts_on).days + 1,
            },
        )


def loan_agreement_pdf(*, loan, base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    return HTML(string=loan_agreement_html(loan=loan), base_url=base_url).write_pdf()
