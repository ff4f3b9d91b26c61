"""Who runs this crawl, as the papers see it: the contact in the User-Agent.

Set it once, for every command: ``--contact`` on the command line, else the VNNEWS_CONTACT environment variable,
else ``contact = …`` under ``[vnnews]`` in vnnews.ini (looked for in $VNNEWS_CONFIG, ./vnnews.ini and
~/.config/vnnews/vnnews.ini). The built-in contact is a placeholder: crawling the real sites needs your own.
"""

from __future__ import annotations

import configparser
import os
from importlib.metadata import version
from pathlib import Path

PLACEHOLDER_CONTACT = "https://github.com/vnnews/vnnews"


def config_files() -> list[Path]:
    named = os.environ.get("VNNEWS_CONFIG")
    return [Path(named)] if named else [Path("vnnews.ini"), Path.home() / ".config" / "vnnews" / "vnnews.ini"]


def operator_contact(given: str | None) -> str:
    """The contact to send: the one given, else the environment's, else the config file's, else the placeholder."""
    if given:
        return given
    if os.environ.get("VNNEWS_CONTACT"):
        return os.environ["VNNEWS_CONTACT"]
    for path in config_files():
        config = configparser.ConfigParser()
        try:
            config.read(path, encoding="utf-8")  # a missing or unreadable file reads as empty
        except (OSError, configparser.Error):
            continue
        if config.get("vnnews", "contact", fallback=None):
            return config.get("vnnews", "contact")
    return PLACEHOLDER_CONTACT


def user_agent(contact: str) -> str:
    return f"vnnews/{version('vnnews')} (+{contact}; news archive crawler)"
