"""A throwaway PostgreSQL server for the tests and the benchmark: Debian's binaries,
a data folder in /tmp, a free loopback port, trust authentication.

initdb and postgres refuse to run as root, which CI and this machine are: as root the
server runs as the ``postgres`` user Debian's package creates (``runuser``)."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BIN_GLOB = "/usr/lib/postgresql/*/bin"
INSTALL = "install Debian's PostgreSQL server: apt-get install -y postgresql (make system does)"


class NoPostgres(RuntimeError):
    """The server cannot be started here; the message says what to install."""


def server_bin() -> Path:
    """The newest installed server's bin folder."""
    found = [Path(p) for p in glob.glob(BIN_GLOB) if (Path(p) / "initdb").is_file()]
    if not found:
        raise NoPostgres(f"no PostgreSQL server binaries in {BIN_GLOB}; {INSTALL}")
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    bindir: Path
    data: Path
    port: int
    as_user: list[str]
    """The command prefix that runs a server binary (runuser when we are root)."""

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.as_user, *args], capture_output=True, text=True, encoding="utf-8", check=False
        )

    def create_database(self, name: str) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        done = self.run(
            str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
            "-U", "postgres", name,
        )  # fmt: skip
        if done.returncode != 0:
            raise NoPostgres(f"createdb {name} failed: {done.stderr.strip()}")
        return self.url(name)

    def stop(self, mode: str = "fast") -> None:
        self.run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def start(self) -> None:
        log = self.data / "server.log"
        options = f"-h 127.0.0.1 -p {self.port} -k {self.data} -c fsync=off"
        done = self.run(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(log),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip
        if done.returncode != 0:
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.exists() else ""
            raise NoPostgres(f"pg_ctl start failed: {done.stdout}{done.stderr}{tail}")


def use_database(course_root: Path, url: str) -> None:
    """Point the nbgrader course at the database ``url`` (its gradebook from then on) and
    remove its SQLite gradebook, so that nothing can read the old one by mistake."""
    with (course_root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write(f"\nc.CourseDirectory.db_url = {url!r}\n")
    (course_root / "gradebook.db").unlink(missing_ok=True)


@contextlib.contextmanager
def postgres_server() -> Iterator[Server]:
    """A running server, stopped and removed afterwards."""
    bindir = server_bin()
    as_user: list[str] = []
    owner: pwd.struct_passwd | None = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise NoPostgres(
                "running as root, and initdb refuses root: no 'postgres' user to run the "
                f"server as; {INSTALL}"
            ) from None
        runuser = shutil.which("runuser")
        if runuser is None:
            raise NoPostgres("running as root and no runuser to start the server as postgres")
        as_user = [runuser, "-u", "postgres", "--"]
    # Not under pytest's tmp folder: that is private to root, and the server is not root.
    data = Path(tempfile.mkdtemp(prefix="clientlearn-pg-"))
    if owner is not None:
        os.chown(data, owner.pw_uid, owner.pw_gid)
    server = Server(bindir, data, free_port(), as_user)
    try:
        done = server.run(
            str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        if done.returncode != 0:
            raise NoPostgres(f"initdb failed: {done.stdout}{done.stderr}")
        server.start()
        yield server
    finally:
        server.stop("immediate")
        # The server may take a moment to release its files after stopping.
        for _ in range(20):
            shutil.rmtree(data, ignore_errors=True)
            if not data.exists():
                break
            time.sleep(0.1)
