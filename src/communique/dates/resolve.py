"""Resolving date expressions to calendar dates against the publication date.

`resolve(expression, anchor, tense)` gives `(date, date_end)`: a day (`date_end` None)
or an interval (both set), or None when the words do not fix a date. The rules:

- The anchor is the publication date (or the dateline's date). Without one, relative
  expressions ("on Monday", "last week", "in November") stay unresolved; explicit ones
  ("4 February 2026", "2026-02-04", "in 2025") still resolve.
- Tense decides direction. A weekday is the most recent such day up to the anchor in the
  past tense or when the tense is unknown (news reports what happened), the next one from
  the anchor in the future tense; the anchor's own weekday is the anchor itself. "last
  Monday" is strictly before, "next Monday" strictly after.
- A month, quarter, half or season without a year is the latest one that has begun by the
  anchor (past tense), the earliest that has not ended (future), or the nearest to the
  anchor (tense unknown): in an article of 2026-12-30, "will meet in January" is 2027-01.
  "of the year" and "this year" fix the anchor's year. A day and month without a year
  ("on Nov 3") follow the same rule.
- Weeks run Monday to Sunday. "early", "mid", "late" are the first, middle and last
  thirds of a month (1-10, 11-20, 21-end) or a year (Jan-Apr, May-Aug, Sep-Dec); "the
  end of the year" is December, "the end of the month" its last ten days. Seasons are the
  northern meteorological ones (spring = March-May; winter = December-February).
- Numeric dates: 2026-02-04 is ISO. 04/05/2026 is read month first, unless a number over
  12 says otherwise (13/05/2026 is 13 May); when both readings are possible, the one
  nearer the publication date wins, and without a publication date month first (the
  wire-copy convention). Dotted dates (04.05.2026) are day first, as in Europe.
- Impossible dates (February 30, month 13) and years outside 1..9999 resolve to None;
  nothing here raises for what a text says.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, timedelta

from .expressions import Expression

Interval = tuple[date, date | None]
PAST, FUTURE = "past", "future"

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}
THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def resolve(expression: Expression, anchor: date | None, tense: str | None = None
            ) -> Interval | None:
    """The date or interval an expression means, or None when it cannot be known."""
    rule = _RULES.get(expression.kind)
    if rule is None:
        return None
    try:
        return rule(expression, anchor, tense)
    except (ValueError, OverflowError):
        return None  # February 30, year 0, a shift past year 9999


def _point(expression: Expression, anchor: date | None, tense: str | None) -> Interval | None:
    month, day = expression.month, expression.day
    if month is None or day is None:
        return None
    if expression.year is not None:
        return date(expression.year, month, day), None
    if anchor is None:
        return None
    date(2000, month, day)  # raises for days no month has (February 30)
    year = _pick_year(lambda y: _day(y, month, day), lambda y: _day(y, month, day),
                      anchor, tense)
    return date(year, month, day), None  # raises for February 29 of a common year


def _dateline(expression: Expression, anchor: date | None, tense: str | None
              ) -> Interval | None:
    """A dateline is the day the story was filed: on or shortly before publication."""
    return _point(expression, anchor, PAST)


def _numeric(expression: Expression, anchor: date | None, tense: str | None
             ) -> Interval | None:
    a, b = int(expression.extra["a"]), int(expression.extra["b"])
    year = expression.year or 0
    readings = []
    orders = [(b, a), (a, b)] if expression.extra.get("sep") == "." else [(a, b), (b, a)]
    for month, day in orders:
        try:
            readings.append(date(year, month, day))
        except ValueError:
            continue
    if not readings:
        return None
    if anchor is not None and len(readings) == 2:
        return min(readings, key=lambda d: abs((d - anchor).days)), None
    return readings[0], None


def _month(expression: Expression, anchor: date | None, tense: str | None) -> Interval | None:
    month = expression.month
    if month is None:
        return None
    if expression.year is not None:
        year = expression.year
    elif anchor is None:
        return None
    elif expression.shift == 0:
        year = anchor.year
    elif expression.shift is not None:
        year = _pick_year(lambda y: date(y, month, 1), lambda y: _month_end(y, month),
                          anchor, PAST if expression.shift < 0 else FUTURE, strict=True)
    else:
        year = _pick_year(lambda y: date(y, month, 1), lambda y: _month_end(y, month),
                          anchor, tense)
    first, last = date(year, month, 1), _month_end(year, month)
    if expression.part in THIRDS:
        low, high = THIRDS[expression.part]
        return first.replace(day=low), min(last, first.replace(day=min(high, last.day)))
    return first, last


def _year(expression: Expression, anchor: date | None, tense: str | None) -> Interval | None:
    if expression.year is None:
        return None
    return _year_part(expression.year, expression.part)


def _year_part(year: int, part: str | None) -> Interval:
    if part in YEAR_THIRDS:
        low, high = YEAR_THIRDS[part]
        return date(year, low, 1), _month_end(year, high)
    if part == "edge-late":
        return date(year, 12, 1), date(year, 12, 31)
    if part == "edge-early":
        return date(year, 1, 1), date(year, 1, 31)
    if part == "edge-mid":
        return date(year, 6, 1), date(year, 7, 31)
    return date(year, 1, 1), date(year, 12, 31)


def _part(expression: Expression, anchor: date | None, tense: str | None) -> Interval | None:
    part = expression.part or ""
    if part.startswith("h"):
        first_month, months = (1 if part == "h1" else 7), 6
    else:
        first_month, months = 3 * (int(part[1]) - 1) + 1, 3
    last_month = first_month + months - 1

    def start(y: int) -> date:
        return date(y, first_month, 1)

    def end(y: int) -> date:
        return _month_end(y, last_month)

    if expression.year is not None:
        year = expression.year
    elif anchor is None:
        return None
    elif expression.relative_year is not None:
        year = anchor.year + expression.relative_year
    else:
        year = _pick_year(start, end, anchor, tense)
    return start(year), end(year)


def _season(expression: Expression, anchor: date | None, tense: str | None
            ) -> Interval | None:
    first, last = SEASONS[expression.part or "spring"]

    def start(y: int) -> date:
        return date(y, first, 1)

    def end(y: int) -> date:
        return _month_end(y + (last - 1) // 12, (last - 1) % 12 + 1)

    if expression.year is not None:
        year = expression.year
    elif anchor is None:
        return None
    elif expression.shift is not None and expression.shift != 0:
        year = _pick_year(start, end, anchor, PAST if expression.shift < 0 else FUTURE,
                          strict=True)
    else:
        # "this winter" in February is the winter that began in December
        year = _pick_year(start, end, anchor, tense if expression.shift is None else None)
    return start(year), end(year)


def _weekday(expression: Expression, anchor: date | None, tense: str | None
             ) -> Interval | None:
    if anchor is None or expression.weekday is None:
        return None
    back = (anchor.weekday() - expression.weekday) % 7
    ahead = (expression.weekday - anchor.weekday()) % 7
    if expression.shift == -1:
        return anchor - timedelta(days=back or 7), None
    if expression.shift == 1:
        return anchor + timedelta(days=ahead or 7), None
    if tense == FUTURE:
        return anchor + timedelta(days=ahead), None
    return anchor - timedelta(days=back), None


def _day_offset(expression: Expression, anchor: date | None, tense: str | None
                ) -> Interval | None:
    if anchor is None:
        return None
    return anchor + timedelta(days=expression.count or 0), None


def _period(expression: Expression, anchor: date | None, tense: str | None
            ) -> Interval | None:
    if anchor is None:
        return None
    unit, shift, part = expression.unit, expression.shift or 0, expression.part
    if unit == "weekend":
        monday = _monday(anchor) + timedelta(weeks=shift)
        return monday + timedelta(days=5), monday + timedelta(days=6)
    first, last = _unit_bounds(anchor, unit or "week", shift)
    if part == "earlier":
        return first, max(first, anchor - timedelta(days=1))
    if part == "later":
        return min(last, anchor + timedelta(days=1)), last
    if part and unit == "year":
        return _year_part(first.year, part)
    if part in THIRDS and unit == "month":
        low, high = THIRDS[part]
        return first.replace(day=low), first.replace(day=min(high, last.day))
    if part == "edge-late":
        days = 3 if unit == "week" else 10
        return last - timedelta(days=days - 1), last
    if part == "edge-early":
        days = 2 if unit == "week" else 10
        return first, first + timedelta(days=days - 1)
    return first, last


def _ago(expression: Expression, anchor: date | None, tense: str | None) -> Interval | None:
    if anchor is None or expression.count is None:
        return None
    return _shifted(anchor, expression.unit or "day", expression.count), None


def _span(expression: Expression, anchor: date | None, tense: str | None) -> Interval | None:
    """"the past two weeks" runs up to the anchor; "within two weeks" runs from it."""
    if anchor is None or expression.count is None:
        return None
    other = _shifted(anchor, expression.unit or "day", expression.count)
    return (other, anchor) if other < anchor else (anchor, other)


# -- calendar helpers ------------------------------------------------------------------
def _day(year: int, month: int, day: int) -> date:
    """The day, with February 29 taken as the 28th in common years (for comparisons)."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _unit_bounds(anchor: date, unit: str, shift: int) -> tuple[date, date]:
    if unit == "week":
        monday = _monday(anchor) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        first = _add_months(anchor.replace(day=1), shift)
        return first, _month_end(first.year, first.month)
    year = anchor.year + shift
    return date(year, 1, 1), date(year, 12, 31)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _shifted(anchor: date, unit: str, count: int) -> date:
    if unit == "day":
        return anchor + timedelta(days=count)
    if unit == "week":
        return anchor + timedelta(weeks=count)
    if unit == "month":
        return _add_months(anchor, count)
    return _add_months(anchor, 12 * count)


