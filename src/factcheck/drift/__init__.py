"""Claim drift: a lock of what was true at publication, a local history, report diffs."""
