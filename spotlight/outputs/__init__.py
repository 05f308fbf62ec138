"""What a build leaves on disk: the output folder, its PDFs and its search index.

Owns: writing beside the output folder and swapping it in (write.py, with lock.py), the PDFs
(pdf.py, with pdf_fetch.py, what WeasyPrint may read, and pdf_identity.py: the only modules
that import WeasyPrint; pdf_tags.py, pdf_tree.py and pdf_artifacts.py, their structure tree;
pdf_links.py, where their links to the website lead; pdf_objects.py, each object written
once; pdf_files.py, what a link to a PDF says of it) and the Pagefind index (search.py).

May import: what is below it: the foundation, markdown/, content/, incremental/ and site/.
"""
