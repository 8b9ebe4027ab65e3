"""The words about a change that matters, said the same on the Trends screen, in the
clinician's report and by `walkcoach report`: since the diary started and within the days shown,
each named plainly and with the dates of both two-week windows (docs/trends.md, "A change that
matters").
"""

from __future__ import annotations

from datetime import date

from coach.domain.pain_series import DailySeries
from coach.domain.safety.rules import MONTH_NAMES
from coach.domain.trends import ChangeVerdict, MeaningfulChange, meaningful_change

# --- Texts shown to users (one place) -------------------------------------------------------
SINCE_START = "Since you started on {start}: {comparison}"
WITHIN_PERIOD = "Within these {span} ({days}): {comparison}"
FIRST_OF_DIARY = "your first two weeks"
FIRST_OF_PERIOD = "the first two of these weeks"
COMPARE_BETTER = (
    "your last two weeks ({recent_days}) average {recent}, down {diff} from {baseline} in "
    "{first_name} ({baseline_days}). That is a change large enough to matter."
)
COMPARE_WORSE = (
    "your last two weeks ({recent_days}) average {recent}, up {diff} from {baseline} in "
    "{first_name} ({baseline_days}). That is a change large enough to matter."
)
COMPARE_NOT_YET = (
    "your last two weeks ({recent_days}) average {recent}, against {baseline} in "
    "{first_name} ({baseline_days}). Not yet a change large enough to matter "
    "({threshold} points or more)."
)
COMPARE_NOT_ENOUGH = (
    "not enough ratings yet to compare. This needs ratings on at least 4 days of the first "
    "two weeks and 4 days of the last two, four weeks or more apart."
)
NO_RATINGS = "No pain ratings yet, so nothing to compare."
SPAN_WEEKS = "{count} weeks"
SPAN_DAYS = "{count} days"
DATE_SPAN = "{first} to {last}"
# ---------------------------------------------------------------------------------------------

_TEMPLATES = {
    ChangeVerdict.BETTER: COMPARE_BETTER,
    ChangeVerdict.WORSE: COMPARE_WORSE,
    ChangeVerdict.NOT_YET: COMPARE_NOT_YET,
}


def change_story(daily: DailySeries, first: date, last: date) -> str:
    """The change that matters for the days first..last of a diary whose days are `daily`.

    Always compares with the diary's first two weeks ("since you started on …"); when the
    period starts after the diary did, also with the period's own first two weeks ("within
    these 12 weeks …"). Both end on the last rated day up to `last`.
    """
    upto = daily.between(None, last)
    if not len(upto):
        return NO_RATINGS
    start = date.fromordinal(int(upto.days[0]))
    since = SINCE_START.format(
        start=date_words(start), comparison=comparison(meaningful_change(upto), FIRST_OF_DIARY)
    )
    period = upto.between(first, None)
    if start >= first or not len(period):
        return since
    within = WITHIN_PERIOD.format(
        span=span_words(first, last),
        days=date_span(first, last, with_year=True),
        comparison=comparison(meaningful_change(period), FIRST_OF_PERIOD),
    )
    return f"{since} {within}"


def comparison(change: MeaningfulChange, first_name: str) -> str:
    """One comparison in words, from 'your last two weeks …' to whether it matters."""
    template = _TEMPLATES.get(change.verdict)
    if template is None or change.baseline_days is None or change.recent_days is None:
        return COMPARE_NOT_ENOUGH
    assert change.baseline is not None and change.recent is not None
    assert change.threshold is not None
    # '27 November to 10 December 2025' when the start lies in another year than today.
    other_year = change.baseline_days[1].year != change.recent_days[1].year
    return template.format(
        recent_days=date_span(*change.recent_days),
        recent=f"{change.recent:.1f}",
        diff=f"{abs(change.recent - change.baseline):.1f}",
        baseline=f"{change.baseline:.1f}",
        first_name=first_name,
        baseline_days=date_span(*change.baseline_days, with_year=other_year),
        threshold=f"{change.threshold:g}",
    )


def span_words(first: date, last: date) -> str:
    """'12 weeks' for 84 days, '10 days' when not whole weeks."""
    days = (last - first).days + 1
    if days % 7 == 0:
        return SPAN_WEEKS.format(count=days // 7)
    return SPAN_DAYS.format(count=days)


def date_words(day: date) -> str:
    """'2 June 2026', in our own month names whatever the locale."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def date_span(first: date, last: date, with_year: bool = False) -> str:
    """'13 to 26 November', '28 October to 10 November 2026' (with_year), or with both years
    when they differ."""
    if first.year != last.year:
        return DATE_SPAN.format(first=date_words(first), last=date_words(last))
    end = date_words(last) if with_year else f"{last.day} {MONTH_NAMES[last.month - 1]}"
    same_month = first.month == last.month
    start = str(first.day) if same_month else f"{first.day} {MONTH_NAMES[first.month - 1]}"
    return DATE_SPAN.format(first=start, last=end)
