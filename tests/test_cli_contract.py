"""Contract: every CLI command has help text and a section in docs/cli.md."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from casus.cli.main import cli
from conftest import ROOT

COMMANDS = sorted(cli.commands)
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")


def test_the_cli_has_the_documented_commands() -> None:
    assert {
        "code",
        "eval",
        "ingest",
        "timeline",
        "dyad",
        "alerts",
        "network",
        "export",
        "sql",
    } <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_text(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0 and len(cli.commands[name].help or "") > 20
    assert "Usage: " in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_the_cli_docs(name: str) -> None:
    assert f"casus {name}" in CLI_DOC
