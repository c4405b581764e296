"""Spam protection for public forms anyone may send without an account, needing no outside service.

- `HumanCheckForm`: a field people never see (bots fill it: the honeypot) and a signed time stamp of when
  the form was shown: a form sent back within a few seconds, or after a day, is refused.
- `rate_limited()`: at most `limit` submissions per key (e.g. an address and the object commented on) in
  `window` seconds, counted in the default cache.
"""

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MIN_SECONDS, MAX_AGE = 3, 24 * 3600


def form_stamp(salt: str) -> str:
    return signing.TimestampSigner(salt=salt).sign(str(int(timezone.now().timestamp())))


class HumanCheckForm(forms.Form):
    """A base for public forms: subclasses set `stamp_salt` (one per form, so a stamp of one form does not
    pass another)."""

    stamp_salt = "centrum.public-form"
    # The honeypot: hidden by CSS and from screen readers, left empty by people.
    website = forms.CharField(label=gettext_lazy("Zostaw to pole puste"), required=False)
    stamp = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial["stamp"] = form_stamp(self.stamp_salt)

    def clean(self):
        data = super().clean()
        if data.get("website"):
            raise forms.ValidationError(_("Formularz wygląda na wysłany automatycznie; spróbuj ponownie."))
        try:
            shown = int(
                signing.TimestampSigner(salt=self.stamp_salt).unsign(
                    self.data.get("stamp", ""), max_age=MAX_AGE
                )
            )
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(
                _("Formularz wygasł: odśwież stronę i wyślij go jeszcze raz.")
            ) from None
        if timezone.now().timestamp() - shown < MIN_SECONDS:
            raise forms.ValidationError(
                _("Formularz wysłano zbyt szybko; sprawdź dane i wyślij go ponownie.")
            )
        return data


def client_address(request) -> str:
    """The address the request came from (the proxy in front sets REMOTE_ADDR to the client's)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limited(key: str, *, limit: int, window: int) -> bool:
    """Count one submission under `key`; True when more than `limit` were made within `window` seconds."""
    cache_key = f"rate:{key}"
    if cache.add(cache_key, 1, timeout=window):
        return limit < 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window)
        count = 1
    return count > limit
