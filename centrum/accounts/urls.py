from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profil/", views.profile, name="profile"),
    path("organizacja-aktywna/", views.set_active_organisation, name="set_active_organisation"),
    path("tokeny-api/", views.api_tokens, name="api_tokens"),
    path("tokeny-api/<int:pk>/uniewaznij/", views.api_token_revoke, name="api_token_revoke"),
    path("zespol/", views.team, name="team"),
    path("zespol/role/<int:pk>/usun/", views.team_role_remove, name="team_role_remove"),
    path(
        "zespol/zaproszenia/<int:pk>/akcja/<slug:action>/",
        views.team_invitation_action,
        name="team_invitation_action",
    ),
    path("organizacje/<int:pk>/czlonkowie/", views.members, name="members"),
    path(
        "organizacje/<int:pk>/czlonkowie/<int:membership_pk>/rola/",
        views.member_role,
        name="member_role",
    ),
    path(
        "organizacje/<int:pk>/czlonkowie/<int:membership_pk>/usun/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "organizacje/<int:organisation_pk>/zaproszenia/<int:pk>/akcja/<slug:action>/",
        views.member_invitation_action,
        name="member_invitation_action",
    ),
    path("zaproszenia/<str:token>/", views.invitation_accept, name="invitation_accept"),
]
