"""plots: the matplotlib figures of the reports, each titled, labelled and readable.

Every function returns a ``matplotlib.figure.Figure`` and draws nothing else, so
notebooks show it and :func:`toolkit.notebook.save_figure` writes it.

Example:
    >>> import pandas as pd
    >>> table = pd.DataFrame({"outlet": ["A", "B"], "articles": [3, 5], "words": [900, 1200]})
    >>> fig = outlet_bars(table, ["articles", "words"], title="Corpus by outlet")
    >>> len(fig.axes)
    2
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure


def plain(text: object) -> str:
    r"""``text`` as matplotlib shows it literally: a ``$`` from a corpus (an outlet named
    "Fox $$ News") would otherwise start mathtext, which fails or sets it in italics.

    Example:
        >>> plain("Fox $$ News")
        'Fox \\$\\$ News'
    """
    return str(text).replace("$", r"\$")


def outlet_bars(
    table: pd.DataFrame,
    columns: Sequence[str],
    *,
    title: str,
    label: str = "outlet",
) -> Figure:
    """One horizontal bar panel per column, outlets on the y axis (largest first).

    Args:
        table: one row per outlet with a ``label`` column and the ``columns`` to draw.
        columns: numeric columns, one panel each; the column name labels the x axis.
        title: the figure title.
        label: the column naming the bars.
    """
    ordered = table.sort_values(columns[0], ascending=True)
    height = max(2.5, 0.35 * len(ordered) + 1.2)
    fig, axes = plt.subplots(1, len(columns), figsize=(4.2 * len(columns), height),
                             sharey=True, squeeze=False)
    for ax, column in zip(axes[0], columns):
        ax.barh(ordered[label].map(plain), ordered[column], color="#4C72B0")
        ax.set_xlabel(column.replace("_", " "))
        ax.grid(axis="x", alpha=0.3)
    axes[0][0].set_ylabel(label)
    fig.suptitle(plain(title))
    fig.tight_layout()
    return fig


def interval_plot(
    table: pd.DataFrame,
    measure: str,
    *,
    title: str,
    xlabel: str,
    label: str = "outlet",
) -> Figure:
    """One dot per outlet with its 95% interval (``<measure>_low`` / ``_high``), sorted.

    Example:
        >>> t = pd.DataFrame({"outlet": ["A", "B"], "m": [1.0, 2.0], "m_low": [0.5, 1.5],
        ...                   "m_high": [1.5, 2.5]})
        >>> interval_plot(t, "m", title="M", xlabel="m").axes[0].get_xlabel()
        'm'
    """
    ordered = table.sort_values(measure)
    fig, ax = plt.subplots(figsize=(7, max(2.5, 0.4 * len(ordered) + 1.2)))
    low = (ordered[measure] - ordered[f"{measure}_low"]).clip(lower=0)
    high = (ordered[f"{measure}_high"] - ordered[measure]).clip(lower=0)
    ax.errorbar(ordered[measure], ordered[label].map(plain), xerr=[low, high], fmt="o",
                color="#4C72B0", ecolor="#999999", capsize=3)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(label)
    ax.set_title(plain(title))
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig


def stacked_shares(
    table: pd.DataFrame,
    columns: Sequence[str],
    *,
    title: str,
    xlabel: str = "share of attributions",
    label: str = "outlet",
) -> Figure:
    """Horizontal stacked bars: each outlet's shares over ``columns`` (e.g. source types)."""
    data = table.set_index(label)[list(columns)].fillna(0)
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.45 * len(data) + 1.5)))
    left = pd.Series(0.0, index=data.index)
    colours = plt.get_cmap("tab10").colors
    for i, column in enumerate(columns):
        ax.barh(data.index.map(plain), data[column], left=left,
                color=colours[i % len(colours)], label=column.replace("share_", "").replace(
                    "_", " "))
        left += data[column]
    ax.set_xlabel(xlabel)
    ax.set_ylabel(label)
    ax.set_xlim(0, max(1.0, float(left.max())))
    ax.set_title(plain(title))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def heatmap(matrix: pd.DataFrame, *, title: str, colorbar: str) -> Figure:
    """A labelled square heatmap (e.g. source overlap between outlets), values printed."""
    fig, ax = plt.subplots(figsize=(1.0 * len(matrix) + 3, 0.8 * len(matrix) + 2))
    image = ax.imshow(matrix.to_numpy(float), cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(matrix.columns)), [plain(c) for c in matrix.columns],
                  rotation=40, ha="right")
    ax.set_yticks(range(len(matrix.index)), [plain(i) for i in matrix.index])
    for (i, j), value in pd.DataFrame(matrix.to_numpy(float)).stack().items():
        ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=8,
                color="white" if value > 0.6 else "black")
    fig.colorbar(image, ax=ax, label=colorbar)
    ax.set_title(plain(title))
    fig.tight_layout()
    return fig


def grouped_bars(
    table: pd.DataFrame,
    columns: Sequence[str],
    *,
    title: str,
    xlabel: str,
    label: str = "outlet",
    names: Sequence[str] | None = None,
) -> Figure:
    """Side-by-side horizontal bars per outlet, one per column (e.g. the journalist's
    voice next to quoted voices)."""
    data = table.set_index(label)[list(columns)].fillna(0)
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.6 * len(data) + 1.5)))
    height = 0.8 / len(columns)
    positions = range(len(data))
    for i, column in enumerate(columns):
        ax.barh([p + i * height for p in positions], data[column], height=height,
                label=(names or columns)[i])
    ax.set_yticks([p + height * (len(columns) - 1) / 2 for p in positions],
                  [plain(x) for x in data.index])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(label)
    ax.set_title(plain(title))
    ax.legend(fontsize=8, frameon=False)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig
