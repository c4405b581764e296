from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import CentreRoleKind, MembershipRole


class CentreRoleGrantForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail osoby"),
        max_length=254,
        help_text=_("Jeśli ta osoba nie ma jeszcze konta, wyślemy jej zaproszenie do rejestracji."),
    )
    role = forms.ChoiceField(label=_("Rola"), choices=CentreRoleKind.choices)


class MembershipInviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail osoby"), max_length=254)
    role = forms.ChoiceField(label=_("Rola"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER)


class MembershipRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rola"), choices=MembershipRole.choices)

    def __init__(self, *args, membership=None, **kwargs):
        super().__init__(*args, **kwargs)
        if membership is not None:
            self.prefix = f"m{membership.pk}"
            self.fields["role"].initial = membership.role


class ActiveOrganisationForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Działam w imieniu"), coerce=int)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(org.pk, org.name) for org in organisations]


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Nazwa tokenu"),
        max_length=100,
        help_text=_("Po nazwie rozpoznasz, do czego służy token, np. „Eksport do arkusza”."),
    )


class ProfileForm(forms.Form):
    full_name = forms.CharField(
        label=_("Imię i nazwisko"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Telefon"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    language = forms.ChoiceField(label=_("Język wiadomości e-mail"), choices=settings.LANGUAGES)
