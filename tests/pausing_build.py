"""Run ``spotlight`` in a process that pauses at a chosen point of a build, so a test can
signal it (or start another build) exactly there, with no guessing about timing.

    python tests/pausing_build.py POINT FLAGS spotlight-arguments...

POINT is where to pause:

- ``pdf``: while the PDFs render, before anything is written;
- ``write``: inside the write stage, after the first file is written into the temporary folder
  (the output lock is held);
- ``swap``: between the two renames that swap the new build in.

On pausing, the process creates the file FLAGS/paused, then waits until FLAGS/go exists.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import spotlight.outputs.pdf
from spotlight.cli import main

PATIENCE = 300  # seconds: a safety net so that a broken test cannot hang CI forever


def _pause(flags: Path) -> None:
    (flags / "paused").touch()
    deadline = time.monotonic() + PATIENCE
    while not (flags / "go").exists():
        if time.monotonic() > deadline:
            os._exit(99)
        time.sleep(0.01)


def _pause_once(flags: Path):  # type: ignore[no-untyped-def]
    done = []

    def pause() -> None:
        if not done:
            done.append(True)
            _pause(flags)

    return pause


def _arrange(point: str, flags: Path) -> None:
    pause = _pause_once(flags)
    if point == "pdf":
        render_pdfs = spotlight.outputs.pdf.render_pdfs

        def rendering(*args, **kwargs):  # type: ignore[no-untyped-def]
            pause()
            return render_pdfs(*args, **kwargs)

        spotlight.outputs.pdf.render_pdfs = rendering
    elif point == "write":
        write_bytes = Path.write_bytes

        def writing(path: Path, data: bytes) -> int:
            written = write_bytes(path, data)
            if any(".new-" in part for part in path.parts):
                pause()
            return written

        Path.write_bytes = writing  # type: ignore[method-assign]
    elif point == "swap":
        rename = os.rename

        def renaming(source, target) -> None:  # type: ignore[no-untyped-def]
            rename(source, target)
            if ".old-" in str(target):
                pause()

        os.rename = renaming
    else:
        raise SystemExit(f"unknown point {point}")


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with it ignored
    _arrange(sys.argv[1], Path(sys.argv[2]))
    sys.argv = ["spotlight", *sys.argv[3:]]
    main()
