"""Mounted in config/urls.py at `promocja/`: the index, the organisation's "Wizytówka" form, companies
(CSR), public bodies' activation offers and the 1.5 % page."""

from django.urls import path

from .views import activation, companies, opp, pages

app_name = "promotion"

urlpatterns = [
    path("", pages.index, name="index"),
    path("organizacje/<int:organisation_pk>/wizytowka/", pages.page_edit, name="page_edit"),
    path("wizytowki/<int:pk>/akcja/<slug:action>/", pages.page_action, name="page_action"),
    path("firmy/", companies.company_list, name="company_list"),
    path("firmy/zglos/", companies.company_propose_view, name="company_propose"),
    path("firmy/zglos/wyslano/", companies.company_proposed, name="company_proposed"),
    path("firmy/nowa/", companies.company_new, name="company_new"),
    path("firmy/moderacja/", companies.company_queue, name="company_queue"),
    path("firmy/<int:pk>/", companies.company_detail, name="company_detail"),
    path("firmy/<int:pk>/edytuj/", companies.company_edit, name="company_edit"),
    path("firmy/<int:pk>/akcja/<slug:action>/", companies.company_action, name="company_action"),
    path("aktywizacja/", activation.activation_list, name="activation_list"),
    path("aktywizacja/nowa/", activation.activation_new, name="activation_new"),
    path("aktywizacja/<int:pk>/", activation.activation_detail, name="activation_detail"),
    path("aktywizacja/<int:pk>/edytuj/", activation.activation_edit, name="activation_edit"),
    path("aktywizacja/<int:pk>/usun/", activation.activation_delete, name="activation_delete"),
    path("1-5-procent/", opp.opp_list, name="opp_list"),
    path("1-5-procent.csv", opp.opp_csv, name="opp_csv"),
]
