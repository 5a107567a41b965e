"""The rejects file: one JSON line per record that was not coded, with where it came
from (file and line or row), its id, and the error's code, message and fix."""

from __future__ import annotations

import json
import posixpath
from typing import Any

import pyarrow as pa

from ..coder import Rejected
from ..errors import E028, BatchError
from ..io.readers import Unreadable
from .locations import Location


def reject_line(item: Rejected | Unreadable) -> dict[str, Any]:
    return {"where": item.origin, "id": item.id, **item.error.to_dict()}


class RejectsFile:
    """Writes reject lines to a JSONL file on any filesystem. The file is made when the
    run starts, so a run without rejects leaves an empty one."""

    def __init__(self, location: Location) -> None:
        self.location = location
        self.count = 0
        try:
            location.filesystem.create_dir(posixpath.dirname(location.path), recursive=True)
            self._stream = location.filesystem.open_output_stream(location.path)
        except (pa.ArrowException, OSError) as exc:
            problem = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else \
                type(exc).__name__
            raise BatchError(E028, location=location.display,
                             problem=f"cannot write the rejects file ({problem})") from exc

    def write(self, line: dict[str, Any]) -> None:
        self.count += 1
        self._stream.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))

    def report(self, item: Rejected | Unreadable) -> None:
        self.write(reject_line(item))

    def close(self) -> None:
        self._stream.close()

    def __enter__(self) -> RejectsFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
