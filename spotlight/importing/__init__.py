"""``spotlight import``: an existing spotlight (plain text, a saved web page or a Word document)
-> content files.

read the source -> parse (one parser per format) -> leave out what is not for readers -> outline
-> map -> write. Parsers produce the shared document model (``document.py``); a draft's contents
list and parts not for publication (``leave_out.py``) and its title page's other lines
(``title_page.py``) are left out, with warnings; the mapper (``mapping.py``) turns the rest into
file texts: the report file (``report_file.py``), the examples (``examples.py``) and what it
adds to site.yml (``site_additions.py``); ``write.py`` is the only part that writes, and
``previous.py`` records what each import wrote, so that ``--replace`` can replace it.

Owns: the parsers of each format, the document model they share, and the mapping to content
files.

May import: the foundation and content/ (what the content files must hold).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, SpotlightError, display_path
from .document import Document, in_welsh
from .mapping import map_document
from .previous import prior_import, save_record
from .site_file import SiteFile, starter_text
from .write import write_plan

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCX_SUFFIXES = (".docx",)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote, and what it could not map cleanly."""

    report: Path
    examples: int
    sections: int
    written: tuple[Path, ...]
    site_created: bool
    warnings: tuple[Problem, ...]
    replaced: tuple[str, ...] = ()  # with --replace: files of the earlier import written again
    added: tuple[str, ...] = ()     # ... new files
    removed: tuple[str, ...] = ()   # ... its examples the revised draft no longer has
    kept: tuple[str, ...] = ()      # ... its examples another report lists too, kept as they are
    unchecked: bool = False         # ... no record of the earlier import: edits not checked


def import_source(source: Path, out: Path, slug: str | None = None,
                  replace: bool = False) -> ImportResult:
    """Import ``source`` into the content folder ``out`` (created, or added to).

    With ``replace``, a report already there is replaced, with the examples its earlier
    import wrote (see previous.py); nothing is written when anything is refused."""
    document = parse_source(source)
    site_path = out / "site.yml"
    existing = _existing(out)
    created = "site.yml" not in existing
    if not created:
        site = SiteFile.parse(_read_text(site_path), display_path(site_path))
    else:
        starter = starter_text()
        if in_welsh(document):  # a new site for a spotlight in Welsh is in Welsh
            starter = starter.replace("\nlanguage: en-GB\n", "\nlanguage: cy\n", 1)
        site = SiteFile.parse(starter, "starter site.yml")
    plan = map_document(document, site, existing, slug,
                        (lambda report: prior_import(out, existing, report)) if replace else None)
    prior = plan.prior
    removed = sorted(prior.replaceable - set(plan.files)) if prior is not None else []
    written = write_plan(out, plan.files, removed)
    save_record(out, plan.report, document.source, plan.files)
    new = sorted(p for p in plan.files if p != "site.yml")
    replaced = [p for p in new if p in existing] if prior is not None else []
    return ImportResult(out / "reports" / f"{plan.report}.yml", plan.examples, plan.sections,
                        tuple(written), created, plan.warnings, tuple(replaced),
                        tuple(p for p in new if p not in existing) if prior else (),
                        tuple(removed), plan.kept, prior is not None and not prior.recorded)


def parse_source(source: Path) -> Document:
    """Read and parse a source file with the parser for its format."""
    name = display_path(source)
    if source.exists() and not source.is_file():  # a pipe would wait for ever; a folder...
        raise SpotlightError([Problem(name, None, "is not an ordinary file: give the file to "
                                      "import")])
    try:
        data = source.read_bytes()
    except OSError as error:
        raise SpotlightError([Problem(name, None, f"cannot be read: {error.strerror or error}")]
                             ) from None
    suffix = source.suffix.lower()
    if source.name.startswith("~$") and not data.startswith(b"PK\x03\x04"):
        raise SpotlightError([Problem(name, None, LOCK_FILE)])
    if other := _other_format(data, suffix):
        raise SpotlightError([Problem(name, None, other)])
    if suffix in DOCX_SUFFIXES or (suffix not in TEXT_SUFFIXES + HTML_SUFFIXES
                                   and data.startswith(b"PK\x03\x04")):
        from .docx import parse_docx  # mammoth is imported only for Word documents

        return parse_docx(data, name)
    text = _decode(data, name)
    head = text[:2000].lstrip().lower()
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and
                                   head.startswith(("<!doctype html", "<html"))):
        from .html import parse_html

        return parse_html(text, name)
    from .text import parse_text

    return parse_text(text, name)


# What a file of a format import does not read starts with, and what to do with it.
_SAVE_AS_DOCX = "open it in Word and save it as a Word document (.docx), then import that"
_OTHER_FORMATS = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc", "is an older Word document (.doc), which "
     f"import cannot read: {_SAVE_AS_DOCX}"),
    (b"{\\rtf", ".rtf", f"is a Rich Text document (.rtf), which import cannot read: "
     f"{_SAVE_AS_DOCX}"),
    (b"%PDF-", ".pdf", "is a PDF, which import cannot read: import the Word document it was made "
     "from, or copy all its text into a plain text file (.txt) and import that"),
)


#: Word's lock file "~$name.docx", made beside a document while it is open (the first two
#: characters of its name replaced by "~$"): a few bytes with the user's name, not a document.
LOCK_FILE = ("is Word's temporary file, made while the document is open in Word (its name "
             "starts with ~$), not a Word document: import the document itself, not the ~$ "
             "file (save it and close it in Word first)")


def _other_format(data: bytes, suffix: str) -> str | None:
    """What to do with a file in a format import does not read (by its first bytes, or by its
    name when it is binary and not a zip file, as a .docx is), or None."""
    for start, other, message in _OTHER_FORMATS:
        if data.startswith(start) or (suffix == other and b"\x00" in data[:4096]
                                      and not data.startswith(b"PK\x03\x04")):
            return message
    return None


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data:
        raise SpotlightError([Problem(name, None, "is a binary file: import reads plain text "
                                      "(.txt), web pages (.html) and Word documents (.docx)")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_text(path: Path) -> str:
    try:
        return path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SpotlightError([Problem(display_path(path), None, f"cannot be read: {error}")]
                             ) from None


def _existing(out: Path) -> frozenset[str]:
    """The content files already in ``out``, as relative paths; refuse folders of other things."""
    if out.exists() and not out.is_dir():
        raise SpotlightError([Problem(display_path(out), None, "is a file, not a folder")])
    if not out.exists():
        return frozenset()
    found = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    if found and "site.yml" not in found:
        raise SpotlightError([Problem(display_path(out), None, "is not empty and has no "
                                      "site.yml: import into a new folder or a content folder")])
    return frozenset(found)
