"""``python -m casus.cli`` runs the CLI (used by the tests)."""

from casus.cli.main import main

if __name__ == "__main__":  # worker processes (--workers) import this module: do not rerun
    main()
