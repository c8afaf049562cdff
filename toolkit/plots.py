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
        ax.barh(ordered[label].astype(str), ordered[column], color="#4C72B0")
        ax.set_xlabel(column.replace("_", " "))
        ax.grid(axis="x", alpha=0.3)
    axes[0][0].set_ylabel(label)
    fig.suptitle(title)
    fig.tight_layout()
    return fig