def _pick_year(start: Callable[[int], date], end: Callable[[int], date], anchor: date,
               tense: str | None, *, strict: bool = False) -> int:
    """The year in which a recurring stretch (a month, a quarter, a day) is meant.

    Past: the latest that has begun by the anchor (strictly before it when `strict`:
    "last November"). Future: the earliest not yet over (strictly after: "next
    November"). Unknown: the one nearest the anchor."""
    years = [anchor.year - 1, anchor.year, anchor.year + 1]
    if tense == PAST:
        fits = [y for y in years if (end(y) < anchor if strict else start(y) <= anchor)]
        return max(fits) if fits else anchor.year - 1
    if tense == FUTURE:
        fits = [y for y in years if (start(y) > anchor if strict else end(y) >= anchor)]
        return min(fits) if fits else anchor.year + 1

    def gap(y: int) -> int:
        if start(y) <= anchor <= end(y):
            return 0
        return min(abs((start(y) - anchor).days), abs((end(y) - anchor).days))

    return min(years, key=lambda y: (gap(y), y != anchor.year))


_RULES: dict[str, Callable[[Expression, date | None, str | None], Interval | None]] = {
    "date": _point, "dateline": _dateline, "numeric": _numeric, "month": _month,
    "year": _year, "part": _part, "season": _season, "weekday": _weekday,
    "day": _day_offset, "period": _period, "ago": _ago, "span": _span,
}


def iso(interval: Interval | None) -> tuple[str | None, str | None]:
    """ISO strings of an interval: (date, date_end)."""
    if interval is None:
        return None, None
    first, last = interval
    if last is not None and last == first:
        last = None
    return first.isoformat(), last.isoformat() if last is not None else None
