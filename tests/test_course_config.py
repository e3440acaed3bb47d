"""The course root works as a trainer uses it: `cd course && clientlearn release M`, with
the environment not activated; the formgrader then lists exactly the course's modules,
not every folder of the repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from clientlearn.grader.modules import link_module, locate_module

from .test_journey import clientlearn

REPO = Path(__file__).resolve().parent.parent
MODULES = ("module1_client_service", "module2_difficult_situations")


def repository_copy(tmp_path: Path) -> Path:
    """The repository's layout: the modules and the course folder side by side, with
    other top-level folders the old `source_directory = ".."` listed as assignments."""
    shutil.copytree(REPO / MODULES[0], tmp_path / MODULES[0])
    (tmp_path / MODULES[1]).symlink_to(REPO / MODULES[1], target_is_directory=True)
    for other in ("benchmarks", "clientlearn", "tests"):
        (tmp_path / other).mkdir()
    (tmp_path / "tests" / "scratch.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "course").mkdir()
    shutil.copy(REPO / "course" / "nbgrader_config.py", tmp_path / "course")
    return tmp_path / "course"


def formgrader_assignments(course: Path) -> set[str]:
    """What the formgrader lists: nbgrader's API with the course's config."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    return set(NbGraderAPI(config=config).get_source_assignments())


@pytest.mark.nbgrader
def test_release_from_the_course_folder(tmp_path: Path) -> None:
    course = repository_copy(tmp_path)
    proc = clientlearn("release", MODULES[0], cwd=course)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    release = course / "release" / MODULES[0]
    assert sorted(p.name for p in release.glob("*.ipynb")) == sorted(
        p.name for p in (REPO / MODULES[0]).glob("*.ipynb")
    )
    released = yaml.safe_load((release / "questions.yaml").read_text(encoding="utf-8"))
    assert released["public"] is True
    graded = [
        q
        for q in released["questions"]
        if q.get("mode", "graded") == "graded" and q["type"] != "rating"
    ]
    assert graded and all("key" not in q and "explanation" not in q for q in graded)
    assert (course / "gradebook.db").exists()
    # The release reads the module where it is edited: nothing was copied into source/.
    assert (course / "source" / MODULES[0]).is_symlink()


def test_the_formgrader_lists_exactly_the_modules(tmp_path: Path) -> None:
    course = repository_copy(tmp_path)
    assert formgrader_assignments(course) == set()
    for module in MODULES:
        link_module(locate_module(course, module, cwd=course))
    assert formgrader_assignments(course) == set(MODULES)
    assert (course / "source" / MODULES[0]).readlink() == Path("..", "..", MODULES[0])


def test_a_link_to_a_folder_that_is_gone_is_made_again(tmp_path: Path) -> None:
    course = repository_copy(tmp_path)
    entry = course / "source" / MODULES[0]
    entry.parent.mkdir()
    entry.symlink_to(tmp_path / "old-place" / MODULES[0], target_is_directory=True)
    found = locate_module(course, MODULES[0], cwd=course)
    assert found.needs_link and found.folder == tmp_path / MODULES[0]
    link_module(found)
    assert entry.resolve() == tmp_path / MODULES[0]


@pytest.mark.nbgrader
def test_the_grading_kernel_runs_as_the_course_configures_it(tmp_path: Path) -> None:
    """nbgrader's own Execute preprocessor, with the course's configuration, starts a
    kernel without IPython history (nobody reads it; it costs every cell)."""
    import nbformat
    from nbgrader.preprocessors import Execute
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO / "course")).load_config()
    nb = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("print(get_ipython().history_manager.enabled)")]
    )
    nb, _ = Execute(config=config).preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    assert [out.get("text") for out in nb.cells[0].outputs] == ["False\n"]
