"""A real WordPress for the tests, on 127.0.0.1: Debian's ``wordpress`` package behind PHP's
built-in web server, over a MariaDB of its own (own data folder, socket and port), installed by
setup.php with an administrator, an editor, an author and a contributor, each with an
application password.

Nothing here is shared with the system: the data folder, the uploads and the socket live in a
temporary folder, the ports are free ones picked at random, and the one file outside it (the
WordPress config in /etc/wordpress, which Debian's wp-config.php reads) has a name of its own
and is removed on ``stop()``.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
WORDPRESS = Path("/usr/share/wordpress")
CONFIGS = Path("/etc/wordpress")


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(check: object, what: str, log: Path | None = None, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.05)
    detail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise RuntimeError(f"{what} did not start in {seconds} s\n{detail}")


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


@dataclass
class WordPress:
    """One running WordPress; ``url`` ends with a slash; ``passwords`` by user login."""

    url: str = ""
    passwords: dict[str, str] = field(default_factory=dict)
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="spotlight-wp-")))
    name: str = field(default_factory=lambda: f"spotlight-test-{uuid.uuid4().hex[:12]}")
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    started_in: float = 0.0

    @property
    def config(self) -> Path:
        return CONFIGS / f"config-{self.name}.php"

    def start(self) -> WordPress:
        """Start MariaDB and WordPress, install WordPress and its users."""
        missing = [name for name in ("mariadb-install-db", "mariadbd", "mariadb", "php")
                   if shutil.which(name) is None and not Path("/usr/sbin", name).exists()]
        if missing or not (WORDPRESS / "wp-load.php").is_file():
            shutil.rmtree(self.folder, ignore_errors=True)
            raise RuntimeError(f"the WordPress tests need Debian's wordpress, mariadb-server and "
                               f"php-cli packages (missing: {', '.join(missing) or 'wordpress'})"
                               ": bash scripts/test.sh installs them")
        began = time.monotonic()
        try:
            self._start_database()
            self._start_wordpress()
        except BaseException:
            self.stop()
            raise
        self.started_in = time.monotonic() - began
        return self

    def _start_database(self) -> None:
        data, self.socket = self.folder / "db", self.folder / "db.sock"
        log = self.folder / "mariadb.log"
        subprocess.run(["mariadb-install-db", "--no-defaults", f"--datadir={data}",
                        "--user=root", "--skip-test-db",
                        "--auth-root-authentication-method=normal"],
                       check=True, capture_output=True)
        self.db_port = free_port()
        self._processes.append(subprocess.Popen(
            ["mariadbd", "--no-defaults", f"--datadir={data}", f"--socket={self.socket}",
             f"--port={self.db_port}", "--bind-address=127.0.0.1", "--skip-networking=0",
             "--user=root", f"--pid-file={self.folder / 'db.pid'}", f"--log-error={log}",
             "--skip-log-bin", "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=8M",
             "--innodb-flush-log-at-trx-commit=0", "--skip-innodb-doublewrite",
             "--character-set-server=utf8mb4"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        _wait(lambda: self.socket.exists() and _listening(self.db_port), "MariaDB", log)
        subprocess.run(["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot", "-e",
                        "CREATE DATABASE wordpress CHARACTER SET utf8mb4; "
                        "CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY 'wordpress'; "
                        "GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';"],
                       check=True, capture_output=True)

    def _start_wordpress(self) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}/"
        content = self.folder / "wp-content"
        (content / "uploads").mkdir(parents=True)
        (content / "plugins").mkdir()
        (content / "themes").symlink_to(WORDPRESS / "wp-content" / "themes")
        CONFIGS.mkdir(exist_ok=True)
        self.config.write_text(f"""<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', '127.0.0.1:{self.db_port}');
define('WP_HOME', 'http://127.0.0.1:{port}');
define('WP_SITEURL', 'http://127.0.0.1:{port}');
define('WP_CONTENT_DIR', '{content}');
define('WP_CONTENT_URL', 'http://127.0.0.1:{port}/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('FS_METHOD', 'direct');
$table_prefix = 'wp_';
""", encoding="utf-8")
        setup = subprocess.run(["php", str(HERE / "setup.php"), self.name, f"127.0.0.1:{port}"],
                               check=True, capture_output=True, text=True)
        self.passwords = json.loads(setup.stdout[setup.stdout.index("{"):])
        log = self.folder / "php.log"
        env = {**os.environ, "SPOTLIGHT_WP_CONFIG": self.name,
               "SPOTLIGHT_WP_CONTENT": str(content), "PHP_CLI_SERVER_WORKERS": "4"}
        with log.open("wb") as output:
            self._processes.append(subprocess.Popen(
                ["php", "-S", f"127.0.0.1:{port}", "-t", str(WORDPRESS), str(HERE / "router.php")],
                env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True))
        _wait(lambda: _listening(port), "PHP's web server", log)

    def get(self, path: str) -> bytes:
        """The bytes at ``path`` (a full address, or one under the site), as a reader gets them."""
        address = path if "://" in path else self.url + path.lstrip("/")
        with urllib.request.urlopen(address, timeout=30) as answer:
            return bytes(answer.read())

    def api(self, route: str, user: str = "admin", payload: object = None) -> object:
        """GET a REST route (such as /wp/v2/pages?slug=x) as ``user``, decoded; POST
        ``payload`` to it if given."""
        import base64

        path, _, query = route.partition("?")
        address = f"{self.url}?rest_route={path}" + (f"&{query}" if query else "")
        token = base64.b64encode(f"{user}:{self.passwords[user]}".encode()).decode()
        headers = {"Authorization": f"Basic {token}", "Content-Type": "application/json"}
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(address, data=data, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())

    def option(self, name: str, value: str) -> None:
        """Set one of WordPress's options (Settings) in its database."""
        subprocess.run(["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot",
                        "wordpress", "-e", f"UPDATE wp_options SET option_value = "
                        f"{_quoted(value)} WHERE option_name = {_quoted(name)}"],
                       check=True, capture_output=True)

    def stop(self) -> None:
        """Stop both servers and remove everything they made."""
        for process in reversed(self._processes):
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    if process.args[0] == "php":
                        os.killpg(process.pid, signal.SIGTERM)  # and its workers
                    else:
                        process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self._processes.clear()
        self.config.unlink(missing_ok=True)
        shutil.rmtree(self.folder, ignore_errors=True)


def _quoted(value: str) -> str:
    """A string as an SQL literal (the tests' own values: letters, digits, '/')."""
    assert all(c.isalnum() or c in "_/-" for c in value), value
    return f"'{value}'"
