"""Saving an example from the editor: checked as the build would check it, then written
atomically, or refused with the checker's problems (explain.py puts them in the form's words)
and the file left as it was.

The would-be file is put in place of the file on disk (or beside the others, when new) in the
content as read, and the whole is validated and passed through the publish gate, as ``spotlight
build`` would. Only the problems of the saved file refuse the save: another file's problems are
that file's business. When the rest of the content is too broken for the whole to be checked,
the saved example is checked with the site file and reports alone; when even they cannot be
read, nothing can vouch for the example, and the save is refused, saying why.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..checks.gate import gate
from ..content.load import RawContent, SourceFile, load
from ..content.validate import validate
from ..errors import Problem, SpotlightError, display_path


class CheckFailed(Exception):
    """The would-be file was refused: ``problems`` are the checker's, those of the file itself
    naming it ``name``; with ``elsewhere``, the file could not be checked for problems of the
    site file or a report, which are those."""

    def __init__(self, problems: Sequence[Problem], name: str, *,
                 elsewhere: bool = False) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)
        self.name = name
        self.elsewhere = elsewhere


def _problems(raw: RawContent) -> list[Problem]:
    try:
        content = validate(raw)
        gate(raw, content)
    except SpotlightError as error:
        return list(error.problems)
    return []


def check(content: Path, target: Path, text: str) -> None:
    """Raise CheckFailed unless ``text`` may be saved as the example ``target``."""
    raw, read_problems = load(content)
    mine = SourceFile(target, display_path(target), text)
    others = tuple(f for f in raw.examples if f.path.resolve() != target.resolve())
    whole = replace(raw, examples=(*others, mine))
    problems = [*read_problems, *_problems(whole)]
    if not problems:
        return
    about = [p for p in problems if p.path == mine.name]
    if about:
        raise CheckFailed(about, mine.name)
    alone = _problems(replace(raw, examples=(mine,)))
    about = [p for p in alone if p.path == mine.name]
    if about:
        raise CheckFailed(about, mine.name)
    if alone:
        raise CheckFailed(alone, mine.name, elsewhere=True)


def write_atomically(target: Path, data: bytes, *, new: bool = False) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder, renamed into
    place: a reader sees the old file or the new one, never half of one. With ``new``, a file
    that appeared meanwhile is never replaced."""
    target.parent.mkdir(exist_ok=True)  # the images folder, for the first picture
    handle, scratch = tempfile.mkstemp(prefix=".editor-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if target.exists():
            os.chmod(scratch, target.stat().st_mode & 0o777)
        else:
            os.chmod(scratch, 0o644)
        if new:
            os.link(scratch, target)  # fails if the name was taken meanwhile
            os.unlink(scratch)
        else:
            os.replace(scratch, target)
    except BaseException:
        if os.path.exists(scratch):
            os.unlink(scratch)
        raise
