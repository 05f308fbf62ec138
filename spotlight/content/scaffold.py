"""``spotlight init`` and ``spotlight new``: start a content folder, and add an example to it.

The starter content ships inside the package (``spotlight/starter/``), so ``init`` works the
same from a source tree and from an installed wheel. ``new`` writes an example whose front
matter lists every field of the example schema, filled in where the command knows the value
and commented out with its meaning where it does not.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from ..errors import Problem, SpotlightError, display_path
from . import fields, suggest
from .checker import check
from .jsonschema import SCHEMAS, json_schema
from .load import REPORTS_DIR, SITE_FILE, load
from .schema import Field
from .yamlio import YMap, parse_yaml

SCHEMA_DIR = "_schemas"
_MAX_SLUG = 60


def init(folder: Path) -> list[Path]:
    """Write the starter content folder at ``folder``; return the files written.

    Refuses a folder that exists and is not empty, so nothing is ever overwritten.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SpotlightError([Problem(display_path(folder), None, "already exists and is not "
                                      "empty: choose a new folder for the content")])
    for link in (folder, *folder.parents):
        if link.is_symlink() and not link.exists():
            raise SpotlightError([Problem(display_path(link), None, "is a link to a folder "
                                          "that does not exist: delete the link, or choose a "
                                          "new folder")])
    written: list[Path] = []
    try:
        _copy(files("spotlight") / "starter", folder, written)
        written += write_schemas(folder / SCHEMA_DIR)
    except OSError as error:
        where = display_path(Path(error.filename)) if error.filename else display_path(folder)
        raise SpotlightError([Problem(where, None, f"cannot be written: "
                                      f"{error.strerror or error}")]) from None
    return written


def _copy(source: Traversable, target: Path, written: list[Path]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir(), key=lambda i: i.name):
        if item.name.startswith((".", "__")):
            continue
        if item.is_dir():
            _copy(item, target / item.name, written)
        else:
            path = target / item.name
            path.write_bytes(item.read_bytes())
            written.append(path)


def write_schemas(folder: Path) -> list[Path]:
    """Write the JSON Schema of each kind of content file into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        path.write_text(json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written


def slugify(title: str) -> str:
    """A slug from a title: "Work with Children's Services" -> work-with-childrens-services."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower().replace("'", ""))
    slug = ""
    for word in words:
        if slug and len(slug) + 1 + len(word) > _MAX_SLUG:
            break
        slug = f"{slug}-{word}" if slug else word[:_MAX_SLUG]
    return slug


def new_example(content: Path, report: str, practice_theme: str, title: str,
                kind: str = "person", refused: Sequence[Problem] = ()) -> Path:
    """Write ``examples/<slug>.md`` for a new example; return its path. Never overwrites.

    ``refused``: what the caller found wrong with the title (a personal detail the publish
    gate would refuse in its file name), said with the problems found here."""
    raw, _ = load(content)
    problems: list[Problem] = []
    site = None
    if raw.site is not None:
        data, problems = parse_yaml(raw.site.text, raw.site.name)
        site = check(fields.SITE, data, raw.site.name, 1, problems) if not problems else None
    if site is None:
        where = raw.site.name if raw.site else display_path(content / SITE_FILE)
        raise SpotlightError(problems or [Problem(where, None, "no usable site file: "
                                                  "run 'spotlight init' or fix it first")])
    reports = {f.path.stem: f for f in raw.reports}
    themes = [t["slug"] for t in site["practice_themes"]]
    wrong = []
    # The options as typed are what is wrong, not the files they name.
    if report not in reports:
        wrong.append(Problem("--report", None, f"unknown report '{report}' (the reports are "
                             f"the files of {display_path(content / REPORTS_DIR)})"
                             f"{suggest.unknown(report, reports)}"))
    if practice_theme not in themes:
        titles = {t["slug"]: t["title"] for t in site["practice_themes"]}
        wrong.append(Problem("--theme", None, f"unknown practice theme '{practice_theme}' "
                             f"(the practice themes of {raw.site.name if raw.site else SITE_FILE})"
                             f"{suggest.unknown(practice_theme, titles)}"))
    slug = slugify(title)
    if not slug and any(c.isalnum() for c in title):
        # A title in another script (Cyrillic, Greek, Arabic...): file names are made of Latin
        # letters and digits, so the file gets a number; its title stays as written.
        slug = next(f"example-{n}" for n in range(1, 10**6)
                    if not (content / "examples" / f"example-{n}.md").exists())
    if not slug:
        wrong.append(Problem("title", None, "the title needs at least one letter or digit"))
    wrong += refused
    if wrong:
        raise SpotlightError(wrong)
    path = content / "examples" / f"{slug}.md"
    if os.path.lexists(path):  # a link, even a broken one, is never written through
        raise SpotlightError([Problem(display_path(path), None, "already exists: edit it, or "
                                      "choose another title")])
    report_data, _ = parse_yaml(reports[report].text, reports[report].name)
    region = report_data.get("region") if isinstance(report_data, YMap) else None
    # An example is in its report's language: a Welsh report's says so, with Welsh guidance.
    said = report_data.get("language") if isinstance(report_data, YMap) else None
    language = said if said in _LANGUAGES else _main_language(site)
    known = {"title": title, "reports": [report], "practice_theme": practice_theme,
             "region": region, "kind": kind,
             "language": said if said in _LANGUAGES else None}
    schema_file = content / SCHEMA_DIR / "example.schema.json"
    lines = ["---"]
    if schema_file.is_file():
        lines.append(f"# yaml-language-server: $schema=../{SCHEMA_DIR}/example.schema.json")
    lines += [_front_matter_line(spec, known.get(spec.name), site, region)
              for spec in fields.EXAMPLE.fields]
    lines += ["---", _BODY[kind, language]]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:  # "x": fail rather than overwrite
            out.write("\n".join(lines))
    except OSError as error:
        at = path.parent if path.parent.is_symlink() else path
        raise SpotlightError([Problem(display_path(at), None, (
            "is a link to a folder that does not exist: delete the link"
            if at.is_symlink() and not at.exists() else
            f"cannot be written: {error.strerror or error}"))]) from None
    return path


