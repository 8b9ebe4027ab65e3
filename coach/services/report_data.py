"""What the clinician's report shows for a period, gathered from the diary without Qt.

The report is drawn by coach.ui.report.clinician_report (it needs Qt for its chart); the
numbers come from here, so the Trends screen and `walkcoach report` gather them one way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo

from coach.domain.change_story import change_story
from coach.domain.checkin import WeeklyCheckin
from coach.domain.checkin_story import checkin_story
from coach.domain.pain import PainEntry
from coach.domain.pain_series import daily_series, local_day_ordinals, samples_from_utc_seconds
from coach.domain.progression import ProgressionPlan
from coach.domain.safety.state import SafetyInputs, SafetyState, assess, history_lines
from coach.services.checkins import CheckIns
from coach.services.diary import Diary
from coach.services.plans import CadencePlans
from coach.services.safety import SafetyRecord
from coach.services.trends import TrendModel, build_model, load_inputs


class ReportError(ValueError):
    """The report cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows for one period."""

    first: date
    last: date
    made: date
    model: TrendModel
    plan: ProgressionPlan | None
    notes: tuple[PainEntry, ...]
    ratings: int
    tz: tzinfo
    change_words: str
    """The change that matters since the diary started and within the period (change_story)."""
    safety: SafetyState
    """The one safety state on the day the report is made."""
    safety_history: tuple[str, ...]
    """Warning signs noted and clinicians' checks in the period, with their dates."""
    checkins: tuple[WeeklyCheckin, ...] = ()
    """The weekly check-ins answered or skipped in the period, oldest first."""
    checkin_words: str = ""
    """The check-in's change in words, as on Trends (checkin_story, over every check-in)."""


def gather_report(
    diary: Diary,
    plans: CadencePlans,
    safety: SafetyRecord,
    first: date,
    last: date,
    now: datetime,
    usual_minutes: float,
    checkins: CheckIns | None = None,
) -> ReportData:
    """Load and compute the report of the days from first to last (both included).

    `usual_minutes` is the person's usual weekly walking, where the weekly goal starts;
    `checkins` defaults to the weekly check-ins of the diary's own store.
    """
    if last < first:
        raise ReportError(f"The period ends ({last}) before it starts ({first}).")
    tz = now.tzinfo
    if tz is None:
        raise ReportError("The time used for the report must include its time zone.")
    inputs = load_inputs(diary, plans, now, usual_minutes)
    days = local_day_ordinals(inputs.seconds, tz)
    in_pain = (days >= first.toordinal()) & (days <= last.toordinal())
    in_walks = (inputs.walk_days >= first.toordinal()) & (inputs.walk_days <= last.toordinal())
    period = replace(
        inputs,
        seconds=inputs.seconds[in_pain],
        pains=inputs.pains[in_pain],
        walk_days=inputs.walk_days[in_walks],
        walk_minutes=inputs.walk_minutes[in_walks],
        walk_cadence=inputs.walk_cadence[in_walks],
        walk_guided=inputs.walk_guided[in_walks],
        safety=SafetyInputs(),
    )
    start = datetime.combine(first, time(0), tz)
    end = datetime.combine(last + timedelta(days=1), time(0), tz)
    notes = tuple(e for e in diary.pain.between(start, end) if e.note.strip() or e.red_flags)
    whole = daily_series(samples_from_utc_seconds(inputs.seconds, inputs.pains, tz))
    record = safety.inputs()
    every = (checkins or CheckIns(diary.store, diary.changes)).all()
    shown = tuple(c for c in every if first <= c.answered_at.astimezone(tz).date() <= last)
    return ReportData(
        first, last, now.date(), build_model(period, tz, last), inputs.plan, notes,
        int(in_pain.sum()), tz, change_story(whole, first, last),
        assess(record, tz, now.date()), history_lines(record, tz, first, last),
        shown, checkin_story(every),
    )  # fmt: skip
