"""A throw-away PostgreSQL server for the store tests, or the reason there is none.

Uses ``EVENTCODER_TEST_PG_URL`` when set; otherwise starts a private cluster with the machine's
``initdb``/``pg_ctl`` in a temporary directory, listening only on a Unix socket (no TCP port), as
the ``postgres`` system user when the tests run as root (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Unavailable(Exception):
    """No PostgreSQL server can be had here; the message says why."""


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser is None:
        raise Unavailable("running as root and no runuser to start PostgreSQL as another user")
    return [runuser, "-u", "postgres", "--", *cmd]


@contextmanager
def postgres_url() -> Iterator[str]:
    given = os.environ.get("EVENTCODER_TEST_PG_URL")
    if given:
        yield given
        return
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise Unavailable("psycopg is not installed (pip install '.[postgres]')") from exc
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if not initdb or not pg_ctl:
        raise Unavailable("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    root = Path(tempfile.mkdtemp(prefix="eventcoder-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
        shutil.chown(sock, "postgres")
    try:
        run = lambda cmd: subprocess.run(  # noqa: E731
            _as_postgres(cmd), check=True, capture_output=True, timeout=120
        )
        run([initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
        opts = f"-c listen_addresses='' -c unix_socket_directories={sock} -c fsync=off"
        run([pg_ctl, "-D", str(data), "-o", opts, "-w", "-l", str(root / "log"), "start"])
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        raise Unavailable(f"could not start a PostgreSQL server: {exc}") from exc
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={sock}"
    finally:
        subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True, timeout=60)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)
