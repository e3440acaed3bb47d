"""Self-assessment instruments as data: YAML files checked when they are loaded.

(The dataclasses themselves are in :mod:`clientlearn.runtime.selfassess.model`; this module
reads, checks and builds them, and re-exports them.)

An instrument is a list of statements rated on a scale (1–5 in the shipped ones),
grouped into dimensions: the signs of a library, the five conflict modes, the two
modules of the course.  It has no key; its bands interpret a score.  Three kinds:

* ``index``: one 0–100 index from all items (reverse-scored items flipped); bands
  interpret the index;
* ``modes``: a 1–5 score per dimension and axes computed from the dimensions'
  positions; bands interpret each dimension's score;
* ``confidence``: asked once per phase (before/after); bands interpret the mean.

Files are validated against ``schema/instrument.schema.json`` and then for what a
schema cannot say (unique ids, items naming real dimensions, bands that cover the
range, positions on every axis, the typographic apostrophe).  Problems are reported
as ``FILE:LINE: FIELD: message``, all at once, through the same line-remembering YAML
loader as question banks (:mod:`clientlearn.runtime.bank`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clientlearn.core.checkcache import checked_data
from clientlearn.core.errors import ClientlearnError, InputFileError, Problem
from clientlearn.core.textfiles import read_text
from clientlearn.runtime.questions import LocalText

from .instrument_words import MESSAGES as WORDS
from .model import (
    RECORD_PREFIX,
    Axis,
    Band,
    Dimension,
    Instrument,
    Item,
    Kind,
    Phase,
    Scale,
    round_half_up,
)

if TYPE_CHECKING:
    from clientlearn.core.yamlsource import Path_ as _PathT
    from clientlearn.core.yamlsource import Source

# What checks an instrument: a change to any of these checks cached instruments again.
CHECKERS = (
    "runtime/selfassess/instruments.py",
    "runtime/selfassess/model.py",
    "core/yamlsource.py",
    "runtime/schema/instrument.schema.json",
)


class InstrumentError(InputFileError):
    """An instrument file is malformed or inconsistent."""


class UnknownInstrumentError(ClientlearnError):
    """No shipped instrument has this id and no file has this path."""


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of an instrument (shipped as ``schema/instrument.schema.json``)."""
    text = resources.files("clientlearn.runtime").joinpath("schema/instrument.schema.json")
    result: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return result


def _field(data: Any, path: _PathT) -> str:
    """``items[training].text.uk`` rather than ``items.1.text.uk``."""
    out = ""
    for depth, part in enumerate(path):
        if isinstance(part, int):
            name = None
            if depth == 1 and path[0] in ("items", "dimensions", "axes", "phases"):
                try:
                    name = data[path[0]][part]["id"]
                except (KeyError, IndexError, TypeError):
                    name = None
            out += f"[{name}]" if isinstance(name, str) else f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "instrument"


def _located(text: str, file: str) -> Source:
    # Imported here: an instrument found in the check cache needs neither YAML nor the schema.
    from clientlearn.core.yamlsource import parse

    return parse(text, file, error=InstrumentError, namer=_field)


def _texts(node: Any, path: _PathT) -> list[tuple[_PathT, str]]:
    """Every Ukrainian text in the file, with its path."""
    if isinstance(node, dict):
        found = [((*path, "uk"), node["uk"])] if isinstance(node.get("uk"), str) else []
        for key, value in node.items():
            if key != "uk":
                found += _texts(value, (*path, key))
        return found
    if isinstance(node, list):
        return [t for i, v in enumerate(node) for t in _texts(v, (*path, i))]
    return []


def _num(x: float) -> dict[str, str]:
    """A limit as the author wrote it (``:g``), with the decimal comma in Ukrainian."""
    return {"uk": f"{x:g}".replace(".", ","), "en": f"{x:g}"}


def _duplicate_ids(src: Source, name: str) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for i, entry in enumerate(src.data.get(name, [])):
        if entry["id"] in seen:
            out.append(src.said((name, i, "id"), WORDS, "id_twice", oid=entry["id"]))
        seen.add(entry["id"])
    return out


