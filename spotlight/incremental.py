"""What makes a rebuild cheap: the fingerprint of a build's inputs and the manifest of its
output.

A build's manifest, kept in the output folder's marker file, records the fingerprint of every
input (content files, visual theme files, options, spotlight's version), the SHA-256 of every
file written, and for each PDF the digest of what went into it with the warnings it raised.
The next build

- does nothing at all when the fingerprint is unchanged (a no-op rebuild);
- re-renders only the PDFs whose inputs changed;
- writes only the files whose bytes changed, linking the others from the previous build.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from . import __version__

MANIFEST_VERSION = 1
MARKER = ".spotlight-build"  # the marker file that holds the manifest


def digest(*parts: str | bytes) -> str:
    """SHA-256 over ``parts``, each length-prefixed so that no two sequences collide."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def fingerprint(inputs: Mapping[str, str], options: Iterable[str]) -> str:
    """One digest of every input (name -> digest of its bytes), the options and the version."""
    return digest(__version__, *options, *(f"{name}\0{inputs[name]}" for name in sorted(inputs)))


@dataclass(frozen=True)
class PdfRecord:
    """What went into one PDF (a digest) and the warnings rendering it raised."""

    inputs: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Manifest:
    """The record of one build, read back by the next."""

    fingerprint: str
    files: dict[str, str] = field(default_factory=dict)  # output path -> SHA-256 of its bytes
    pdfs: dict[str, PdfRecord] = field(default_factory=dict)

    def dumps(self) -> str:
        """The manifest as the marker file's text."""
        return json.dumps({
            "spotlight": "This folder is written by spotlight build.",
            "version": MANIFEST_VERSION,
            "fingerprint": self.fingerprint,
            "files": dict(sorted(self.files.items())),
            "pdfs": {path: {"inputs": r.inputs, "warnings": list(r.warnings)}
                     for path, r in sorted(self.pdfs.items())},
        }, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def loads(cls, text: str) -> Manifest | None:
        """Read a marker file; None when it holds no manifest this version understands."""
        try:
            data = json.loads(text)
            if data.get("version") != MANIFEST_VERSION:
                return None
            pdfs = {path: PdfRecord(str(r["inputs"]), tuple(map(str, r["warnings"])))
                    for path, r in data["pdfs"].items()}
            return cls(str(data["fingerprint"]), {str(k): str(v) for k, v in
                                                   data["files"].items()}, pdfs)
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
