"""``spotlight serve --edit``: a form editor for the examples, in the browser, beside the
live preview.

Owns: Decap CMS's browser bundle, fetched once and verified (bundle.py); its configuration,
generated from the field declarations and the site file (config.py); spotlight's own
implementation of Decap's local-backend API (api.py), with the paths it may touch (paths.py),
front matter written in the house style (frontmatter.py) and every save checked as the build
checks it, then written atomically (save.py); the web side, with its token and origin checks
(web.py).

May import: everything below the commands (content/, checks/, importing's YAML writer); the
preview imports it.
"""
