"""Saved SPARQL queries (*.rq). Installed as the package ``rightsgraph.queries`` (see pyproject)."""
