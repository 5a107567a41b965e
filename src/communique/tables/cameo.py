"""The CAMEO event codes with their Goldstein weights, quad classes and PLOVER types."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..errors import E003, TableError
from .loader import TableRow, package_file, read_tsv

PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

# The modes the PLOVER 2.0 manual defines for each type.
PLOVER_MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "censor", "curfew", "martial-law", "arrest",
                         "deport", "withhold", "misinformation", "cyber"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "sexual", "targeted", "destroy",
                          "primitive", "firearms", "explosives", "suicide-attack", "aerial",
                          "drone", "heavy-weapons", "crowd-control", "unconventional"}),
}
PLOVER_TYPES: tuple[str, ...] = tuple(PLOVER_MODES)


class CameoRow(TableRow):
    code: str = Field(pattern=r"^\d{2,4}$")
    name: str
    goldstein: float = Field(ge=-10, le=10)
    root: str = Field(pattern=r"^\d{2}$")
    quad: int = Field(ge=0, le=4)
    plover_type: PloverType | None = None
    plover_mode: str | None = None

    @field_validator("root")
    @classmethod
    def _root_in_range(cls, root: str) -> str:
        if not 1 <= int(root) <= 20:
            raise ValueError("CAMEO roots run from 01 to 20")
        return root

    @model_validator(mode="after")
    def _consistent(self) -> CameoRow:
        if not self.code.startswith(self.root):
            raise ValueError(f"code {self.code} does not start with its root {self.root}")
        if self.plover_mode is not None:
            if self.plover_type is None:
                raise ValueError("a PLOVER mode needs a PLOVER type")
            check_mode(self.plover_type, self.plover_mode)
        return self


def check_mode(plover_type: str, mode: str) -> None:
    if mode not in PLOVER_MODES[plover_type]:
        allowed = ", ".join(sorted(PLOVER_MODES[plover_type])) or "none"
        raise ValueError(f"{mode!r} is not a PLOVER {plover_type} mode (allowed: {allowed})")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    root: str
    quad: int
    plover_type: str | None
    plover_mode: str | None


class CameoTable:
    """CAMEO codes by code. Knows each code's root, weight, quad class and PLOVER type."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    @classmethod
    def load(cls, path: Path | None = None) -> CameoTable:
        path = path or package_file("cameo.tsv")
        codes: dict[str, CameoCode] = {}
        for line, row in read_tsv(path, CameoRow):
            if row.code in codes:
                raise TableError(E003, path=path, line=line, problem=f"code {row.code} twice")
            codes[row.code] = CameoCode(row.code, row.name, row.goldstein, row.root, row.quad,
                                        row.plover_type, row.plover_mode)
        missing = [f"{r:02d}" for r in range(1, 21) if f"{r:02d}" not in codes]
        if missing:
            raise TableError(E003, path=path, line=0, problem=f"roots missing: {missing}")
        return cls(codes)

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __getitem__(self, code: str) -> CameoCode:
        return self._codes[code]

    def __iter__(self):
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)
