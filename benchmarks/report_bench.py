"""report_bench: rendering every notebook on data/sample, in parallel and with a warm cache.

    python benchmarks/report_bench.py

In one run, with a fresh parse cache: all notebooks with one job (cold cache), again with
one job (warm cache), then with two jobs (warm). Prints one JSON line; targets:
jobs2_vs_jobs1 <= 0.6 (wall time), and the warm/cold ratio for reference.
"""

from __future__ import annotations

import os
import tempfile
import time

from _common import emit

from toolkit import config
from toolkit.report import list_notebooks, render_all


def timed(out: str, jobs: int) -> float:
    start = time.perf_counter()
    results = render_all(parameters={"corpus": str(config.SAMPLE_CORPUS)}, out_dir=out,
                         jobs=jobs)
    failed = [r.notebook for r in results if r.status != "ok"]
    if failed:
        raise SystemExit(f"notebooks failed: {failed}")
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="report-bench-") as folder:
        os.environ["TOOLKIT_CACHE_DIR"] = os.path.join(folder, "cache")
        cold = timed(os.path.join(folder, "cold"), jobs=1)
        warm = timed(os.path.join(folder, "warm"), jobs=1)
        parallel = timed(os.path.join(folder, "parallel"), jobs=2)
    emit({
        "benchmark": "report", "notebooks": len(list_notebooks()), "cold_jobs1_s": round(cold, 1),
        "warm_jobs1_s": round(warm, 1), "warm_jobs2_s": round(parallel, 1),
        "jobs2_vs_jobs1": round(parallel / warm, 3), "warm_vs_cold": round(warm / cold, 3),
    })


if __name__ == "__main__":
    main()
