"""One small spotlight, written out as a saved web page and as a Word document by the tests.

Every row is (kind, text). The same rows give the expected sentences, so both fixtures are
checked against what they hold. All people, places and sources here are fictional.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

SPOTLIGHT = [
    ("title", "Effective Practice Spotlight: The Probation Service – Westshire region"),
    ("p", "We inspected probation work across Westshire this year."),
    ("p", "This spotlight shares what worked well, so that others can learn from it."),
    ("h", "Westshire effective practice summary"),
    ("ul", "Fieldwork took place in all three PDUs between 6 January and 14 February 2025."),
    ("ul", "We reviewed 120 cases and read 40 court reports."),
    ("h", "Our standards"),
    ("p", "These standards were met by the examples below."),
    ("ul", "Assessment is thorough and involves the person on probation."),
    ("ul", "Planning is realistic and reviewed often."),
    ("h", "Court work"),
    ("p", "Good court work starts with careful enquiries [1]."),
    ("quote", "‘Sentencers value reports that are clear, balanced and on time.’ [2]"),
    ("example", "Careful enquiries before sentence"),
    ("p", "Ann, a 30-year-old woman, appeared in court for theft."),
    ("sub", "Thorough checks:"),
    ("ul", "The author spoke to the police and to children’s services."),
    ("ul2", "Both checks were recorded on the same day."),
    ("ul", "Previous reports were read in full."),
    ("outcome", "The court followed the proposal for a community order."),
    ("example", "Joint work with a youth team"),
    ("p", "Ben, aged 18, moved from the youth service to probation."),
    ("sub", "Handover"),
    ("ol", "A three-way meeting was held before the transfer."),
    ("ol", "The plan was shared with Ben in plain words."),
    ("outcome", "Ben kept every appointment in his first three months."),
    ("h", "Community links"),
    ("example", "A food bank partnership"),
    ("p", "The PDU set up weekly sessions at a local food bank [1]."),
    ("h", "References and acknowledgements"),
    ("p", "We thank everyone who took part in the inspection."),
    ("ref", "Court work guide (2024). A short guide to advice for courts."),
    ("ref", "A study of sentencing (2023), https://example.org/study."),
]

SECTIONS = ["Westshire effective practice summary", "Our standards", "Court work",
            "Community links", "References and acknowledgements"]
EXAMPLES = {"Court work": ["Careful enquiries before sentence", "Joint work with a youth team"],
            "Community links": ["A food bank partnership"]}


def expected_texts() -> list[str]:
    """What the built page must show, row by row (labels that become structure taken off)."""
    texts = []
    for kind, text in SPOTLIGHT:
        if kind == "example":
            text = f"Example of effectiveness: {text}"
        texts.append(text.rstrip(":"))
    return texts


def _cite(text: str) -> str:
    """Citations as a web page shows them: links to the reference list."""
    for number in (1, 2):
        text = text.replace(f"[{number}]", f'<a href="#ref-{number}">[{number}]</a>')
    return text


def write_html(path: Path, rows: list[tuple[str, str]] = SPOTLIGHT) -> Path:
    """The spotlight (or other ``rows``) as a page saved from a website: chrome around a
    <main>."""
    out = ['<!DOCTYPE html><html lang="en"><head><title>Spotlight</title>',
           "<style>p { color: black }</style></head><body>",
           '<header><a href="/">Inspectorate home</a><nav><ul><li><a href="/a">About</a></li>'
           "</ul></nav></header>", "<main>"]
    open_list = ""
    references = []
    for kind, text in rows:
        tag = {"ul": "ul", "ul2": "ul", "ol": "ol"}.get(kind, "")
        if open_list and tag != open_list and kind != "ul2":
            out.append(f"</{open_list}>")
            open_list = ""
        if tag and not open_list:
            out.append(f"<{tag}>")
            open_list = tag
        body = _cite(escape(text, quote=False))
        if kind == "title":
            out.append(f"<h1>{body}</h1>")
        elif kind == "p":
            out.append(f"<p>{body}</p>")
        elif kind == "h":
            out.append(f'<h2>{body}</h2>\n<p><a href="#top">Back to top</a></p>')
        elif kind in ("ul", "ol"):
            out.append(f"<li>{body}</li>")
        elif kind == "ul2":
            out[-1] = out[-1].removesuffix("</li>") + f"<ul><li>{body}</li></ul></li>"
        elif kind == "quote":
            out.append(f"<blockquote><p>{body}</p></blockquote>")
        elif kind == "example":
            out.append(f"<h3>Example of effectiveness: {body}</h3>")
        elif kind == "sub":
            out.append(f"<p><strong>{body}</strong></p>")
        elif kind == "outcome":
            out.append(f"<h4>Outcome</h4>\n<p>{body}</p>")
        elif kind == "ref":
            references.append(body)
    if open_list:
        out.append(f"</{open_list}>")
    out.append("<h3>References</h3><ol>")
    out += [f'<li id="ref-{n}">{text}</li>' for n, text in enumerate(references, start=1)]
    out += ["</ol></main>", "<footer><p>Site footer text</p></footer>",
            '<script>console.log("x")</script></body></html>']
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def write_docx(path: Path, rows: list[tuple[str, str]] = SPOTLIGHT) -> Path:
    """The spotlight (or other ``rows``) as a Word draft: styles for headings, lists and
    quotes, bold labels."""
    import docx

    document = docx.Document()
    number = 0
    for kind, text in rows:
        if kind == "title":
            document.add_paragraph(text, style="Title")
        elif kind == "p":
            document.add_paragraph(text)
        elif kind == "h":
            document.add_heading(text, level=1)
        elif kind == "example":
            document.add_heading(f"Example of effectiveness: {text}", level=2)
        elif kind in ("ul", "ul2", "ol"):
            style = {"ul": "List Bullet", "ul2": "List Bullet 2", "ol": "List Number"}[kind]
            document.add_paragraph(text, style=style)
        elif kind == "quote":
            document.add_paragraph(text, style="Quote")
        elif kind == "sub":
            document.add_paragraph().add_run(text).bold = True
        elif kind == "outcome":
            paragraph = document.add_paragraph()
            paragraph.add_run("Outcome:").bold = True
            paragraph.add_run(f" {text}")
        elif kind == "ref":
            number += 1
            document.add_paragraph(f"[{number}] {text}")
    document.save(path)
    return path
