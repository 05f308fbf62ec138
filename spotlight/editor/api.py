"""Decap CMS's local-backend protocol, implemented by spotlight: ``POST /api/v1`` with
``{"action": ..., "params": {...}}``, answered with JSON.

The actions are those of Decap's own ``decap-server`` (its local file-system mode): listing
and reading entries, saving an entry with its pictures, the media library, deleting. Unlike
``decap-server``, every path goes through paths.py (examples and pictures only), every save
of an example through save.py (checked, written in the house style, atomic), and nothing is
ever committed: the author's files change, and git is left to the author.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..content.images import picture_problem
from ..content.load import EXAMPLES_DIR
from ..content.scaffold import slugify
from ..content.svg_check import svg_problems
from . import paths
from .config import DEFAULTS, EDITABLE
from .explain import explain, heading, summary
from .frontmatter import FrontMatterError, merge, read
from .paths import Refused
from .save import CheckFailed, check, write_atomically

#: A picture larger than this is refused: it would make pages slow for every reader.
MAX_PICTURE = 10 * 1024 * 1024
Json = Any


def _refusal(lines: list[str], file: str, new: bool) -> Refused:
    """A save refused for the problems ``lines`` say, of the example ``file`` (new or not)."""
    title = heading(new)
    return Refused(title + ":\n" + "\n".join(lines), 422, tuple(lines), title,
                   summary(file, lines, new=new))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class LocalBackend:
    """The actions of one editing session on one content folder."""

    def __init__(self, content: Path, lock: threading.Lock | None = None) -> None:
        self.content = content
        #: Held while a file is checked and written (and while the preview rebuilds, when the
        #: preview's lock is given).
        self.lock = lock or threading.Lock()
        #: Where a new example was saved, by the path the editor gave it (the editor names it
        #: from its own slug of the title; spotlight names it from its own).
        self.renamed: dict[str, str] = {}

    def handle(self, action: object, params: object) -> Json:
        """The answer to one request; raises Refused with a message for the author."""
        actions: dict[str, Callable[[dict[str, Any]], Json]] = {
            "info": self.info, "entriesByFolder": self.entries_by_folder,
            "entriesByFiles": self.entries_by_files, "getEntry": self.get_entry,
            "persistEntry": self.persist_entry, "getMedia": self.get_media,
            "getMediaFile": self.get_media_file, "persistMedia": self.persist_media,
            "deleteFile": self.delete_file, "deleteFiles": self.delete_files,
            "getDeployPreview": lambda _: None,
        }
        if not isinstance(action, str) or action not in actions:
            raise Refused(f"the editor's server does not know the action '{action}'", 422)
        return actions[action](params if isinstance(params, dict) else {})

    # --- reading ------------------------------------------------------------------------

    def info(self, _: dict[str, Any]) -> Json:
        return {"repo": self.content.resolve().name, "publish_modes": ["simple"],
                "type": "local_fs"}

    def _entry(self, target: Path) -> Json:
        data = target.read_bytes()
        return {"data": data.decode("utf-8", "replace"),
                "file": {"path": paths.relative_name(self.content, target), "id": _sha(data)}}

    def entries_by_folder(self, params: dict[str, Any]) -> Json:
        folder = paths.folder(self.content, params.get("folder"))
        if folder.name != EXAMPLES_DIR or not folder.is_dir():
            return []
        return [self._entry(path) for path in sorted(folder.glob("*.md"))
                if path.is_file() and not path.name.startswith((".", "_"))
                and not path.is_symlink()]

    def entries_by_files(self, params: dict[str, Any]) -> Json:
        files = params.get("files")
        found = []
        for item in files if isinstance(files, list) else []:
            target = paths.example(self.content, self._mapped(item.get("path")
                                                              if isinstance(item, dict) else None))
            if target.is_file():
                found.append(self._entry(target))
        return found

    def get_entry(self, params: dict[str, Any]) -> Json:
        target = paths.example(self.content, self._mapped(params.get("path")))
        if not target.is_file():
            raise Refused(f"'{params.get('path')}' is not there (any more)", 404)
        return self._entry(target)

    def _mapped(self, path: object) -> object:
        """The file a path of the editor stands for: itself, unless it is the name the editor
        gave a new example that spotlight saved under another name (and no file has it)."""
        if not isinstance(path, str) or path not in self.renamed:
            return path
        return path if (self.content / path).exists() else self.renamed[path]

    def _media(self, target: Path) -> Json:
        data = target.read_bytes()
        return {"id": _sha(data), "content": base64.b64encode(data).decode("ascii"),
                "encoding": "base64", "path": paths.relative_name(self.content, target),
                "name": target.name}

    def get_media(self, params: dict[str, Any]) -> Json:
        folder = paths.folder(self.content, params.get("mediaFolder"))
        if not folder.is_dir():
            return []
        found = []
        for path in sorted(folder.iterdir()):
            try:
                found.append(self._media(paths.picture(self.content, f"{folder.name}/{path.name}")))
            except Refused:
                continue
        return found

    def get_media_file(self, params: dict[str, Any]) -> Json:
        target = paths.picture(self.content, params.get("path"))
        if not target.is_file():
            raise Refused(f"'{params.get('path')}' is not there (any more)", 404)
        return self._media(target)

    # --- writing ------------------------------------------------------------------------

    def persist_entry(self, params: dict[str, Any]) -> Json:
        given_options = params.get("options")
        options = given_options if isinstance(given_options, dict) else {}
        files = params.get("dataFiles") or [params.get("entry")]
        if not isinstance(files, list) or len(files) != 1 or not isinstance(files[0], dict):
            raise Refused("the editor saves one example at a time", 400)
        entry = files[0]
        raw = entry.get("raw")
        if not isinstance(raw, str):
            raise Refused("the editor sent no text to save", 400)
        pictures = [self._picture(a) for a in params.get("assets") or []]
        with self.lock:
            given = entry.get("path")
            target = paths.example(self.content, self._mapped(given))
            new = bool(options.get("newEntry")) or not target.exists()
            if new:
                target = self._new_name(raw, target)
            name = paths.relative_name(self.content, target)
            try:
                old = None if new else target.read_text(encoding="utf-8")
                text = merge(old, raw, EDITABLE, name, DEFAULTS)
                if old == text:
                    return {"message": "nothing changed"}
                check(self.content, target, text)
            except FrontMatterError as error:
                raise _refusal(explain(error.problems, raw, name, name, new=new), name,
                               new) from None
            except CheckFailed as error:
                lines = explain(error.problems, text, error.name, name, new=new)
                if error.elsewhere:
                    lines.insert(0, "This example cannot be checked while the site file or a "
                                 "report has problems; fix these first (spotlight check lists "
                                 "them):")
                raise _refusal(lines, name, new) from None
            except (OSError, UnicodeDecodeError) as error:
                raise Refused(f"Not saved: '{name}' cannot be read ({error})", 500) from None
            for picture, data in pictures:
                write_atomically(picture, data)
            try:
                write_atomically(target, text.encode("utf-8"), new=new)
            except FileExistsError:
                raise Refused(f"Not saved: '{name}' appeared meanwhile; save again", 409) from None
            if isinstance(given, str) and name != given and not (self.content / given).exists():
                self.renamed[given] = name
        return {"message": f"saved {name}"}

    def _new_name(self, raw: str, given: Path) -> Path:
        """A new example's file: the title's slug, with -2, -3... when that name is taken."""
        try:
            title = read(raw, given.name)[0].get("title")
        except FrontMatterError:
            title = None
        slug = slugify(str(title)) if title else given.stem
        folder = self.content / EXAMPLES_DIR
        folder.mkdir(exist_ok=True)
        candidate, n = folder / f"{slug or 'example'}.md", 1
        while candidate.exists() or candidate.is_symlink():
            n += 1
            candidate = folder / f"{slug or 'example'}-{n}.md"
        return candidate

    def _picture(self, asset: object) -> tuple[Path, bytes]:
        if not isinstance(asset, dict):
            raise Refused("the editor sent a picture without a name", 400)
        target = paths.picture(self.content, asset.get("path"))
        if asset.get("encoding") != "base64" or not isinstance(asset.get("content"), str):
            raise Refused("the editor sent a picture in an unknown form", 400)
        try:
            data = base64.b64decode(asset["content"], validate=True)
        except (binascii.Error, ValueError):
            raise Refused("the editor sent a damaged picture", 400) from None
        if len(data) > MAX_PICTURE:
            raise Refused(f"'{target.name}' is larger than {MAX_PICTURE // 1024 // 1024} MB; "
                          "make it smaller first", 413)
        # Checked as the build checks the pictures of the content folder.
        if target.suffix.lower() == ".svg":
            problems = [f"{target.name}{f':{line}' if line else ''}: {message}"
                        for line, message in svg_problems(data)]
        else:
            problems = [f"{target.name}: {m}"
                        for m in [picture_problem(data, target.suffix)] if m]
        if problems:
            raise Refused("Not saved:\n" + "\n".join(problems), 422, tuple(problems),
                          said="Not saved: " + "; ".join(problems))
        return target, data

    def persist_media(self, params: dict[str, Any]) -> Json:
        target, data = self._picture(params.get("asset"))
        with self.lock:
            write_atomically(target, data)
        return self._media(target)

    def _delete(self, path: object) -> None:
        try:
            target = paths.example(self.content, self._mapped(path))
        except Refused:
            target = paths.picture(self.content, path)
        with self.lock:
            if target.is_file():
                target.unlink()

    def delete_file(self, params: dict[str, Any]) -> Json:
        self._delete(params.get("path"))
        return {"message": f"deleted {params.get('path')}"}

    def delete_files(self, params: dict[str, Any]) -> Json:
        given = params.get("paths")
        names = given if isinstance(given, list) else []
        for name in names:  # every path is checked before any file is deleted
            try:
                paths.example(self.content, self._mapped(name))
            except Refused:
                paths.picture(self.content, name)
        for name in names:
            self._delete(name)
        return {"message": f"deleted {', '.join(map(str, names))}"}
