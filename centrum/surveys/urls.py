"""Mounted in config/urls.py under "ankiety/"."""

from django.urls import path

from .views import answering, builder, index, results
from .views.common import SurveyActionView

app_name = "surveys"

urlpatterns = [
    path("", answering.index, name="index"),
    path("zarzadzanie/", builder.manage, name="manage"),
    path("nowa/", builder.survey_new, name="new"),
    path("gotowe/<str:kind>/", builder.ready_new, name="ready_new"),
    path("<int:pk>/", builder.survey_detail, name="detail"),
    path("<int:pk>/edytuj/", builder.survey_edit, name="edit"),
    path("<int:pk>/sekcje/", builder.section_new, name="section_new"),
    path("<int:pk>/pytania/", builder.question_new, name="question_new"),
    path("pytania/<int:pk>/usun/", builder.question_delete, name="question_delete"),
    path("<int:pk>/kopiuj/", builder.copy, name="copy"),
    path("<int:pk>/akcja/<str:action>/", SurveyActionView.as_view(), name="action"),
    path("<int:pk>/wypelnij/", answering.answer, name="answer"),
    path("<int:pk>/wyniki/", results.results, name="results"),
    path("<int:pk>/wyniki/odpowiedzi.<str:fmt>", results.export, name="export"),
    path("indeks/", index.overview, name="index_overview"),
    path("indeks/<int:year>/", index.year, name="index_year"),
    path("indeks/wartosci-docelowe/", index.targets, name="targets"),
]
