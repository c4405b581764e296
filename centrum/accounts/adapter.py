from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context

from centrum.core.outbox import outbox_enqueue_rendered


class AccountAdapter(DefaultAccountAdapter):
    """allauth, the Centrum way: mail goes through the durable outbox, subjects name the centre,
    and a verified e-mail collects the centre roles it was invited to."""

    def format_email_subject(self, subject: str) -> str:
        centre = getattr(allauth_context.request, "centre", None)
        prefix = (centre.short_name or centre.name) if centre is not None else "Centrum"
        return f"[{prefix}] {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": _Site(request)}
        ctx.update(context)
        message = self.render_mail(template_prefix, email, ctx)
        html_body = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            "",
        )
        if message.content_subtype == "html":
            body, html_body = "", message.body
        else:
            body = message.body
        outbox_enqueue_rendered(
            centre=getattr(request, "centre", None),
            to=message.to,
            subject=message.subject,
            body=body,
            html_body=html_body,
            event=template_prefix.rsplit("/", 1)[-1],
        )

    def set_password(self, user, password: str) -> None:
        """A new password (reset by e-mail or changed) also lifts a login lockout of that account."""
        from allauth.account.models import EmailAddress
        from axes.utils import reset as axes_reset

        super().set_password(user, password)
        emails = {user.email.lower()}
        emails |= {e.lower() for e in EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
        for email in emails:
            axes_reset(username=email)

    def confirm_email(self, request, email_address) -> bool:
        from .services import centre_role_invitations_accept_for_email

        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            centre_role_invitations_accept_for_email(user=email_address.user, email=email_address.email)
        return confirmed


class _Site:
    """What allauth's mail templates call `current_site`: the centre's name and the host in use."""

    def __init__(self, request):
        centre = getattr(request, "centre", None)
        self.domain = request.get_host() if request is not None else ""
        self.name = centre.name if centre is not None else "Centrum"

    def __str__(self):
        return self.name
