"""CSV import of organisations by staff: upload → row-by-row check → import all or nothing.

The lists cities keep today come from Excel: UTF-8 (with or without BOM) or Windows-1250, separated by
semicolons or commas, with headers written by hand. File-level problems (encoding, separator, missing
columns, limits) are refused at upload and nothing is stored. Row-level problems are listed on the preview
page with row number, column and a message. Rows are checked in chunks, each in its own short transaction
that commits the progress counter, so the preview page (another connection) can show progress; large files
are checked and imported by the `organisations.import_batches` job.

The import itself creates each organisation with `organisation_create` inside one transaction: the same
normalisation, validation and duplicate checks as a form, one audit entry per organisation (its history
shows it came from this file and row), and nothing at all is stored if any row fails.

Reading the list is `parse`, checking rows `check` (the yearly OPP list is read by `opp_list`); the batch and the import itself are services
(`centrum.organisations.services.imports`).
"""

from .check import IMPORT_ERROR_MESSAGES, RowChecker, import_error, import_error_message
from .parse import COLUMN_BY_KEY, COLUMNS, Column, ParsedFile, parse_csv, template_csv

__all__ = [
    "COLUMNS",
    "COLUMN_BY_KEY",
    "IMPORT_ERROR_MESSAGES",
    "Column",
    "ParsedFile",
    "RowChecker",
    "import_error",
    "import_error_message",
    "parse_csv",
    "template_csv",
]
