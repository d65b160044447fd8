"""`make lab`: JupyterLab serves the notebooks on loopback with a token and the project kernel."""
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_jupyterlab_serves_notebooks_with_the_project_kernel(tmp_path):
    port, token = free_port(), "test-token-123"
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
         f"--port={port}", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={ROOT / 'notebooks'}"]
        + (["--allow-root"] if os.geteuid() == 0 else []),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start: " + proc.stderr.read1(4000).decode())
        with pytest.raises(urllib.error.HTTPError) as e:  # no token, no access
            urllib.request.urlopen(f"{base}/api/contents", timeout=5)
        assert e.value.code == 403
        listing = json.load(urllib.request.urlopen(f"{base}/api/contents?token={token}"))
        names = {c["name"] for c in listing["content"]}
        assert {"01_corpus_overview.ipynb", "02_actor_sentiment.ipynb",
                "03_quote_attribution.ipynb", "04_alignment_chart.ipynb"} <= names
        specs = json.load(urllib.request.urlopen(f"{base}/api/kernelspecs?token={token}"))
        assert "korea-analysis" in specs["kernelspecs"]
        lab = urllib.request.urlopen(f"{base}/lab?token={token}").read().decode()
        assert "JupyterLab" in lab
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_every_notebook_is_what_its_spec_generates(tmp_path, monkeypatch):
    """notebooks/*.ipynb are generated from tools/notebooks/*.py: an edit to one alone is
    drift that the next `tools/nbgen.py` run would silently undo."""
    import runpy

    nbgen = runpy.run_path(str(ROOT / "tools" / "nbgen.py"))
    specs = sorted((ROOT / "tools" / "notebooks").glob("[!_]*.py"))  # _shared.py: shared cells
    assert {s.stem for s in specs} == {n.stem for n in (ROOT / "notebooks").glob("*.ipynb")}
    out = tmp_path / "notebooks"
    out.mkdir()
    monkeypatch.setitem(nbgen["build"].__globals__, "ROOT", tmp_path)
    for spec in specs:
        written = nbgen["build"](spec)
        assert written == out / f"{spec.stem}.ipynb"
        assert written.read_bytes() == (ROOT / "notebooks" / written.name).read_bytes(), (
            f"{written.name} differs from what {spec.name} generates: edit the spec and run "
            "tools/nbgen.py")
        # full tables land where the notebook's own figures_dir says, as its charts do
        assert "views.setup_notebook(figures_dir)" in written.read_text(), spec.name
