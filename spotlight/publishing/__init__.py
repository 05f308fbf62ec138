"""Publishing the built reports to other websites: ``spotlight publish wordpress``.

The report's body as a stand-alone HTML fragment (``build --fragments``) is rendered with the
site (site/fragment.py); this package sends it. Owns:

- wordpress.py: ``spotlight publish wordpress``, in one function: build, plan, send, record;
- run.py: one publication as it runs: its options, and each change noted and recorded;
- reports.py: each report published: its files, then its page, created or updated;
- media.py: the reports' PDFs and pictures in the WordPress media library;
- pdfs.py: each report's PDF, kept at its address when it changes (as WordPress allows);
- client.py: the WordPress REST API client (finding the API, errors in plain words);
- page.py: a fragment made into a WordPress page body (links to the uploaded media);
- plan.py: what a publication would change, which ``--dry-run`` prints;
- state.py: what was published where, kept in ``.spotlight/`` beside the content.

May import everything below the commands: it runs ``build()`` first.
"""