def missing_section(content: Path, report: str, practice_theme: str) -> str | None:
    """What to do when report ``report`` lists its sections and none is ``practice_theme``
    (the build refuses such an example until the section is added); None otherwise."""
    path = content / REPORTS_DIR / f"{report}.yml"
    try:
        data, problems = parse_yaml(path.read_text(encoding="utf-8"), display_path(path))
    except (OSError, UnicodeDecodeError):
        return None
    sections = data.get("sections") if isinstance(data, YMap) and not problems else None
    if not isinstance(sections, list):
        return None
    themes = [s.get("practice_theme") for s in sections if isinstance(s, dict)]
    if practice_theme in themes:
        return None
    return (f"report '{report}' has no section for practice theme '{practice_theme}' yet: add "
            f"'- practice_theme: {practice_theme}' under 'sections' in {display_path(path)}; "
            "until then the build refuses the example")


_LANGUAGES = ("en", "cy")


def _main_language(site: YMap) -> str:
    """The site file's main language: the first of its ``languages``, else its ``language``'s."""
    listed = site.get("languages")
    if isinstance(listed, list) and listed and listed[0] in _LANGUAGES:
        return str(listed[0])
    main = str(site.get("language") or "en").split("-")[0].lower()
    return main if main in _LANGUAGES else "en"


def _front_matter_line(spec: Field, value: object, site: YMap, region: object) -> str:
    if value is not None:
        dumped = yaml.safe_dump({spec.name: value}, default_flow_style=True, width=1000,
                                allow_unicode=True, sort_keys=False).strip()
        return dumped[1:-1] if dumped.startswith("{") else dumped
    if spec.name == "pdu":
        hint = _choices([p for r in site["regions"] if r["slug"] == region
                         for p in r["pdus"]], "slug")
    else:
        hint = _HINTS.get(spec.name, lambda s: "")(site)
    return f"# {spec.name}:{hint}  # {spec.doc}"


def _choices(items: object, key: str) -> str:
    names = [str(item[key]) for item in items or ()]  # type: ignore[attr-defined]
    return f" one of {', '.join(names)}" if names else ""


_HINTS = {
    "standards": lambda site: " [" + ", ".join(f'"{s["code"]}"' for s in site["standards"]) + "]",
    "sentence_type": lambda site: _choices(site["sentence_types"], "slug"),
    "also_practice_themes": lambda site: " [" + ", ".join(
        t["slug"] for t in site["practice_themes"][:2]) + "]",
    "tags": lambda site: " [a tag, another tag]",
    "order": lambda site: " 1",
    "slug": lambda site: " a-slug-of-your-own",
    "waivers": lambda site: " [{code: anon-exact-date, match: '3 March', reason: why}]",
}

#: The guidance in a new example's body, by kind and language; the build refuses it until it
#: is replaced (checks/unfinished.py).
_BODY = {
    ("person", "en"): """\
Introduce the person by a pseudonym, with their age, then their sentence and offence, for
example "Sam, a 30-year-old man, received a community order for theft." Leave out anything
that could identify them: addresses, dates of birth, exact dates, numbers.

## A short subheading for one part of the work

- What the practitioner did, one point per bullet.
- Spell out each abbreviation at its first use in the report, then use it alone.

## Outcome

What changed as a result of the work.
""",
    ("initiative", "en"): """\
Describe the initiative: why it was set up, who runs it and how it works.

## How it works

- One point per bullet.

## Outcome

What difference it has made.
""",
    ("person", "cy"): """\
Cyflwynwch yr unigolyn drwy ffugenw, gyda'i oedran, yna ei ddedfryd a'i drosedd, er enghraifft
"Cafodd Sam, dyn 30 oed, orchymyn cymunedol am ddwyn." Peidiwch â chynnwys dim a allai ei
adnabod: cyfeiriadau, dyddiadau geni, union ddyddiadau, rhifau.

## Is-bennawd byr ar gyfer un rhan o'r gwaith

- Beth wnaeth yr ymarferydd, un pwynt ym mhob bwled.
- Ysgrifennwch bob byrfodd yn llawn y tro cyntaf y'i defnyddir yn yr adroddiad, yna ar ei ben
  ei hun.

## Canlyniad

Beth a newidiodd o ganlyniad i'r gwaith.
""",
    ("initiative", "cy"): """\
Disgrifiwch y fenter: pam y cafodd ei sefydlu, pwy sy'n ei rhedeg a sut mae'n gweithio.

## Sut mae'n gweithio

- Un pwynt ym mhob bwled.

## Canlyniad

Pa wahaniaeth y mae wedi'i wneud.
""",
}
