"""The quiz engine's one exit to other apps: a graded attempt is reported to the completion
service (courses.completion.quiz_passed), which decides module and course completion.

`attempt_graded` runs inside the transaction that graded the attempt (quizzes.models.Attempt.submit),
exactly once per attempt.
"""

import logging

logger = logging.getLogger(__name__)


def attempt_graded(attempt):
    """Called once when `attempt` has been graded. Returns True if progress was recorded."""
    logger.info(
        "attempt %s of quiz %s graded: %s%% (%s)",
        attempt.pk,
        attempt.quiz_id,
        attempt.score,
        "đạt" if attempt.passed else "chưa đạt",
    )
    if not attempt.passed:
        return False
    from courses import completion

    return completion.quiz_passed(attempt)
