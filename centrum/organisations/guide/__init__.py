"""The guided path for people founding an organisation ("Zakładam organizację"): a sub-feature with no
models and its own public pages (`/organizacje/zakladam/`).

`data` declares the questions, legal forms and steps; `path` reads them (recommendation, checklists,
steps kept in the session); `views` and `urls` are the pages. Every name of `data` and `path` is
re-exported here: `from centrum.organisations.guide import FORMS, recommend`.
"""

from .path import *  # noqa: F403
from .path import __all__  # noqa: F401
