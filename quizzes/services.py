"""The quiz engine's one exit to other apps: a graded attempt moves course progress forward.

`attempt_graded` runs inside the transaction that graded the attempt (quizzes.models.Attempt.submit),
exactly once per attempt. Passing a module check completes the module; passing a final test marks
the enrolment's final test; the courses app then decides whether the course is complete and calls
its `course_completed` hook (where the certificates app issues the certificate).
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
    quiz = attempt.quiz
    try:
        from courses import services as course_services
    except ImportError:  # the courses app is not installed (never in this project)
        return False
    return course_services.on_quiz_passed(
        attempt.user,
        module_page=quiz.module if quiz.module_id else None,
        course_page=quiz.course if quiz.course_id else None,
    )
