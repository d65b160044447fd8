"""Write the notebooks in notebooks/ from the cell lists in tools/notebooks/*.py.

Notebooks are stored without outputs; this keeps their JSON reviewable and regenerable:
    .venv/bin/python tools/nbgen.py
"""
import runpy
import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
SPECS = ROOT / "tools" / "notebooks"
sys.path.insert(0, str(SPECS))  # the specs import their shared cells from _shared.py
KERNEL = {"name": "korea-analysis", "display_name": "Python (korea-analysis)",
          "language": "python"}


def build(spec: Path) -> Path:
    cells = []
    for kind, src, *tags in runpy.run_path(str(spec))["CELLS"]:
        src = src.strip("\n")
        cell = new_markdown_cell(src) if kind == "md" else new_code_cell(src)
        if tags:
            cell.metadata["tags"] = list(tags)
        cells.append(cell)
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": KERNEL,
        "language_info": {"name": "python"},
    })
    for i, c in enumerate(nb.cells):  # stable ids keep diffs small
        c["id"] = f"{spec.stem[:20]}-{i:02d}"
    out = ROOT / "notebooks" / f"{spec.stem}.ipynb"
    nbformat.write(nb, out)
    return out


if __name__ == "__main__":
    for spec in sorted(SPECS.glob("[!_]*.py")):
        print(build(spec))
