"""The one search box of the public site, mounted in config/urls.py at /szukaj/."""

from django.urls import path

from .views import search

app_name = "search"

urlpatterns = [path("", search.search, name="search")]
