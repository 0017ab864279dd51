"""The reading clock of "viewed" lessons (evidence only; completion is decided by
courses.completion, the one completion service).

- `record_module_opened`: the lesson GET starts the learner's clock once (completes nothing);
- `record_reading_beat`: a heartbeat adds the server-measured time since the previous beat
  (capped, ModuleReading.add_beat) and reports to `completion.reading_recorded` once the visible
  time reaches the module's required reading time;
- `finish_reading`: the "Tôi đã học xong bài này" button reports to the service, which checks
  the time since first opening.

`record_module_completion`, `on_quiz_passed`, `record_final_test_passed` and
`update_course_completion` are the completion service's own functions, named here for the
callers and tests that import them from this module.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from . import completion
from .completion import (  # noqa: F401 (re-exported: the service's entry points)
    on_quiz_passed,
    record_final_test_passed,
    record_module_completion,
    update_course_completion,
)
from .models import CompletionRule, ModuleReading


def record_module_opened(user, module_page, now=None):
    """A learner who may study a "viewed" lesson opened it: start its reading clock once.

    One statement (INSERT that does nothing when the record exists), so a lesson GET costs one
    cheap write at most. Completes nothing."""
    now = now or timezone.now()
    ModuleReading.objects.bulk_create(
        [ModuleReading(user=user, module=module_page, first_opened_at=now, last_beat_at=now)],
        ignore_conflicts=True,
    )


@dataclass(frozen=True)
class ReadingState:
    """What the reading endpoints tell the learner."""

    opened: bool  # False: no reading clock (the lesson was never opened, or is quiz-assessed)
    completed: bool
    seconds: int = 0  # visible time counted by heartbeats
    since_opening: int = 0  # wall time since the first opening
    required: int = 0

    @property
    def minutes_left(self):
        """Whole minutes still to read by the button's measure (rounded up)."""
        return max(0, -(-(self.required - self.since_opening) // 60))


def _reading_rule_applies(module_page):
    return completion.module_rule(module_page) == CompletionRule.VIEWED


def record_reading_beat(user, module_page, now=None):
    """A heartbeat from the open lesson: add the server-measured time since the previous beat
    (capped, ModuleReading.add_beat); complete the module once the visible time suffices."""
    now = now or timezone.now()
    if not _reading_rule_applies(module_page):
        return ReadingState(opened=False, completed=False)
    with transaction.atomic():
        reading = (
            ModuleReading.objects.select_for_update().filter(user=user, module=module_page).first()
        )
        if reading is None:
            return ReadingState(opened=False, completed=False)
        if reading.add_beat(now):
            reading.save(update_fields=["seconds", "last_beat_at"])
    required = module_page.required_reading_seconds
    completed = reading.seconds >= required and completion.reading_recorded(
        user, module_page, now=now
    )
    return ReadingState(
        opened=True,
        completed=completed,
        seconds=reading.seconds,
        since_opening=reading.seconds_since_opening(now),
        required=required,
    )


def finish_reading(user, module_page, now=None):
    """The "Tôi đã học xong bài này" button: complete the module if the server-measured time
    since the learner first opened it reaches the required reading time."""
    now = now or timezone.now()
    if not _reading_rule_applies(module_page):
        return ReadingState(opened=False, completed=False)
    reading = ModuleReading.objects.filter(user=user, module=module_page).first()
    if reading is None:
        return ReadingState(opened=False, completed=False)
    completed = completion.reading_recorded(user, module_page, now=now)
    return ReadingState(
        opened=True,
        completed=completed,
        seconds=reading.seconds,
        since_opening=reading.seconds_since_opening(now),
        required=module_page.required_reading_seconds,
    )
