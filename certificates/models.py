"""Models of the certificates app; filled in by its issue."""
