"""``clientlearn lite build`` and ``clientlearn lite serve``: the JupyterLite edition.

A thin layer over :mod:`clientlearn.trainer.lite`: the build says its steps on stderr
and what it made on stdout; the server says where participants open the site.
"""

from __future__ import annotations

from pathlib import Path

import click

from clientlearn.core.i18n import translate
from clientlearn.core.numbers import format_number
from clientlearn.trainer.lite.build import build_site
from clientlearn.trainer.lite.serve import make_server

from . import base
from .courseroot import course_option

__all__ = ["lite"]

MESSAGES: dict[str, dict[str, str]] = {
    "built": {
        "uk": "Сайт зібрано: {out} ({size} МБ; Pyodide {pyodide}; пакетів Python: {wheels}).",
        "en": "Site built: {out} ({size} MB; Pyodide {pyodide}; Python packages: {wheels}).",
    },
    "notebooks": {
        "uk": "Зошити ({n}): {names}",
        "en": "Notebooks ({n}): {names}",
    },
    "next": {
        "uk": "Далі: clientlearn lite serve {out} (у мережі бібліотеки: --host 0.0.0.0) або "
        "викладіть усю теку на будь-який статичний хостинг.",
        "en": "Next: clientlearn lite serve {out} (on the library's network: --host 0.0.0.0) "
        "or put the whole folder on any static host.",
    },
    "serving": {
        "uk": "Сайт {site} доступний за адресою http://{host}:{port}/lab/index.html "
        "(Ctrl+C — зупинити).",
        "en": "The site {site} is served at http://{host}:{port}/lab/index.html (Ctrl+C stops it).",
    },
}


def _say(key: str, lang: str, **values: object) -> None:
    click.echo(translate(MESSAGES, key, lang, **values))


def _step(text: str) -> None:
    click.echo(text, err=True)


@click.group("lite", cls=base.Group)
def lite() -> None:
    """The JupyterLite edition: both modules in the browser, nothing to install."""


@lite.command("build")
@click.option(
    "--out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
)
@course_option()
@base.lang_option
def build(out: Path, course_dir: Path, lang: str) -> None:
    """Build a static JupyterLite site of both released modules, with everything it needs."""
    site = build_site(out, course_dir, lang=lang, step=_step)
    size = format_number(site.size / 1_000_000, lang, digits=1)
    _say("built", lang, out=site.out, size=size, pyodide=site.pyodide, wheels=len(site.wheels))
    _say("notebooks", lang, n=len(site.notebooks), names=", ".join(site.notebooks))
    _say("next", lang, out=out)


@lite.command("serve")
@click.argument("site", type=click.Path(file_okay=False, path_type=Path))
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
)
@base.lang_option
def serve(site: Path, port: int, host: str, lang: str) -> None:
    """Serve a built SITE over HTTP until Ctrl+C."""
    server = make_server(site, host, port, lang)
    _say("serving", lang, site=site, host=host, port=server.server_address[1])
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
