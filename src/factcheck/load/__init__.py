"""Load: YAML files to typed specs that remember where each value was written."""
