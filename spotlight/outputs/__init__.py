"""What a build leaves on disk: the output folder, its PDFs and its search index.

Owns: writing beside the output folder and swapping it in (write.py, with lock.py), the PDFs
(pdf.py, the only module that imports WeasyPrint; pdf_tags.py, pdf_tree.py and
pdf_artifacts.py, their structure tree) and the Pagefind index (search.py).

May import: what is below it: the foundation, markdown/, content/, incremental/ and site/.
"""
