"""Scheduled work of the newsletter: each job calls one service, once per active centre in its scope."""

from datetime import timedelta

from centrum.core.jobs import scheduled_per_centre

from .services import announcements_deliver, digests_send


@scheduled_per_centre("newsletter.deliver", every=timedelta(minutes=1))
def deliver_announcements(centre):
    """Start due announcements and hand the next batch of each one's mail to the outbox."""
    return "started {started}, queued {queued}, finished {finished}".format(
        **announcements_deliver(centre=centre)
    )


@scheduled_per_centre("newsletter.digests", every=timedelta(hours=1))
def send_digests(centre):
    """Mail subscribers whose turn it is (each new item / the weekly digest) what their topics published."""
    return "subscribers {subscribers}, mails {mails}".format(**digests_send(centre=centre))
