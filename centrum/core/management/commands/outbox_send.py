from django.core.management.base import BaseCommand

from centrum.core.outbox import outbox_send_all_due, outbox_send_due


class Command(BaseCommand):
    help = "Send the e-mail outbox once: every message that is due (retries included), then exit."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", action="store_true", help="Send a single batch (OUTBOX_BATCH_SIZE) instead of all."
        )

    def handle(self, *args, batch: bool = False, **options):
        result = outbox_send_due() if batch else outbox_send_all_due()
        self.stdout.write("outbox: sent {sent}, retry later {retry}, failed {failed}".format(**result))
