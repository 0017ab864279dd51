"""Models of the courses app; filled in by its issue."""
