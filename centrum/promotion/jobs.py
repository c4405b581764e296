"""Scheduled work of the app (autodiscovered by `centrum.core`): each job calls one service."""

# from datetime import timedelta
#
# from centrum.core.jobs import scheduled_per_centre
#
# from .services import items_expire
#
#
# A centre's work runs once per active centre, inside that centre's scope; a failure stays in its centre.
# @scheduled_per_centre("promotion.items_expire", every=timedelta(hours=1))
# def expire_items(centre):
#     return f"expired {items_expire(centre=centre)}"
