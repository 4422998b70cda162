"""The casus version, in one place (recorded with stored events and in exports)."""

from __future__ import annotations

__version__ = "0.12.0"
