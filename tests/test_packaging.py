"""The two ways to install agree, and notebooks are stored clean."""
import json
import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["name"] == "korea-analysis" and env["channels"] == ["conda-forge"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = [d for d in env["dependencies"] if isinstance(d, dict)][0]["pip"]
    assert pip == ["-e ."]
    py = [d for d in conda if _name(d) == "python"][0]
    assert py.replace(" ", "") == "python" + project["requires-python"]
    pyproject = {_name(d): d.replace(" ", "") for d in project["dependencies"]}
    conda_deps = {_name(d): d.replace(" ", "") for d in conda if _name(d) not in ("python", "pip")}
    assert conda_deps == pyproject  # same names and the same version bounds


def test_notebooks_are_stored_without_outputs_and_with_one_parameters_cell():
    books = sorted((ROOT / "notebooks").glob("*.ipynb"))
    assert books, "no notebooks"
    for nb in books:
        cells = json.loads(nb.read_text())["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), nb.name
        tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, nb.name
        assert json.loads(nb.read_text())["metadata"]["kernelspec"]["name"] == "korea-analysis"


def test_console_script_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["korea-analysis"] == "korea_analysis.cli:main"
