"""cli_bench: start-up of ``toolkit --help`` and ``toolkit corpus info`` against ``python -c pass``.

    python benchmarks/cli_bench.py [--repeats 7] [--before PATH]

In one run, each command in a fresh process, ``--repeats`` times, interleaved (so a
burst of load hits every command alike): ``python -c pass``, ``toolkit --help`` and
``toolkit corpus info data/sample/articles.jsonl``, each run the way the ``toolkit``
script runs (``from toolkit.cli import main``). ``--before PATH`` times the same commands
from another checkout (a worktree of an earlier commit) in the same run. Prints one JSON
line: the median seconds, each command's excess over ``python -c pass``, and the load
average; target: help_s and corpus_info_s <= 1.0 on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from _common import emit

ROOT = Path(__file__).resolve().parents[1]
TOOLKIT = "import sys; from toolkit.cli import main; sys.exit(main())"
COMMANDS = {
    "help": ["--help"],
    "corpus_info": ["corpus", "info", "data/sample/articles.jsonl"],
}


def seconds(command: list[str], root: Path) -> float:
    """Wall seconds of one fresh process running ``command`` in ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    start = time.perf_counter()
    subprocess.run(command, cwd=root, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=7, help="runs of each command")
    parser.add_argument("--before", type=Path, help="a checkout of an earlier commit")
    args = parser.parse_args()
    roots = {"": ROOT, **({"before_": args.before.resolve()} if args.before else {})}
    runs: dict[str, list[float]] = {}
    for _ in range(args.repeats):
        runs.setdefault("python_pass_s", []).append(
            seconds([sys.executable, "-c", "pass"], ROOT))
        for prefix, root in roots.items():
            for name, argv in COMMANDS.items():
                runs.setdefault(f"{prefix}{name}_s", []).append(
                    seconds([sys.executable, "-c", TOOLKIT, *argv], root))
    medians = {name: round(statistics.median(times), 3) for name, times in runs.items()}
    excess = {name.replace("_s", "_minus_pass_s"): round(value - medians["python_pass_s"], 3)
              for name, value in medians.items() if name != "python_pass_s"}
    emit({"benchmark": "cli", "repeats": args.repeats, **medians, **excess,
          "target_s": 1.0, "load_average": [round(x, 2) for x in os.getloadavg()]})


if __name__ == "__main__":
    main()
