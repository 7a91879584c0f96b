"""The site's own logic, without MkDocs: data files, per-page rendering, publication checks, report.

    rls_site.data       the data files editors change (data/*.yml), each checked against its
                        JSON Schema (data/schemas/), with the line of every problem
    rls_site.markdown   Python-Markdown extensions for what a page shows: citations, the
                        self-check, evidence statements, partner links and links to other sites
    rls_site.checks     the publication checks over docs/ and site/ (`python -m rls_site.checks`)
    rls_site.report     the content report per page (`python -m rls_site.report`)
    rls_site.rules      every rule the checks apply: id, what is wrong, how to fix it
    rls_site.seo        repairs of Material's bilingual output (alternate links, search, 404)

Nothing here imports MkDocs, Material or mkdocs-static-i18n, except rls_site.mkdocs_glue, which
only the hooks in hooks/*.py use. A generator that runs Python-Markdown extensions can use
rls_site.markdown as it is, and `make check` runs the checks on its output.
"""
