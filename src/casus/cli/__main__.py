"""``python -m casus.cli`` runs the CLI (used by the tests)."""

from casus.cli.main import main

main()
