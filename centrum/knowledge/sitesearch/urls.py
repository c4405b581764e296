"""The one search box of the public site, mounted in config/urls.py at /szukaj/."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [path("", views.search, name="search")]
