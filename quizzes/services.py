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
    recorded = False
    if quiz.module_id:
        recorded = course_services.record_module_completion(attempt.user, quiz.module, "quiz")
    if quiz.course_id:
        recorded = course_services.record_final_test_passed(attempt.user, quiz.course) or recorded
    return recorded
