"""A dyad's relation over time as a chart: events per period by quad class (stacked
bars, cooperation above the axis, conflict below) and the mean Goldstein score (a line
on its own axis). Drawn with matplotlib's Agg backend: no display needed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..errors import E026, StoreError
from .queries import QUADS

FORMATS = (".png", ".svg")
COLOURS = {"statement": "#9e9e9e", "verbal_cooperation": "#64b5f6",
           "material_cooperation": "#1565c0", "verbal_conflict": "#ef9a9a",
           "material_conflict": "#c62828"}
CONFLICT = frozenset({"verbal_conflict", "material_conflict"})


def _next(day: dt.date, period: str) -> dt.date:
    """The first day of the period after the one starting on `day`."""
    if period == "day":
        return day + dt.timedelta(days=1)
    if period == "week":
        return day + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def plot_dyad(timeline: list[dict[str, Any]], first: str, second: str, path: Path, *,
              period: str = "week") -> None:
    """Draw the timeline of `dyad_timeline` (made with the same `period`) to a .png or
    .svg file: each bar one period wide, the legend below the plot, a zero line, and
    events planned for later (with `planned=True`) as hatched bars of their own."""
    if path.suffix.lower() not in FORMATS:
        raise StoreError(E026, path=path, problem="the name must end in .png or .svg")
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import pyplot
        from matplotlib.ticker import MaxNLocator
    except ImportError as exc:
        raise StoreError(E026, path=path, problem="matplotlib is not installed") from exc
    figure, bars = pyplot.subplots(figsize=(10, 4.8), dpi=100)
    try:
        periods = [row["period"] for row in timeline]
        # each bar as wide as its own period (a week is 7 days, a month 28 to 31), less a
        # gap, so that bars never run over their neighbours whatever the gaps between
        # the periods that have events
        widths = [max(0.6, (_next(p, period) - p).days * 0.8) for p in periods]
        # centred in their period, so that the line's points sit on the bars
        centres = [p + (_next(p, period) - p) / 2 for p in periods]
        above = [0] * len(periods)
        below = [0] * len(periods)
        for quad in QUADS:
            counts = [row[quad] for row in timeline]
            if quad in CONFLICT:
                bars.bar(centres, [-c for c in counts], widths, bottom=[-b for b in below],
                         color=COLOURS[quad], label=quad.replace("_", " "))
                below = [b + c for b, c in zip(below, counts, strict=True)]
            else:
                bars.bar(centres, counts, widths, bottom=above, color=COLOURS[quad],
                         label=quad.replace("_", " "))
                above = [a + c for a, c in zip(above, counts, strict=True)]
        if any(row.get("planned") for row in timeline):
            bars.bar(centres, [row.get("planned") or 0 for row in timeline], widths,
                     bottom=above, fill=False, hatch="//", edgecolor="#555555",
                     linewidth=0.6, label="planned (dated after the article)")
        bars.axhline(0, color="black", linewidth=0.9, zorder=3)
        bars.set_ylabel("events (conflict below the line)")
        # the Goldstein zero on the bars' zero line: each side keeps a quarter or more
        # of the height, and the Goldstein axis reaches -10 and +10 on its own side
        high = 1.1 * max([1, *(a + (row.get("planned") or 0)
                               for a, row in zip(above, timeline, strict=True))])
        low = 1.1 * max([0.5, *below])
        share = min(0.75, max(0.25, low / (low + high)))  # of the height below zero
        total = max(high / (1 - share), low / share)
        bars.set_ylim(-share * total, (1 - share) * total)
        bars.yaxis.set_major_locator(MaxNLocator(integer=True))
        scores = bars.twinx()
        scores.plot(centres, [row["goldstein"] for row in timeline], color="black",
                    marker="o", markersize=3, linewidth=1.2, label="mean Goldstein")
        scores.set_ylim(-10 * max(1, share / (1 - share)), 10 * max(1, (1 - share) / share))
        scores.set_yticks([-10, -5, 0, 5, 10])
        scores.set_ylabel("mean Goldstein score")
        bars.set_title(f"{first} - {second}: events per {period}")
        if periods:
            bars.set_xlim(periods[0] - (centres[0] - periods[0]) * 0.4,
                          _next(periods[-1], period) + (centres[-1] - periods[-1]) * 0.4)
        handles = bars.get_legend_handles_labels()
        more = scores.get_legend_handles_labels()
        # below the axes, outside the data
        figure.legend(handles[0] + more[0], handles[1] + more[1], loc="lower center",
                      fontsize="small", ncols=4, frameon=False)
        figure.autofmt_xdate()
        figure.tight_layout(rect=(0, 0.12, 1, 1))
        try:
            figure.savefig(path, format=path.suffix.lower().lstrip("."))
        except OSError as exc:
            raise StoreError(E026, path=path, problem=exc.strerror or str(exc)) from exc
    finally:
        pyplot.close(figure)
