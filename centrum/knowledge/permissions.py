"""Pure predicates: views, services, the API and the workflow engine all ask these, so they answer the same.

Staff of the centre edit the knowledge platform (portal editors); members of an organisation submit good
practices for it; any signed-in person may keep an opt-in leader's profile of their own."""

from centrum.core.permissions import is_centre_staff
from centrum.organisations.permissions import is_organisation_member

from .choices import ArticleStatus, PracticeStatus


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def can_edit_knowledge(user, centre) -> bool:
    return is_centre_staff(user, centre)


def can_moderate_practice(user, practice) -> bool:
    return is_centre_staff(user, practice.centre)


def can_submit_practice_for(user, organisation) -> bool:
    return is_centre_staff(user, organisation.centre) or is_organisation_member(user, organisation)


def is_practice_submitter(user, practice) -> bool:
    return _signed_in(user) and practice.submitted_by_id == user.pk


def can_view_practice(user, practice) -> bool:
    if practice.status == PracticeStatus.PUBLISHED:
        return True
    return is_practice_submitter(user, practice) or can_moderate_practice(user, practice)


def can_edit_article(user, article) -> bool:
    return is_centre_staff(user, article.centre)


def can_view_article(user, article) -> bool:
    return article.status == ArticleStatus.PUBLISHED or can_edit_article(user, article)


def can_keep_leader_profile(user) -> bool:
    return _signed_in(user)


def can_edit_leader(user, leader) -> bool:
    return _signed_in(user) and leader.user_id == user.pk


def can_view_leader(user, leader) -> bool:
    return leader.is_public or can_edit_leader(user, leader)
