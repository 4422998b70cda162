"""The HTTP JSON API and the dashboard's server (docs/http.md). Needs the ``web`` extra.

from casus.api import create_app
app = create_app("casus.duckdb")      # an ASGI app: `casus serve` runs it with uvicorn
"""

from __future__ import annotations

from casus.api.app import MAX_CODE_CHARS, TOKEN_ENV, create_app

__all__ = ["MAX_CODE_CHARS", "TOKEN_ENV", "create_app"]
