"""The small languages of a claim: `where` filters, `by` group keys, `expr` arithmetic.

Each is parsed by a lark grammar into a syntax tree of frozen dataclasses;
engines render SQL or pandas operations from those trees, never from text.
"""
