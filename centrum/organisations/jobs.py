"""Scheduled work of the organisation registry (autodiscovered by `centrum.core`)."""

from datetime import timedelta

from centrum.core.jobs import scheduled

from .services import import_batches_process


@scheduled("organisations.import_batches", every=timedelta(seconds=5))
def process_import_batches():
    """Check large uploaded CSV files chunk by chunk and run the imports staff queued."""
    return import_batches_process()
