"""`factcheck gx-export`: a project's schemas and claims as great-expectations suites.

For an auditor who uses great-expectations (GX Core 1.x): each dataset gets two
ExpectationSuites, run on the dataset's validated data in a file-based GX context in
OUT/gx/, with Data Docs (static HTML) that work offline from their folder alone:

- schema_suite.py: `NAME.schema`, compiled from the dataset's pandera schema.
- claims_suite.py: `NAME.claims`, one aggregate expectation per ungrouped metric claim.
- gx_site.py: the context, the runs, scrubbed results, Data Docs.
- offline.py: the vendored assets (assets/) in place of the CDNs.
- accounting.py: every claim and schema check, compiled or not and why, and the index's
  status banner with factcheck check's own verdict.
- cli.py: the command.

The suites describe; factcheck judges.
"""
