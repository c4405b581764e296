from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.opp import opp_default_year, opp_year_bounds


class OppListUploadForm(forms.Form):
    year = forms.IntegerField(
        label=_("Rok podatkowy wykazu"),
        help_text=_(
            "Wykaz za dany rok publikuje Dyrektor NIW-CRSO do 15 grudnia tego roku; obejmuje organizacje, "
            "którym można przekazać 1,5% podatku za ten rok."
        ),
        error_messages={"invalid": _("Podaj rok jako liczbę, np. 2024.")},
    )
    file = forms.FileField(
        label=_("Plik wykazu OPP (XLSX lub CSV)"),
        help_text=_(
            "Arkusz XLSX albo CSV (UTF-8 lub Windows-1250, kolumny oddzielone średnikiem lub przecinkiem). "
            "Wymagane kolumny: numer KRS i nazwa; NIP oraz gmina, powiat lub siedziba są pomocne."
        ),
        error_messages={"required": _("Wybierz plik wykazu."), "empty": _("Plik jest pusty.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        first, last = opp_year_bounds()
        self.fields["year"].initial = opp_default_year()
        self.fields["year"].widget.attrs.update({"min": first, "max": last, "inputmode": "numeric"})
        self._bounds = (first, last)

    def clean_year(self):
        year = self.cleaned_data["year"]
        first, last = self._bounds
        if not first <= year <= last:
            raise forms.ValidationError(
                _("Podaj rok podatkowy od %(first)d do %(last)d."), params={"first": first, "last": last}
            )
        return year


class OppListApplyForm(forms.Form):
    clear_missing = forms.BooleanField(
        label=_("Odbierz status OPP organizacjom z rejestru, których nie ma na wykazie"),
        required=False,
        initial=True,
    )
