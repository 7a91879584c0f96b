"""The publication checks (see rls_site.checks.run); `python -m rls_site.checks docs site`."""
