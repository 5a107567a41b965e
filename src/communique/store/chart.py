"""A dyad's relation over time as a chart: events per period by quad class (stacked
bars, cooperation above the axis, conflict below) and the mean Goldstein score (a line
on its own axis). Drawn with matplotlib's Agg backend: no display needed."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

from ..errors import E026, StoreError
from .queries import QUADS

FORMATS = (".png", ".svg")
COLOURS = {"statement": "#9e9e9e", "verbal_cooperation": "#64b5f6",
           "material_cooperation": "#1565c0", "verbal_conflict": "#ef9a9a",
           "material_conflict": "#c62828"}
CONFLICT = frozenset({"verbal_conflict", "material_conflict"})


def plot_dyad(timeline: list[dict[str, Any]], first: str, second: str, path: Path) -> None:
    """Draw the timeline of `dyad_timeline` to a .png or .svg file."""
    if path.suffix.lower() not in FORMATS:
        raise StoreError(E026, path=path, problem="the name must end in .png or .svg")
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
    except ImportError as exc:
        raise StoreError(E026, path=path, problem="matplotlib is not installed") from exc
    figure, bars = pyplot.subplots(figsize=(10, 4.5), dpi=100)
    try:
        periods = [row["period"] for row in timeline]
        width = 5 if len(periods) < 2 else max(1, min(
            (b - a).days for a, b in pairwise(periods)) * 0.8)
        above = [0] * len(periods)
        below = [0] * len(periods)
        for quad in QUADS:
            counts = [row[quad] for row in timeline]
            if quad in CONFLICT:
                bars.bar(periods, [-c for c in counts], width, bottom=[-b for b in below],
                         color=COLOURS[quad], label=quad.replace("_", " "))
                below = [b + c for b, c in zip(below, counts, strict=True)]
            else:
                bars.bar(periods, counts, width, bottom=above, color=COLOURS[quad],
                         label=quad.replace("_", " "))
                above = [a + c for a, c in zip(above, counts, strict=True)]
        bars.axhline(0, color="black", linewidth=0.6)
        bars.set_ylabel("events (conflict below the line)")
        scores = bars.twinx()
        scores.plot(periods, [row["goldstein"] for row in timeline], color="black",
                    marker="o", markersize=3, linewidth=1.2, label="mean Goldstein")
        scores.set_ylim(-10, 10)
        scores.set_ylabel("mean Goldstein score")
        bars.set_title(f"{first} - {second}: events per period")
        handles = bars.get_legend_handles_labels()
        more = scores.get_legend_handles_labels()
        bars.legend(handles[0] + more[0], handles[1] + more[1], loc="upper left",
                    fontsize="small", ncols=3)
        figure.autofmt_xdate()
        figure.tight_layout()
        try:
            figure.savefig(path, format=path.suffix.lower().lstrip("."))
        except OSError as exc:
            raise StoreError(E026, path=path, problem=exc.strerror or str(exc)) from exc
    finally:
        pyplot.close(figure)
