from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("dostepnosc/", views.accessibility, name="accessibility"),
    path("wyglad/", views.ui_preferences, name="ui_preferences"),
    path("panel/", views.staff_dashboard, name="staff_dashboard"),
]
