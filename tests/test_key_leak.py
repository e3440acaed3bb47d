"""No graded key in what is published: the wheel and the sdist of the package are built as a
release would build them and every file in them is searched for every graded key of both
module banks (what "a key" is: tests/keys.py).

The participants' other artifacts are searched with the same helper where they are made:
the release of both modules in tests/test_course_modules.py (and of the showcase bank in
tests/test_nbgrader_e2e.py), the feedback in tests/test_feedback.py and the printed
handbook in tests/test_handbook.py.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from clientlearn.bank import Bank, load_bank

from .keys import graded, key_leaks

REPO = Path(__file__).resolve().parent.parent
MODULES = ["module1_client_service", "module2_difficult_situations"]


def _banks() -> list[Bank]:
    return [load_bank(REPO / m / "questions.yaml") for m in MODULES]


def _texts(members: dict[str, bytes]) -> dict[str, str]:
    """The text files of an archive (a font or an image cannot hold a key)."""
    out = {}
    for name, data in members.items():
        try:
            out[name] = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The files of the wheel and of the sdist, built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    for cmd in (
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", str(out)],
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(out), str(REPO)],
    ):
        proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    (wheel,) = out.glob("clientlearn-*.whl")
    (sdist,) = out.glob("clientlearn-*.tar.gz")
    with zipfile.ZipFile(wheel) as zf:
        wheel_files = {name: zf.read(name) for name in zf.namelist()}
    with tarfile.open(sdist) as tf:
        sdist_files = {
            m.name: tf.extractfile(m).read()  # type: ignore[union-attr]
            for m in tf.getmembers()
            if m.isfile()
        }
    return {"wheel": wheel_files, "sdist": sdist_files}


@pytest.mark.parametrize("kind", ["wheel", "sdist"])
def test_no_graded_key_in_the_package(built: dict[str, dict[str, bytes]], kind: str) -> None:
    files = built[kind]
    assert any(name.endswith("clientlearn/store.py") for name in files)  # the package is there
    # Neither an instructor bank nor an instructor notebook is packaged.
    assert not [n for n in files if n.endswith((".ipynb", "questions.yaml"))]
    assert key_leaks(_texts(files), _banks()) == []


def test_the_search_finds_every_key_in_the_instructor_source() -> None:
    """The same search over the instructor's folders finds every graded question's key and
    explanation: it is not blind."""
    for module, bank in zip(MODULES, _banks(), strict=True):
        folder = REPO / module
        files = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}
        leaks = key_leaks(files, [bank])
        ids = {q.id for q in graded(bank)}
        assert len(ids) > 30
        found = [ln.split(": ")[:3] for ln in leaks]
        assert {q for f, q, _ in found if f == "questions.yaml"} == ids  # the bank
        assert {q for _, q, what in found if what == "its explanation"} == ids


def test_a_leaked_choice_quality_is_a_key() -> None:
    """A path-scored scenario's qualities are its key: the participants' copy with one
    quality put back is caught."""
    import yaml

    from clientlearn.bank import public_yaml

    from .conftest import SHOWCASE

    bank = load_bank(SHOWCASE)
    data = yaml.safe_load(public_yaml(SHOWCASE.read_text(encoding="utf-8")))
    assert key_leaks({"questions.yaml": yaml.safe_dump(data)}, [bank], explanations=False) == []
    scenario = next(q for q in data["questions"] if q["id"] == "sc.scenario")
    scenario["nodes"][1]["choices"][1]["quality"] = 0.5
    leaked = {"questions.yaml": yaml.safe_dump(data, allow_unicode=True)}
    assert key_leaks(leaked, [bank], explanations=False) == [
        "questions.yaml: sc.scenario: its choice qualities"
    ]
