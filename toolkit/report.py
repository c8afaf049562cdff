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

import html
import itertools
import json
import os
import re
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from pathlib import Path
from typing import Any

import pandas as pd
from jupyter_client.manager import KernelManager
from jupyter_core.paths import jupyter_runtime_dir
from traitlets import CaselessStrEnum, default

from . import config
from .display import report_assets
from .errors import ParameterError, ReportError
from .filenames import safe_name
from .htmlaudit import unsafe_markup
from .notebook import RECORD_MIMETYPE
from .parameters import clean_parameters

KERNEL_NAME = "toolkit"


class LocalKernelManager(KernelManager):
    """A kernel reached over local IPC sockets, not TCP: nothing listens on the network
    (and the kernel has no "running over TCP without encryption" warning to print)."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc")

    @default("ip")
    def _ipc_path(self) -> str:
        """An absolute socket path (the kernel runs in another folder than this process)."""
        folder = Path(jupyter_runtime_dir())
        folder.mkdir(parents=True, exist_ok=True)
        return str(folder / f"toolkit-{uuid.uuid4().hex[:12]}-ipc")
TEMPLATE = "toolkit_report"  # JupyterLab's page without CDN scripts (toolkit/templates)
CELL_TIMEOUT_SECONDS = 1800


class RenderStatus(str, Enum):
    """How a notebook's render ended (a ``str``, so ``status == "ok"`` reads naturally)."""

    OK = "ok"
    FAILED = "failed"


@dataclass
class RenderResult:
    """The outcome of rendering one notebook.

    Attributes:
        notebook: the notebook's name without extension.
        status: :attr:`RenderStatus.OK` or :attr:`RenderStatus.FAILED`.
        seconds: wall time.
        ipynb: the executed notebook (written even when a cell failed).
        html: the HTML page without code cells (``None`` when it could not be written).
        parameters: the parameters injected.
        error: for a failure, the notebook, the cell and what it raised.
        title: the notebook's title (its first heading).
        summary: what the report shows (the first paragraph under the title).
        recorded: choices the notebook made and recorded with
            :func:`toolkit.notebook.record` (e.g. the outlet 04 picked when none was given).
    """

    notebook: str
    status: RenderStatus
    seconds: float
    ipynb: Path
    html: Path | None
    parameters: dict[str, Any] = field(default_factory=dict)
    error: ReportError | None = None
    title: str = ""
    summary: str = ""
    recorded: dict[str, Any] = field(default_factory=dict)


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
        return path.resolve()
    matches = [p for p in list_notebooks(directory) if p.stem == name or p.stem.startswith(name)]
    if len(matches) != 1:
        names = ", ".join(p.stem for p in list_notebooks(directory))
        raise ParameterError(
            f"{'no' if not matches else 'more than one'} notebook matches {name!r}",
            field="notebook", hint=f"available: {names}",
        )
    return matches[0]


