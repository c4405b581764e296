from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("zglos/", views.register, name="register"),
    path("weryfikacja/", views.verification_queue, name="verification_queue"),
]
