"""factcheck: check the numbers in published journalism against validated data.

Importing this package stays cheap: engines, pandas and pandera are imported
only by the commands that need them.
"""

__version__ = "0.1.0"
