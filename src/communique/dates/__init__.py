"""When: date expressions found in news text and resolved against the publication date."""

from .expressions import Dateline, Expression, find_dateline, find_expressions
from .resolve import iso, resolve

__all__ = ["Dateline", "Expression", "find_dateline", "find_expressions", "iso", "resolve"]
