"""Messages for a person, not a programmer: values described in plain words, and "did you mean"
for an unknown name that is close to a known one (a slug mistyped or shortened, or a title typed
where its slug belongs)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import Problem

_CUTOFF = 0.85
#: For ``nearest(loose=True)``: a long name typed from memory is spelled only somewhat alike.
_LOOSE_CUTOFF = 0.6


def describe(value: Any) -> str:
    """A value as an author would name it: "the text 'Court work'", "a list", "the number 3"."""
    if isinstance(value, bool):
        return f"the yes-or-no value {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.datetime):
        return f"the date and time {value.isoformat(sep=' ')}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"the text {shown!r}" if value.strip() else "empty text"
    if isinstance(value, dict):
        return "a group of 'key: value' lines"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "nothing"
    return "something else"


def slugify(text: str) -> str:
    """The slug a title would have: lower-case words joined by hyphens."""
    from .scaffold import slugify as make

    return make(text)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def nearest(value: str, known: Mapping[str, str] | Iterable[str],
            loose: bool = False) -> str | None:
    """The known name ``value`` most likely means, or None.

    ``known`` maps each name (a slug, a key, a code) to its title, or lists the names. A match
    is, in order: the same name in other letter case; a title (or its slug) typed instead of its
    name; a name of which ``value`` is a whole part (``victim-work`` in
    ``statutory-victim-work``); a name or a title that is spelled nearly the same. With
    ``loose`` (for long names, such as examples' file names, typed from memory), then: the one
    name whose words hold the words of ``value`` in order (``joint-working-stalking`` for
    ``joint-working-to-manage-a-high-risk-stalking-case``), or one spelled somewhat alike.
    """
    titles = dict(known) if isinstance(known, Mapping) else {name: name for name in known}
    if not titles or not str(value).strip():
        return None
    text = str(value)
    folded = {name.lower(): name for name in titles}
    if text.lower() in folded:
        return folded[text.lower()]
    words = _words(text)
    by_title = {_words(str(title)): name for name, title in titles.items()}
    for name in titles:
        if _words(name) == words:
            return name
    if words in by_title:
        return by_title[words]
    if len(words) >= 4:
        parts = [name for name in titles if re.search(rf"(^|\s){re.escape(words)}(\s|$)",
                                                      _words(name))]
        parts += [name for w, name in by_title.items()
                  if re.search(rf"(^|\s){re.escape(words)}(\s|$)", w) and name not in parts]
        if len(parts) == 1:
            return parts[0]
    import difflib  # only for a name that is not known: not on every build

    spelled = {**{_words(n): n for n in titles}, **by_title}
    close = difflib.get_close_matches(words, list(spelled), n=1, cutoff=_CUTOFF)
    if close or not loose:
        return spelled[close[0]] if close else None
    wanted = words.split()
    holding = {name for spelling, name in spelled.items() if _in_order(wanted, spelling.split())}
    if len(holding) == 1:
        return holding.pop()
    close = difflib.get_close_matches(words, list(spelled), n=1, cutoff=_LOOSE_CUTOFF)
    return spelled[close[0]] if close else None


def _in_order(wanted: list[str], words: list[str]) -> bool:
    """Whether ``words`` hold each of ``wanted``, in that order (others may come between)."""
    remaining = iter(words)
    return bool(wanted) and all(word in remaining for word in wanted)


def did_you_mean(value: str, known: Mapping[str, str] | Iterable[str],
                 loose: bool = False) -> str:
    """"; did you mean 'x'?" when a known name is near ``value`` (see ``nearest``);
    otherwise ""."""
    found = nearest(value, known, loose)
    return f"; did you mean '{found}'?" if found is not None and found != value else ""


def unknown(value: str, known: Mapping[str, str] | Iterable[str], most: int = 12) -> str:
    """What follows "unknown <thing> 'value'": a suggestion, or else the known names."""
    titles = dict(known) if isinstance(known, Mapping) else {name: name for name in known}
    hint = did_you_mean(value, titles)
    if hint:
        return hint
    names = sorted(titles)
    return "; known: " + ", ".join(names) if names and len(names) <= most else ""


# --- slugs typed as titles ---------------------------------------------------------------

_NOT_A_SLUG = re.compile(r"^'(?P<field>[a-z_]+)' must (?:be|list) (?:a slug|slugs)")


def not_a_slug(name: str, value: Any, plural: bool = False) -> str:
    """The message for a value that is not a slug where one belongs."""
    rule = (f"'{name}' must list slugs" if plural else f"'{name}' must be a slug") + \
        " (lower-case letters, digits and hyphens, such as court-work)"
    fix = slugify(value) if isinstance(value, str) else ""
    hint = f"; did you mean '{fix}'?" if fix and fix != value else ""
    return f"{rule}, not {describe(value)}{hint}"


def with_taxonomy(problems: list[Problem], taxonomy: Mapping[str, Mapping[str, str]]
                  ) -> list[Problem]:
    """Problems with a better "did you mean" where a slug field holds a title or a near miss of
    a name the site defines: ``taxonomy`` maps a field name to its known slugs and titles."""
    better = []
    for problem in problems:
        match = _NOT_A_SLUG.match(problem.message)
        head = problem.message.split("; did you mean")[0]
        quoted = re.search(r"not the text (['\"])(.*)\1$", head)
        known = taxonomy.get(match["field"]) if match else None
        if known and quoted:
            found = nearest(quoted[2], known)
            problem = Problem(problem.path, problem.line,
                              f"{head}; did you mean '{found}'?" if found else head)
        better.append(problem)
    return better
