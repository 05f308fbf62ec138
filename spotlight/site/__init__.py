"""The assembled site, in memory: validated content -> frozen models -> rendered pages.

Owns: assembly (assemble.py for the reports, library.py for the cross-report pages, with
permalink.py, library_links.py and library_memo.py, assemble_print.py for the practice-theme
PDFs and handouts, glossary.py), the sandboxed Jinja environment (environment.py) and
rendering (render.py), with the stand-alone fragment of a report for other websites
(fragment.py). Touches no disk.

May import: the foundation, markdown/, content/ and incremental/ (rendering asks ``Reuse``
which pages stand, and notes what each page reads).
"""
