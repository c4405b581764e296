from django import forms
from django.utils.translation import gettext_lazy as _


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Plik CSV z listą organizacji"),
        help_text=_(
            "Kodowanie UTF-8 albo Windows-1250, kolumny oddzielone średnikiem lub przecinkiem, "
            "w pierwszym wierszu nagłówki (pobierz szablon)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
