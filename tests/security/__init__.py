"""The attack suite (issue "Security"): one test module per attack; each asserts that nothing changed."""