def to_html(ipynb: Path, html: Path) -> Path:
    """Convert an executed notebook to HTML without code cells, prompts or CDN scripts."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name=TEMPLATE, extra_template_basedirs=[str(config.PACKAGE_DIR / "templates")],
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
    )
    notebook = nbformat.read(ipynb, as_version=4)
    for cell in notebook.cells:  # recorded choices are for the index, not the page
        if "outputs" in cell:
            cell.outputs = [o for o in cell.outputs if RECORD_MIMETYPE not in o.get("data", {})]
    css, script = report_assets()
    body, _ = exporter.from_notebook_node(notebook, resources={
        "toolkit_css": css, "toolkit_script": script})
    html.write_text(body, encoding="utf-8")
    return html


def notebook_summary(notebook: Path) -> tuple[str, str]:
    """A notebook's title and what it shows: its first markdown cell's heading and the
    paragraph under it.

    Example:
        >>> notebook_summary(find_notebook("00"))[0]
        'Corpus overview'
    """
    import nbformat

    cells = nbformat.read(notebook, as_version=4).cells
    text = next((c.source for c in cells if c.cell_type == "markdown"), "")
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    title = blocks[0].lstrip("#").strip() if blocks and blocks[0].startswith("#") else ""
    paragraph = " ".join((blocks[1] if title and len(blocks) > 1 else "").split())
    return title, re.split(r"(?<=[.:!?])\s", paragraph, maxsplit=1)[0]


def recorded_values(ipynb: Path) -> dict[str, Any]:
    """What an executed notebook recorded with :func:`toolkit.notebook.record`."""
    import nbformat

    values: dict[str, Any] = {}
    for cell in nbformat.read(ipynb, as_version=4).cells:
        for output in cell.get("outputs", []):
            values.update(output.get("data", {}).get(RECORD_MIMETYPE, {}))
    return values


def _failure(notebook: str, exc: Exception) -> ReportError:
    """A papermill execution error (or any other) as a :class:`ReportError`."""
    return ReportError(notebook, cell_index=getattr(exc, "cell_index", None),
                       ename=getattr(exc, "ename", type(exc).__name__),
                       evalue=getattr(exc, "evalue", str(exc)))


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
    os.environ.setdefault("TOOLKIT_PROGRESS", "0")  # no progress bars inside reports
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    ipynb, html = out / source.name, out / f"{source.stem}.html"
    params = clean_parameters(dict(parameters or {}))
    if "output_dir" in pm.inspect_notebook(str(source)):
        params.setdefault("output_dir", str((out / source.stem).resolve()))
    started = time.perf_counter()
    error: ReportError | None = None
    try:
        # The kernel starts in the notebook's folder through nbclient's resources, not
        # papermill's ``cwd``, which would chdir this whole process (racing other threads).
        pm.execute_notebook(
            str(source), str(ipynb), parameters=params, kernel_name=kernel_name,
            execution_timeout=timeout, progress_bar=False,
            resources={"metadata": {"path": str(source.parent)}},
            kernel_manager_class=LocalKernelManager,
        )
    except Exception as exc:
        error = _failure(source.stem, exc)
    html_path = to_html(ipynb, html) if ipynb.exists() else None
    findings = unsafe_markup(html_path.read_text(encoding="utf-8")) if html_path else []
    if findings:  # never leave a page with live markup from a corpus or a parameter
        html_path.unlink()
        html_path = None
        unsafe = ("the HTML page was not written: it holds markup the report does not make "
                  f"({'; '.join(findings[:3])})")
        error = (ReportError(source.stem, reason=unsafe) if error is None else ReportError(
            source.stem, cell_index=error.cell_index, ename=error.ename, evalue=error.evalue,
            reason=unsafe))
    title, summary = notebook_summary(source)
    return RenderResult(
        notebook=source.stem, status=RenderStatus.FAILED if error else RenderStatus.OK,
        seconds=round(time.perf_counter() - started, 2), ipynb=ipynb, html=html_path,
        parameters=params, error=error, title=title, summary=summary,
        recorded=recorded_values(ipynb) if ipynb.exists() else {},
    )


def declared_parameters(notebook: Path) -> list[str]:
    """The parameter names a notebook's ``parameters`` cell declares."""
    import papermill as pm

    return list(pm.inspect_notebook(str(notebook)))


def render_all(
    notebooks: Sequence[str | Path] | None = None,
    *,
    parameters: dict[str, Any] | None = None,
    out_dir: str | Path = config.REPORT_DIR,
    jobs: int = 1,
) -> list[RenderResult]:
    """Render several notebooks (default: all of ``notebooks/``), ``jobs`` at a time, and
    write ``index.html`` linking them.

    Each notebook receives the parameters it declares; a parameter no chosen notebook
    declares is an error before anything runs (a typo must not be silently ignored).
    Each notebook runs in its own kernel process, so threads suffice to run them in
    parallel (nothing here changes the working directory); results come back in the
    order asked for.

    Raises:
        ParameterError: a parameter that none of the chosen notebooks takes.
    """
    chosen = [find_notebook(str(nb)) for nb in notebooks] if notebooks else list_notebooks()
    given = clean_parameters(dict(parameters or {}))
    declared = {nb: declared_parameters(nb) for nb in chosen}
    unknown = sorted(set(given) - {name for names in declared.values() for name in names})
    if unknown:
        raise ParameterError(
            f"no chosen notebook takes parameter(s) {unknown}", field=unknown[0],
            hint="see `papermill --help-notebook notebooks/<name>.ipynb` for each notebook",
        )

    out = Path(out_dir).resolve()
    work = [(nb, {k: v for k, v in given.items() if k in declared[nb]}, out) for nb in chosen]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        results = list(pool.map(
            lambda job: render_notebook(job[0], parameters=job[1], out_dir=job[2]), work))
    write_index(results, out)
    return results