def _band_problems(src: Source, lo: float, hi: float, decimals: int) -> list[Problem]:
    bands, out = src.data["bands"], []
    step = 10.0**-decimals
    for i, band in enumerate(bands):
        if band["min"] > band["max"]:
            out.append(src.said(("bands", i, "min"), WORDS, "min_above_max"))
        if i == 0 and band["min"] != lo:
            out.append(src.said(("bands", 0, "min"), WORDS, "first_band", lo=_num(lo)))
        if i > 0 and abs(band["min"] - (bands[i - 1]["max"] + step)) > step / 1000:
            want = round(bands[i - 1]["max"] + step, decimals)
            out.append(src.said(("bands", i, "min"), WORDS, "band_gap", want=_num(want)))
    if bands and bands[-1]["max"] != hi:
        out.append(src.said(("bands", len(bands) - 1, "max"), WORDS, "last_band", hi=_num(hi)))
    return out


def _semantic_problems(src: Source) -> list[Problem]:
    data, out = src.data, []
    kind = Kind(data["kind"])
    for name in ("items", "dimensions", "axes", "phases"):
        out += _duplicate_ids(src, name)
    scale = data["scale"]
    if scale["min"] >= scale["max"]:
        out.append(src.said(("scale", "max"), WORDS, "scale_max"))
    points = scale["max"] - scale["min"] + 1
    if "labels" in scale and len(scale["labels"]) != points:
        given = len(scale["labels"])
        out.append(
            src.said(("scale", "labels"), WORDS, "labels_per_point", points=points, given=given)
        )
    dims = [d["id"] for d in data["dimensions"]]
    used = {item["dimension"] for item in data["items"]}
    for i, item in enumerate(data["items"]):
        if item["dimension"] not in dims:
            out.append(src.said(("items", i, "dimension"), WORDS, "not_a_dimension", dims=dims))
        if kind is not Kind.MODES and "short" not in item:
            out.append(src.said(("items", i), WORDS, "add_short", short="'short'"))
    for j, dim in enumerate(data["dimensions"]):
        if dim["id"] not in used:
            out.append(src.said(("dimensions", j), WORDS, "empty_dimension"))
    axes = [a["id"] for a in data.get("axes", [])]
    if kind is Kind.MODES:
        if not axes:
            out.append(
                src.said(("kind",), WORDS, "modes_need_axes", modes="'modes'", axes="'axes'")
            )
        for j, dim in enumerate(data["dimensions"]):
            position = dim.get("position", {})
            if set(position) != set(axes):
                out.append(
                    src.said(("dimensions", j, "position"), WORDS, "place_on_axes", axes=axes)
                )
    if (kind is Kind.CONFIDENCE) != ("phases" in data):
        out.append(src.said(("kind",), WORDS, "phases_for_confidence", confidence="'confidence'"))
    lo, hi = (0, 100) if kind is Kind.INDEX else (scale["min"], scale["max"])
    out += _band_problems(src, lo, hi, data.get("band_decimals", 0))
    for path, text in _texts(data, ()):
        if "'" in text or "ʼ" in text:
            out.append(src.said(path, WORDS, "apostrophe"))
    return out


def _text(value: Any) -> LocalText | None:
    return dict(value) if value else None


def _build(data: Mapping[str, Any], path: Path | None) -> Instrument:
    scale = data["scale"]
    completion = data.get("completion", {})
    return Instrument(
        id=data["instrument"],
        kind=Kind(data["kind"]),
        title=dict(data["title"]),
        description=dict(data["description"]),
        instructions=_text(data.get("instructions")),
        scale=Scale(scale["min"], scale["max"], tuple(dict(t) for t in scale.get("labels", []))),
        axes=tuple(Axis(a["id"], dict(a["title"])) for a in data.get("axes", [])),
        dimensions=tuple(
            Dimension(
                d["id"],
                dict(d["title"]),
                _text(d.get("text")),
                _text(d.get("fits")),
                _text(d.get("risk")),
                {k: float(v) for k, v in d.get("position", {}).items()},
            )
            for d in data["dimensions"]
        ),
        items=tuple(
            Item(
                i["id"],
                i["dimension"],
                dict(i["text"]),
                _text(i.get("short")),
                i.get("reverse", False),
            )
            for i in data["items"]
        ),
        bands=tuple(
            Band(float(b["min"]), float(b["max"]), dict(b["title"]), dict(b["text"]))
            for b in data["bands"]
        ),
        phases=tuple(Phase(p["id"], dict(p["title"])) for p in data.get("phases", [])),
        band_decimals=data.get("band_decimals", 0),
        min_share=float(completion.get("min_share", 0.8)),
        per_dimension=int(completion.get("per_dimension", 1)),
        version=data.get("version", 1),
        path=path,
    )


