"""report: render parameterised notebooks with Papermill into executed .ipynb and HTML.

Each notebook in ``notebooks/`` runs in the ``toolkit`` Jupyter kernel with its parameters
injected by Papermill; the executed notebook and an HTML page without code cells
(nbconvert) are written to the output folder. A failing notebook is reported with the
failing cell and does not stop the others.

Example:
    >>> from toolkit.report import list_notebooks
    >>> list_notebooks()[0].name
    '00_corpus_overview.ipynb'
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config
from .errors import ParameterError

KERNEL_NAME = "toolkit"
CELL_TIMEOUT_SECONDS = 1800


@dataclass
class RenderResult:
    """The outcome of rendering one notebook.

    Attributes:
        notebook: the notebook's name without extension.
        status: ``"ok"`` or ``"failed"``.
        seconds: wall time.
        ipynb: the executed notebook (written even when a cell failed).
        html: the HTML page without code cells.
        parameters: the parameters injected.
        error: for a failure, which cell failed and why.
    """

    notebook: str
    status: str
    seconds: float
    ipynb: Path
    html: Path | None
    parameters: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def list_notebooks(directory: Path = config.NOTEBOOK_DIR) -> list[Path]:
    """The report notebooks, in name order."""
    return sorted(p for p in directory.glob("[0-9][0-9]_*.ipynb"))


def find_notebook(name: str, directory: Path = config.NOTEBOOK_DIR) -> Path:
    """A notebook by path, file name or name prefix (``"00"``, ``"00_corpus_overview"``).

    Raises:
        ParameterError: no notebook or several match.
    """
    path = Path(name)
    if path.suffix == ".ipynb" and path.exists():
        return path
    matches = [p for p in list_notebooks(directory) if p.stem == name or p.stem.startswith(name)]
    if len(matches) != 1:
        names = ", ".join(p.stem for p in list_notebooks(directory))
        raise ParameterError(
            f"{'no' if not matches else 'more than one'} notebook matches {name!r}",
            field="notebook", hint=f"available: {names}",
        )
    return matches[0]


def to_html(ipynb: Path, html: Path) -> Path:
    """Convert an executed notebook to HTML without code cells or prompts."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _ = exporter.from_notebook_node(nbformat.read(ipynb, as_version=4))
    html.write_text(body, encoding="utf-8")
    return html


def _describe_failure(exc: Exception) -> str:
    cell = getattr(exc, "exec_count", None)
    ename, evalue = getattr(exc, "ename", type(exc).__name__), getattr(exc, "evalue", str(exc))
    where = f"cell [{cell}]" if cell is not None else "a cell"
    return f"{where} raised {ename}: {evalue}".strip()


def render_notebook(
    notebook: str | Path,
    *,
    parameters: dict[str, Any] | None = None,
    out_dir: str | Path = config.REPORT_DIR,
    kernel_name: str = KERNEL_NAME,
    timeout: int = CELL_TIMEOUT_SECONDS,
) -> RenderResult:
    """Execute one notebook with Papermill and convert it to HTML.

    Args:
        notebook: path, file name or name prefix of a notebook in ``notebooks/``.
        parameters: values for the notebook's ``parameters`` cell.
        out_dir: folder for ``<name>.ipynb``, ``<name>.html`` and, for notebooks with an
            ``output_dir`` parameter, the ``<name>/`` folder of their tables and figures.
        kernel_name: the Jupyter kernel (``make setup`` installs ``toolkit``).
        timeout: seconds a single cell may run.

    Returns:
        A :class:`RenderResult`; a failing cell gives ``status="failed"`` (the executed
        notebook and its HTML still show where it stopped).
    """
    import papermill as pm

    source = find_notebook(str(notebook))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ipynb, html = out / source.name, out / f"{source.stem}.html"
    params = dict(parameters or {})
    if "output_dir" in pm.inspect_notebook(str(source)):
        params.setdefault("output_dir", str((out / source.stem).resolve()))
    started = time.perf_counter()
    error = None
    try:
        pm.execute_notebook(
            str(source), str(ipynb), parameters=params, kernel_name=kernel_name,
            execution_timeout=timeout, progress_bar=False, cwd=str(source.parent),
        )
    except Exception as exc:
        error = _describe_failure(exc)
    html_path = to_html(ipynb, html) if ipynb.exists() else None
    return RenderResult(
        notebook=source.stem, status="failed" if error else "ok",
        seconds=round(time.perf_counter() - started, 2), ipynb=ipynb, html=html_path,
        parameters=params, error=error,
    )


def render_all(
    notebooks: Sequence[str | Path] | None = None,
    *,
    parameters: dict[str, Any] | None = None,
    out_dir: str | Path = config.REPORT_DIR,
    jobs: int = 1,
) -> list[RenderResult]:
    """Render several notebooks (default: all of ``notebooks/``), ``jobs`` at a time.

    Each notebook runs in its own kernel process, so threads suffice to run them in
    parallel; results come back in the order asked for.
    """
    from concurrent.futures import ThreadPoolExecutor

    chosen = [find_notebook(str(nb)) for nb in notebooks] if notebooks else list_notebooks()
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(
            lambda nb: render_notebook(nb, parameters=parameters, out_dir=out_dir), chosen
        ))