def _relative(path: Path | None, base: Path) -> str | None:
    if path is None:
        return None
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_uri()


def _shown_value(name: str, value: Any, out_dir: Path) -> str:
    """A parameter value for the index: paths relative to the report folder, lists
    joined, empty values as "all" (the notebooks' meaning of an empty filter)."""
    if value in ("", [], None):
        return "all" if name in ("outlets", "cue_classes", "story") else "–"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if name == "corpus" and isinstance(value, str) and Path(value).is_absolute():
        return os.path.relpath(value, out_dir.resolve())
    return str(value)


def _parameter_list(result: RenderResult, out_dir: Path) -> str:
    items = [(name, _shown_value(name, value, out_dir))
             for name, value in result.parameters.items() if name != "output_dir"]
    items += [(name, f"{value} (chosen by the report)")
              for name, value in result.recorded.items()]
    return "<ul>" + "".join(f"<li>{html.escape(name)}: {html.escape(value)}</li>"
                            for name, value in items) + "</ul>" if items else "defaults"


def write_index(results: Sequence[RenderResult], out_dir: Path, *,
                title: str = "Outlet comparison reports",
                runs: Sequence[tuple[str, Path, str]] = ()) -> Path:
    """``index.html``: every report with what it shows, its status, run time and
    parameters (paths relative to the index, choices the report made), and links to its
    HTML, executed notebook and tables; ``runs`` adds links to the indexes of batch runs
    (label, index path, status). Every string is escaped."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = []
    for r in results:
        links = []
        for label, path in (("report", r.html), ("notebook", r.ipynb),
                            ("tables and figures", out_dir / r.notebook)):
            if path is not None and Path(path).exists():
                links.append(f'<a href="{html.escape(_relative(Path(path), out_dir))}">'
                             f"{label}</a>")
        status = ("ok" if r.status == RenderStatus.OK else
                  f'<b class="failed">failed</b><br><small>{html.escape(str(r.error))}</small>')
        name = html.escape(r.title or r.notebook)
        rows.append(f"<tr><td><b>{name}</b><br><small>{html.escape(r.notebook)}</small></td>"
                    f"<td>{html.escape(r.summary)}</td><td>{status}</td>"
                    f"<td>{r.seconds:.0f} s</td><td>{_parameter_list(r, out_dir)}</td>"
                    f"<td>{' · '.join(links)}</td></tr>")
    run_rows = "".join(
        f'<tr><td><a href="{html.escape(_relative(path, out_dir))}">{html.escape(label)}</a>'
        f"</td><td>{html.escape(status)}</td></tr>" for label, path, status in runs)
    runs_table = (f"<h2>Batch runs</h2><table><tr><th>run</th><th>status</th></tr>"
                  f"{run_rows}</table>" if runs else "")
    report_table = ("<table><tr><th>report</th><th>what it shows</th><th>status</th>"
                    "<th>run time</th><th>parameters</th><th>files</th></tr>"
                    f"{''.join(rows)}</table>" if results else "")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:78em;line-height:1.4}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:.4em .6em;
vertical-align:top;text-align:left}}td ul{{margin:0;padding-left:1.1em}}
small{{color:#666}}.failed{{color:#b00}}</style>
</head><body><h1>{html.escape(title)}</h1>
<p>Generated {html.escape(time.strftime("%Y-%m-%d %H:%M"))} by <code>toolkit report</code>.
{sum(r.status == RenderStatus.OK for r in results)} of {len(results)} reports rendered. Open a
report's page to read it; its tables (Parquet and CSV) and figures (PNG) are in its folder.</p>
{report_table}{runs_table}</body></html>
"""
    index = out_dir / "index.html"
    index.write_text(page, encoding="utf-8")
    return index