def _checked(text: str, file: str) -> Source:
    src = _located(text, file)
    if not isinstance(src.data, dict):
        raise InstrumentError(
            [
                Problem.said(
                    file,
                    1,
                    "instrument",
                    WORDS,
                    "not_an_instrument",
                    fields="'instrument', 'kind', 'items'",
                )
            ]
        )
    from clientlearn.core.yamlsource import schema_problems

    problems = schema_problems(src, schema()) or _semantic_problems(src)
    if problems:
        raise InstrumentError(problems)
    return src


def checked_instrument_data(text: str, file: str = "<instrument>") -> Any:
    """The checked data of an instrument's YAML text, what :func:`parse_instrument`
    builds from (and the check cache keeps); raises InstrumentError on problems."""
    return _checked(text, file).data


def builtin_text(instrument_id: str) -> str:
    """The text of a shipped instrument, as :func:`load_instrument` reads it."""
    resource = resources.files("clientlearn.runtime.selfassess").joinpath(
        f"instruments/{instrument_id}.yaml"
    )
    return resource.read_text(encoding="utf-8")


def parse_instrument(text: str, file: str = "<instrument>", path: Path | None = None) -> Instrument:
    """An instrument from YAML text; raises InstrumentError listing every problem."""
    return _build(
        checked_data("instrument", text, CHECKERS, lambda: checked_instrument_data(text, file)),
        path,
    )


def _read(path: Path) -> str:
    return read_text(path, error=InstrumentError)


def check_instrument(path: str | Path) -> list[Problem]:
    """All problems of an instrument file (empty when it is valid)."""
    path = Path(path)
    try:
        _checked(_read(path), str(path))
    except InstrumentError as err:
        return err.problems
    return []


def builtin_ids() -> tuple[str, ...]:
    """Ids of the instruments shipped in ``clientlearn/runtime/selfassess/instruments``."""
    folder = resources.files("clientlearn.runtime.selfassess").joinpath("instruments")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml")))


@cache
def _builtin(instrument_id: str) -> Instrument:
    # Shipped files are data that never change while a kernel runs: check them once.
    return parse_instrument(
        builtin_text(instrument_id),
        f"clientlearn/runtime/selfassess/instruments/{instrument_id}.yaml",
    )


def load_instrument(name: str | Path | Instrument) -> Instrument:
    """A shipped instrument by id (``"library_diagnostic"``), or one from a YAML file."""
    if isinstance(name, Instrument):
        return name
    if isinstance(name, str) and name in builtin_ids():
        return _builtin(name)
    path = Path(name)
    if path.suffix in (".yaml", ".yml") or path.exists():
        return parse_instrument(_read(path), str(path), path)
    raise UnknownInstrumentError.said(
        WORDS, "unknown_instrument", name=str(name), builtin=", ".join(builtin_ids())
    )


__all__ = [
    "RECORD_PREFIX",
    "Axis",
    "Band",
    "Dimension",
    "Instrument",
    "InstrumentError",
    "Item",
    "Kind",
    "Phase",
    "Scale",
    "UnknownInstrumentError",
    "builtin_ids",
    "builtin_text",
    "check_instrument",
    "checked_instrument_data",
    "load_instrument",
    "parse_instrument",
    "round_half_up",
    "schema",
]


def record_tag(instrument: Instrument) -> str:
    """What a saved record names as its source: the instrument and its version."""
    return f"{instrument.id}@v{instrument.version}"


def version_of(tag: str | None) -> int | None:
    """The instrument version a record was saved with (None for records without one)."""
    if not tag or "@v" not in tag:
        return None
    try:
        return int(tag.rsplit("@v", 1)[1])
    except ValueError:
        return None
