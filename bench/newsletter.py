"""Newsletter at scale: an announcement to 20,000 organisations and a digest to 20,000 subscribers, through
the outbox, with time and peak memory.

    CENTRUM_PG_PORT=5485 CENTRUM_DATABASE_URL=$(CENTRUM_PG_PORT=5485 scripts/pg.sh start) \\
        sh -c 'uv run python manage.py migrate -v 0 && uv run python bench/newsletter.py'; \\
        CENTRUM_PG_PORT=5485 scripts/pg.sh stop

(or on SQLite: DATABASE_URL=sqlite:////tmp/newsletter-bench.sqlite3 after a migrate). It makes the centre
`bench-newsletter` (replacing an earlier one) with `--count` organisations (every one in field 1, one in ten
sharing an address with its neighbour) and as many confirmed weekly subscribers of a topic registered for the
run (40 items a week, half of them in field 1). Then it measures, each under tracemalloc:
  * the send: the recipients fixed (one row per address, streamed from the organisations),
  * the delivery: every batch (`newsletter.batch_size`, 500) handed to the outbox by `announcements_deliver`,
  * the digest: `digests_send`, which asks the topic once and stores the mail in chunks.
The same at `--count / 10` shows whether memory stays flat as the list grows tenfold.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.template.loader import get_template  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from centrum.accounts.models import CentreRoleKind  # noqa: E402
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory  # noqa: E402
from centrum.core import portal  # noqa: E402
from centrum.core.models import Centre, OutboxMessage  # noqa: E402
from centrum.core.scopes import centre_scope, platform_scope  # noqa: E402
from centrum.newsletter.models import Subscriber, Subscription  # noqa: E402
from centrum.newsletter.services import (  # noqa: E402
    announcement_create,
    announcement_send,
    announcements_deliver,
    digests_send,
)
from centrum.organisations.models import ActivityArea, Organisation  # noqa: E402

SLUG = "bench-newsletter"
CHUNK = 2000


def _items(centre, since, until):
    now = timezone.now()
    return [
        portal.TopicItem(
            title=f"Konkurs ofert nr {n}",
            url=f"https://example.org/konkursy/{n}/",
            published_at=now - timedelta(hours=4 * n + 1),
            summary="Otwarty konkurs ofert na realizację zadań publicznych w sferze pomocy społecznej.",
            fields=("1",) if n % 2 else (),
        )
        for n in range(40)
        if since <= now - timedelta(hours=4 * n + 1) < until
    ]


def build(count: int):
    with platform_scope("bench newsletter"):
        Centre.objects.filter(slug=SLUG).delete()
        centre = Centre.objects.create(slug=SLUG, name=f"Centrum testowe ({count})", short_name="Bench")
    with centre_scope(centre):
        staff = UserFactory(email=f"pracownik-{count}-{time.time_ns()}@bench.example.org")
        CentreRoleFactory(centre=centre, user=staff, role=CentreRoleKind.STAFF)
        area = ActivityArea.objects.get(code="1")
        through = Organisation.areas.through
        for start in range(0, count, CHUNK):
            orgs = Organisation.objects.bulk_create(
                Organisation(
                    centre=centre,
                    name=f"Stowarzyszenie nr {n}",
                    legal_form="stowarzyszenie",
                    registry_kind="krs_s",
                    status="active",
                    email=f"org{n - n % 2 if n % 10 == 1 else n}@bench.example.org",
                    name_sort=f"stowarzyszenie nr {n}",
                )
                for n in range(start, min(start + CHUNK, count))
            )
            through.objects.bulk_create(through(organisation_id=o.pk, activityarea_id=area.pk) for o in orgs)
        week_ago = timezone.now() - timedelta(days=8)
        for start in range(0, count, CHUNK):
            subscribers = Subscriber.objects.bulk_create(
                Subscriber(
                    centre=centre,
                    email=f"osoba{n}@bench.example.org",
                    status="active",
                    frequency="weekly",
                    confirmed_at=week_ago,
                    last_sent_at=week_ago,
                )
                for n in range(start, min(start + CHUNK, count))
            )
            Subscription.objects.bulk_create(
                Subscription(
                    centre=centre, subscriber=s, topic="bench.calls", fields=["1"] if s.pk % 3 else []
                )
                for s in subscribers
            )
    return centre, staff


def measure(label: str, func) -> dict:
    tracemalloc.start()
    tracemalloc.reset_peak()
    started = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"step": label, "seconds": seconds, "peak_mb": peak / 1024 / 1024, "result": result}


def run(count: int) -> list[dict]:
    centre, staff = build(count)
    rows = []
    with centre_scope(centre):
        announcement = announcement_create(
            centre=centre,
            actor=staff,
            data={"subject": "Spotkanie informacyjne", "body": "<p>Zapraszamy.</p>"},
        )
        rows.append(
            measure(
                "send (recipients fixed)",
                lambda: announcement_send(announcement=announcement, actor=staff).recipient_count,
            )
        )

        def deliver_all():
            batches = queued = 0
            while True:
                result = announcements_deliver(centre=centre)
                batches += 1
                queued += result["queued"]
                if result["finished"] or not result["queued"]:
                    return f"{queued} mails in {batches} runs of the job"

        rows.append(measure("delivery to the outbox (all batches)", deliver_all))
        mails = OutboxMessage.objects.filter(centre=centre).count()
        rows.append(measure("digest (weekly, one topic)", lambda: digests_send(centre=centre)))
        rows[-1]["result"] = (
            f"{rows[-1]['result']['mails']} mails; outbox now {OutboxMessage.objects.filter(centre=centre).count()} (announcement {mails})"
        )
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--out", default=str(Path(__file__).parent / "results" / "newsletter-latest.md"))
    args = parser.parse_args()
    # A running server has its URLs and templates loaded: their first import is not the mail's cost.
    reverse("newsletter:index")
    get_template("newsletter/emails/digest_to_subscriber.txt")
    with translation.override("pl"):
        translation.gettext("Newsletter")
    portal.register_newsletter_topic(
        portal.NewsletterTopic(key="bench.calls", label="Nabory", items=_items, by_fields=True)
    )
    lines = [
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {connection.vendor} (CPython {platform.python_version()}), "
        f"`uv run python bench/newsletter.py --count {args.count}`.",
        "",
        "| size | step | time | peak memory (tracemalloc) | result |",
        "|---:|---|---:|---:|---|",
    ]
    for count in (args.count // 10, args.count):
        for row in run(count):
            line = f"| {count} | {row['step']} | {row['seconds']:.2f} s | {row['peak_mb']:.1f} MB | {row['result']} |"
            print(line, flush=True)
            lines.append(line)
    with platform_scope("bench newsletter cleanup"):
        Centre.objects.filter(slug=SLUG).delete()
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