def expand_grid(grid: dict[str, list] | list[dict]) -> list[dict[str, Any]]:
    """Parameter sets from a grid: a mapping of lists (every combination) or a list of
    mappings (each one run).

    Example:
        >>> expand_grid({"outlets": [["A"], ["B"]], "min_articles": [1]})
        [{'outlets': ['A'], 'min_articles': 1}, {'outlets': ['B'], 'min_articles': 1}]
    """
    if isinstance(grid, list):
        if not all(isinstance(point, dict) for point in grid):
            raise ParameterError("a grid list must hold mappings of parameters", field="grid")
        return [dict(point) for point in grid]
    if not isinstance(grid, dict) or not all(isinstance(v, list) for v in grid.values()):
        raise ParameterError("grid must map parameter names to lists of values",
                             field="grid")
    names = list(grid)
    return [dict(zip(names, values)) for values in itertools.product(*grid.values())]


def grid_per(articles, per: str) -> list[dict[str, Any]]:
    """A batch grid from a corpus: one point per ``outlet`` (the outlet report's
    ``outlet``) or per ``week`` with articles (``date_from``/``date_to``, Monday to Sunday).

    Example:
        >>> import pandas as pd
        >>> articles = pd.DataFrame({"outlet": ["A", "B"],
        ...     "published": pd.to_datetime(["2026-03-03", "2026-03-12"])})
        >>> grid_per(articles, "week")[1]
        {'date_from': '2026-03-09', 'date_to': '2026-03-15'}
    """
    if per == "outlet":
        return [{"outlet": outlet} for outlet in sorted(articles["outlet"].unique())]
    if per == "week":
        dates = articles["published"].dropna()
        if dates.empty:
            raise ParameterError("no article has a publication date", field="per")
        mondays = sorted(set((dates - pd.to_timedelta(dates.dt.day_of_week, unit="D")).dt.date))
        return [{"date_from": str(monday), "date_to": str(monday + timedelta(days=6))}
                for monday in mondays]
    raise ParameterError(f"cannot make one report per {per!r}", field="per",
                         hint="use outlet or week")


def _slug(point: dict[str, Any]) -> str:
    """The folder name of a grid point, unique for every different point.

    Example:
        >>> _slug({"outlet": "Fox News"}) != _slug({"outlet": "Fox/News"})
        True
    """
    text = "_".join(f"{k}-{v if not isinstance(v, list) else '+'.join(map(str, v))}"
                    for k, v in point.items())
    return safe_name(text) if text else "run"


def render_grid(
    grid: dict[str, list] | list[dict],
    notebooks: Sequence[str | Path] | None = None,
    *,
    parameters: dict[str, Any] | None = None,
    out_dir: str | Path = config.REPORT_DIR,
    jobs: int = 1,
) -> list[tuple[dict[str, Any], list[RenderResult]]]:
    """Batch mode: render the notebooks once per grid point (e.g. per outlet or per
    week) into ``<out_dir>/<point>/``, each with its own index, plus a top index. All
    runs share the parse cache, so only the first one parses."""
    out = Path(out_dir)
    done = []
    for point in map(clean_parameters, expand_grid(grid)):
        folder = out / _slug(point)
        results = render_all(notebooks, parameters={**(parameters or {}), **point},
                             out_dir=folder, jobs=jobs)
        done.append((point, results))
    write_index([], out, title="Outlet comparison reports: batch",
                runs=[(json.dumps(point, ensure_ascii=False, default=str),
                       out / _slug(point) / "index.html",
                       "ok" if all(r.status == RenderStatus.OK for r in results) else "failed")
                      for point, results in done])
    return done
