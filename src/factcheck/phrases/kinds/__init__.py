"""One module per phrase kind (see ../table.py, which registers them)."""
