"""``clientlearn lite serve``: a built site over HTTP on the trainer's laptop.

Python's own ``http.server`` with the types a browser insists on (``.wasm`` as
``application/wasm``, ``.mjs`` as JavaScript) and no caching of the site's settings,
so a rebuilt site is seen at the next reload.  Any static host serves the site as well.
"""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

from clientlearn.core.errors import ClientlearnError

from .build import SITE_MARK
from .messages import msg

__all__ = ["make_server"]

TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".ipynb": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".yaml": "text/yaml; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (http.server's own attribute, overridden whole)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **TYPES,
    }

    def end_headers(self) -> None:
        if self.path.split("?")[0].endswith(".json"):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass  # a class of twenty loads hundreds of files: the terminal stays readable


def make_server(
    site: Path, host: str = "127.0.0.1", port: int = 8000, lang: str = "uk"
) -> http.server.ThreadingHTTPServer:
    """A server of ``site`` (call ``serve_forever``); port 0 picks a free port."""
    if not (site / SITE_MARK).is_file() or not (site / "index.html").is_file():
        raise ClientlearnError(msg("not_a_site", lang, folder=site, file=SITE_MARK))
    handler = functools.partial(_Handler, directory=str(site))
    try:
        return http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as err:
        raise ClientlearnError(
            msg("cannot_listen", lang, host=host, port=port, error=err.strerror or err)
        ) from None
