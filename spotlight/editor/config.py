"""The editor's configuration (Decap CMS's ``config.yml``), generated from spotlight's own field
declarations (``fields.EXAMPLE``) and the site file's taxonomies: never written by hand, so a
new declared field appears in the form by itself.

Each declared field becomes a widget: a field that names something (its declaration says what
it ``refers`` to: a practice theme, region, PDU, standard or sentence type of the site file, or
a report) becomes a choice among them, with readable labels (standards: their codes and
titles; a list of them, a multi-choice); free lists (tags) a box for each item; whole numbers
a number; records (waivers) a list of small forms. Every field's help text is its
declaration's documentation, or where the form's control differs from the file's text (a
choice shows names, not the short names a file gives), words of the form's own (``HINTS``);
required fields are marked as required. The body is Markdown in raw mode only: what is
typed is what is saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..content.fields import EXAMPLE
from ..content.load import EXAMPLES_DIR, REPORTS_DIR, SITE_FILE
from ..content.schema import Field
from ..content.yamlio import YMap, parse_yaml

IMAGES_DIR = "images"
API = "/api/v1"
#: The fields the editor shows, in the order of their declaration.
EDITABLE = tuple(f.name for f in EXAMPLE.fields)
#: The value each field has when the file leaves it out.
DEFAULTS = {f.name: f.default for f in EXAMPLE.fields
            if f.default is not None and not callable(f.default)}

#: The form's name of each field (and of the example's text, "body").
LABELS = {"reports": "Reports", "practice_theme": "Practice theme", "region": "Region",
          "pdu": "PDU (Probation Delivery Unit)", "also_practice_themes":
          "Further practice themes", "sentence_type": "Sentence type", "standards": "Standards",
          "kind": "Kind of example", "tags": "Tags", "order": "Order in its section",
          "slug": "Name in the web address", "language": "Language",
          "translation_of": "Translation of", "waivers": "Waivers of spotlight check",
          "title": "Title", "body": "Text", "code": "Code of the finding",
          "match": "Words it flags", "reason": "Reason"}
#: The help under a field where the form's control is not the file's text: a choice shows
#: names, not the short names a file gives; a list has a box for each item. Elsewhere the
#: declaration's documentation.
HINTS = {"reports": "The reports the example belongs to (one example can be in several).",
         "practice_theme": "The example appears in this practice theme's section of each "
                           "report.",
         "region": "The region the example comes from.",
         "pdu": "The Probation Delivery Unit in that region.",
         "sentence_type": "The type of sentence, from those the site file lists.",
         "kind": "A case about a person, or an organisational initiative.",
         "language": "The language the example is written in; left empty, the site's main "
                     "language.",
         "tags": "Words or short phrases shown with the example, such as 'young adults': "
                 "one in each box, and 'Add tag' for another.",
         "slug": "Left empty, the example's web address and PDF are named from its file name; "
                 "a name here (lower-case letters, digits and hyphens) is used instead.",
         "translation_of": "For an example in another language: the example it translates, "
                           "by the name in its web address (its file name without .md)."}
#: What one item of a free list is called ("Add tag").
_SINGULAR = {"tags": "tag"}
#: Readable labels of declared choices.
_CHOICE_LABELS = {"person": "A person (a case about a person on probation or a victim)",
                  "initiative": "An initiative (an organisational initiative)",
                  "en": "English", "cy": "Cymraeg (Welsh)"}


def _mapping(value: Any) -> YMap:
    return value if isinstance(value, YMap) else YMap()


def _records(value: Any) -> list[YMap]:
    return [item for item in value if isinstance(item, YMap)] if isinstance(value, list) else []


def _option(value: Any, label: Any) -> dict[str, str]:
    return {"label": str(label if label not in (None, "") else value), "value": str(value)}


def taxonomies(content: Path) -> dict[str, list[dict[str, str]]]:
    """The choices for a field that names something (by what it ``refers`` to: a list of the
    site file, or the reports), read as leniently as can be (a broken site file gives fewer
    choices, never an error)."""
    site: YMap = YMap()
    try:
        parsed, _ = parse_yaml((content / SITE_FILE).read_text(encoding="utf-8"), SITE_FILE)
        site = _mapping(parsed)
    except (OSError, UnicodeDecodeError):
        pass
    themes = [_option(t.get("slug"), t.get("title")) for t in _records(site.get("practice_themes"))
              if t.get("slug")]
    regions = _records(site.get("regions"))
    pdus = [_option(p.get("slug"), f"{p.get('name') or p.get('slug')} ({r.get('name')})")
            for r in regions for p in _records(r.get("pdus")) if p.get("slug")]
    standards = [_option(s.get("code"), f"{s.get('code')} {s.get('title') or ''}".strip())
                 for s in _records(site.get("standards")) if s.get("code") is not None]
    return {
        "practice_themes": themes,
        "regions": [_option(r.get("slug"), r.get("name")) for r in regions if r.get("slug")],
        "regions.pdus": pdus,
        "sentence_types": [_option(s.get("slug"), s.get("name"))
                           for s in _records(site.get("sentence_types")) if s.get("slug")],
        "standards": standards,
        "reports": _reports(content),
    }


def _reports(content: Path) -> list[dict[str, str]]:
    found = []
    for path in sorted((content / REPORTS_DIR).glob("*.y*ml")):
        try:
            parsed, _ = parse_yaml(path.read_text(encoding="utf-8"), path.name)
        except (OSError, UnicodeDecodeError):
            continue
        found.append(_option(path.stem, _mapping(parsed).get("title")))
    return found


def _hint(spec: Field) -> str:
    return HINTS.get(spec.name) or spec.doc[0].upper() + spec.doc[1:].replace("`", "") + "."


def widget(spec: Field, choices: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    """The Decap field of one declared field."""
    result: dict[str, Any] = {"name": spec.name, "label": LABELS.get(spec.name, spec.name),
                              "hint": _hint(spec), "required": spec.required}
    if spec.refers:
        result |= {"widget": "select", "options": choices.get(spec.refers, [])}
        if spec.kind in ("slugs", "texts"):
            result["multiple"] = True
    elif spec.choices:
        result |= {"widget": "select",
                   "options": [_option(c, _CHOICE_LABELS.get(c, c)) for c in spec.choices]}
    elif spec.kind in ("slugs", "texts"):
        # One box an item, never one box split at commas: Decap's list without a "field"
        # splits as the author types, and a space typed after a comma takes the comma away
        # ("maturity, exploitation" became "maturityexploitation").
        one = _SINGULAR.get(spec.name, "item")
        result |= {"widget": "list", "label_singular": one, "collapsed": False,
                   "field": {"name": one, "label": one.capitalize(), "widget": "string",
                             "pattern": ["^[^,]*$", f"One {one} a box, without commas: press "
                                         f"'Add {one}' for another"]}}
    elif spec.kind in ("int", "count"):
        result |= {"widget": "number", "value_type": "int"}
        if spec.kind == "count":
            result["min"] = 0
    elif spec.kind == "bool":
        result |= {"widget": "boolean"}
    elif spec.kind == "records" and spec.schema is not None:
        result |= {"widget": "list", "fields": [widget(f, {}) for f in spec.schema.fields]}
    elif spec.kind == "markdown":
        result |= {"widget": "markdown", "modes": ["raw"]}
    else:
        result |= {"widget": "string"}
    if spec.default not in (None, (), "") and not callable(spec.default):
        result["default"] = spec.default
    return result


def decap_config(content: Path, origin: str,
                 fields: Iterable[Field] = EXAMPLE.fields) -> dict[str, Any]:
    """The whole configuration, for the content folder ``content``, served at ``origin``
    (such as http://127.0.0.1:8000)."""
    fields = tuple(fields)
    choices = taxonomies(content)
    body = {"name": "body", "label": LABELS["body"], "widget": "markdown", "modes": ["raw"],
            "required": True,
            "hint": "The example in Markdown: paragraphs, '## ' headings (the last one "
                    "'## Outcome' for a case about a person), '- ' bullets, [@key] citations."}
    return {
        "backend": {"name": "proxy", "proxy_url": origin + API, "branch": "main"},
        "local_backend": {"url": origin + API},
        "publish_mode": "simple",
        "media_folder": IMAGES_DIR,
        "public_folder": IMAGES_DIR,
        "site_url": "/",
        "display_url": "/",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [{
            "name": "examples",
            "label": "Examples of effectiveness",
            "label_singular": "example",
            "description": "Each example is a file of the examples folder. The editor checks "
                           "every save as spotlight check does, and refuses one that the "
                           "publish gate or the checks would refuse.",
            "folder": EXAMPLES_DIR,
            "extension": "md",
            "format": "frontmatter",
            "create": True,
            "slug": "{{slug}}",
            "identifier_field": "title",
            "summary": "{{title}}",
            "preview_path": "examples/{{filename}}.html",
            "sortable_fields": ["title", "practice_theme", "order"],
            "view_filters": [{"label": report["label"], "field": spec.name,
                              "pattern": f"(^|[^a-z0-9-]){report['value']}([^a-z0-9-]|$)"}
                             for spec in fields if spec.refers == "reports"
                             for report in choices["reports"]],
            "view_groups": [{"label": LABELS.get(spec.name, spec.name), "field": spec.name}
                            for spec in fields if spec.kind == "slug"
                            and spec.refers in ("practice_themes", "regions")],
            "editor": {"preview": False},
            "fields": [*(widget(f, choices) for f in fields), body],
        }],
    }


def config_yaml(content: Path, origin: str) -> str:
    """The configuration as Decap reads it: ``/admin/config.yml``."""
    return yaml.safe_dump(decap_config(content, origin), sort_keys=False, allow_unicode=True,
                          width=100)
