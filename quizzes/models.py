"""Models of the quizzes app; filled in by its issue."""
