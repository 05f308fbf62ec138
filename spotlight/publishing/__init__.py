"""Publishing the built reports to other websites.

- fragment.py: a report's body as a stand-alone HTML fragment (``build --fragments``): the
  site's classes and scripts left out, its links made absolute;
- wordpress.py: ``spotlight publish wordpress``, in one function: build, plan, send, record;
- client.py: the WordPress REST API client (finding the API, errors in plain words);
- page.py: a fragment made into a WordPress page body (links to the uploaded media);
- plan.py: what a publication would change, which ``--dry-run`` prints;
- state.py: what was published where, kept in ``.spotlight/`` beside the content.
"""
