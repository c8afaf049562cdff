"""cli: the ``toolkit`` command line (``toolkit --help``).

Verbs map one to one onto package functions, so a CLI run and a notebook compute the
same thing. Errors of the ToolkitError family print their coded message and exit 1.

Example:
    $ toolkit corpus info data/sample/articles.jsonl
    $ toolkit parse data/sample/articles.jsonl --n-process 2
    $ toolkit report --notebook 00 --out reports/demo
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from .corpus import FORMATS
from .errors import ParameterError, ToolkitError
from .tables import write_formats, write_table


def _mapping(pairs: Sequence[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        field, sep, source = pair.partition("=")
        if not sep or not field or not source:
            raise ParameterError(f"--map expects FIELD=INPUT_FIELD, got {pair!r}", field="map")
        mapping[field.strip()] = source.strip()
    return mapping


def add_corpus_arguments(parser: argparse.ArgumentParser, *,
                         format_flag: str = "--format", n_process: bool = True) -> None:
    """The options every verb that reads a corpus shares (and ``--n-process`` for those
    that parse it).

    Verbs whose ``--format`` names their output format take ``--corpus-format`` instead.
    """
    parser.add_argument("corpus", help="corpus file or folder (JSONL, JSON, CSV, TSV, Parquet, "
                        ".txt, HTML, or a PolNeAR/BASIL/news-please/AllSides layout); "
                        "'sample' is the bundled sample corpus")
    parser.add_argument(format_flag, dest="corpus_format", choices=FORMATS,
                        help="input format or layout, skipping detection")
    parser.add_argument("--outlet", help="outlet for a single .txt/.html file, or the default "
                        "for records without one")
    parser.add_argument("--map", action="append", metavar="FIELD=INPUT",
                        help="read a toolkit field from another input field, e.g. "
                        "--map text=body --map outlet=publisher (repeatable)")
    parser.add_argument("--metadata", help="metadata CSV/TSV for a folder of .txt files")
    if n_process:
        parser.add_argument("--n-process", type=int, default=1,
                            help="parser processes (1; 2 uses both cores of a laptop)")


def load_from_args(args: argparse.Namespace, *, errors: str = "raise"):
    """Load the corpus named on the command line (a LoadResult when collecting)."""
    from .corpus import load_corpus
    from .selection import resolve_corpus_path

    return load_corpus(
        resolve_corpus_path(args.corpus), format=args.corpus_format, errors=errors,
        outlet=args.outlet, columns=_mapping(args.map), metadata=args.metadata,
    )


def cmd_corpus_info(args: argparse.Namespace) -> int:
    from .corpus import summarize

    result = load_from_args(args, errors="collect")
    summary = summarize(result.articles)
    summary["records_read"] = result.records_read
    summary["rejected"] = len(result.rejects)
    if args.json:
        print(json.dumps(summary, default=str))
        return 0
    print(f"{summary['articles']} articles, {summary['words']} words, "
          f"{len(summary['outlets'])} outlets, published {summary['date_from']} to "
          f"{summary['date_to']}")
    print(f"records read: {result.records_read}; rejected: {len(result.rejects)}")
    for outlet, count in list(summary["outlets"].items())[: args.top]:
        print(f"  {count:6d}  {outlet}")
    if len(summary["outlets"]) > args.top:
        print(f"  ... and {len(summary['outlets']) - args.top} more outlets")
    for row in result.rejects.head(args.top).itertuples():
        print(f"  rejected {row.file} record {row.record}: [{row.code}] {row.reason}")
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    from .parse import ParseStats, parse

    articles = load_from_args(args)
    stats = ParseStats()
    for _ in parse(articles, n_process=args.n_process, batch_size=args.batch_size,
                   cache=not args.no_cache, cache_dir=args.cache_dir, stats=stats):
        pass
    print(json.dumps({"articles": stats.articles, "cache_hits": stats.cache_hits,
                      "parsed": stats.parsed, "rebuilt_shards": stats.rebuilt_shards}))
    return 0


def cmd_attributions(args: argparse.Namespace) -> int:
    from .attribution import extract_attributions

    articles = load_from_args(args)
    table = extract_attributions(articles, n_process=args.n_process)
    fmt = write_table(table, args.output, args.format)
    print(f"{len(table)} attributions from {len(articles)} articles -> {args.output} ({fmt})")
    return 0


def cmd_sourcing(args: argparse.Namespace) -> int:
    from .analysis import analyze_sourcing
    from .sourcing.network import write_graphml

    articles = load_from_args(args)
    tables = analyze_sourcing(articles, n_process=args.n_process)
    out = Path(args.output)
    for name, table in tables.items():
        if name != "network":
            write_formats(table, out / name)
    write_graphml(tables["network"], out / "source_network.graphml")
    per_outlet = tables["per_outlet"].set_index("outlet")
    print(f"{len(articles)} articles, {len(tables['attributions'])} attributions, "
          f"{len(tables['quotations'])} quotations carried by several articles -> {out}/")
    columns = ["articles", "attributions_per_100_words", "share_secondhand", "share_anonymous"]
    print(per_outlet[columns].round(3).to_string())
    return 0


def cmd_framing(args: argparse.Namespace) -> int:
    from .analysis import analyze_framing
    from .analysis import figures as framing_figures

    articles = load_from_args(args)
    tables = analyze_framing(articles, n_process=args.n_process,
                             keyterms=not args.no_keyterms)
    out = Path(args.output)
    for name, table in tables.items():
        write_formats(table, out / name)
    figures = framing_figures(tables)
    for name, figure in figures.items():
        figure.savefig(out / f"{name}.png", dpi=120, bbox_inches="tight")
    print(f"{len(articles)} articles: {len(tables)} tables and {len(figures)} figures -> {out}/")
    scare = tables["scare_quotes_by_outlet"].set_index("outlet")
    print(scare[["articles", "scare_quotes_per_1000_words"]].round(2).to_string())
    return 0


def cmd_annotate(args: argparse.Namespace) -> int:
    from .selection import resolve_corpus_path
    from .store import annotate, describe

    options = {"format": args.corpus_format, "outlet": args.outlet,
               "columns": _mapping(args.map), "metadata": args.metadata}
    result = annotate(resolve_corpus_path(args.corpus), args.out, shard_size=args.shard_size,
                      n_process=args.n_process, dask=args.dask,
                      **{k: v for k, v in options.items() if v is not None})
    print(describe(result))
    return 1 if result.failed else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    import pandas as pd

    from .evaluate import evaluate_directory

    predicted = pd.read_json(args.pred, lines=True) if args.pred else None
    scores = evaluate_directory(args.gold, predicted=predicted, n_process=args.n_process)
    print(json.dumps(scores))
    return 0


def _parameter_value(text: str) -> Any:
    """A ``-p`` value read as YAML, so ``-p outlets '[A, B]'`` gives a list."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def cmd_report(args: argparse.Namespace) -> int:
    from .report import render_all, render_grid
    from .selection import resolve_corpus_path

    parameters: dict[str, Any] = {}
    if args.file:
        try:
            loaded = yaml.safe_load(Path(args.file).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ParameterError(f"cannot read the parameter file ({exc})",
                                 file=args.file) from None
        if not isinstance(loaded, dict):
            raise ParameterError("the parameter file must hold a mapping", file=args.file)
        parameters.update(loaded)
    for name, value in args.parameter or []:
        parameters[name] = _parameter_value(value)
    if args.corpus:
        parameters["corpus"] = args.corpus
    if parameters.get("corpus"):
        parameters["corpus"] = str(resolve_corpus_path(parameters["corpus"]).resolve())
    grid = parameters.pop("grid", None)
    if args.per:
        from .corpus import load_corpus
        from .report import grid_per

        grid = grid_per(load_corpus(parameters.get("corpus") or resolve_corpus_path("sample")),
                        args.per)
    if grid is not None:
        runs = render_grid(grid, args.notebook, parameters=parameters, out_dir=args.out,
                           jobs=args.jobs)
        results = [r for _, point_results in runs for r in point_results]
    else:
        results = render_all(args.notebook, parameters=parameters, out_dir=args.out,
                             jobs=args.jobs)
    print(f"index: {Path(args.out) / 'index.html'}")
    failed = [r for r in results if r.status != "ok"]
    for r in results:
        print(f"{r.status:6s} {r.seconds:7.1f}s  {r.notebook}  -> {r.html or r.ipynb}")
    for r in failed:
        print(f"error: notebook {r.notebook}: {r.error}", file=sys.stderr)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``toolkit`` command."""
    parser = argparse.ArgumentParser(
        prog="toolkit",
        description="Compare news outlets on sourcing density, quote chains and framing.",
        epilog="Each verb has its own --help. Docs: README.md.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    corpus = verbs.add_parser("corpus", help="inspect a corpus")
    corpus_verbs = corpus.add_subparsers(dest="corpus_verb", required=True, metavar="ACTION")
    info = corpus_verbs.add_parser(
        "info", help="articles, words, outlets, date range and rejected records",
        description="Load a corpus (collecting bad records instead of stopping) and "
        "summarise it: articles, words, outlets with article counts, date range, rejects.",
    )
    add_corpus_arguments(info, n_process=False)
    info.add_argument("--top", type=int, default=20, help="outlets and rejects listed (20)")
    info.add_argument("--json", action="store_true", help="print one JSON object instead")
    info.set_defaults(func=cmd_corpus_info)

    parse = verbs.add_parser(
        "parse", help="parse a corpus with spaCy and fill the cache",
        description="Parse every article with the trained spaCy pipeline and store the "
        "Docs in the DocBin cache ($TOOLKIT_CACHE_DIR or .cache/toolkit), so later "
        "analyses and reports parse nothing. Prints one JSON line of counts.",
    )
    add_corpus_arguments(parse)
    parse.add_argument("--batch-size", type=int, default=64, help="texts per batch (64)")
    parse.add_argument("--cache-dir", help="cache folder (default: $TOOLKIT_CACHE_DIR or "
                       ".cache/toolkit in the project)")
    parse.add_argument("--no-cache", action="store_true", help="parse without the cache")
    parse.set_defaults(func=cmd_parse)

    attributions = verbs.add_parser(
        "attributions", help="extract every attribution (quotes, reported speech, chains)",
        description="Find direct and indirect attributions with their cue, source, "
        "canonical speaker, source type and relay chain, and write the attributions "
        "table (one record per attribution; character offsets into each article's text).",
    )
    add_corpus_arguments(attributions, format_flag="--corpus-format")
    attributions.add_argument("-o", "--output", required=True,
                              help="output file (.jsonl, .csv or .parquet)")
    attributions.add_argument("--format", choices=("jsonl", "csv", "parquet"),
                              help="output format (default: from the file name, else jsonl)")
    attributions.set_defaults(func=cmd_attributions)

    sourcing = verbs.add_parser(
        "sourcing", help="sourcing density, quote propagation and the source network",
        description="Extract attributions, then write per-article, per-outlet (and "
        "per-outlet-and-story) sourcing measures with 95%% bootstrap intervals, outlet "
        "comparisons, quotations carried by several articles with their first publisher "
        "and credit, top sources, source overlap (Parquet and CSV each) and the source "
        "network (GraphML) into the output folder.",
    )
    add_corpus_arguments(sourcing)
    sourcing.add_argument("-o", "--output", required=True, help="output folder")
    sourcing.set_defaults(func=cmd_sourcing)

    framing = verbs.add_parser(
        "framing", help="word choice, attribution verbs, scare quotes, certainty, frames, tone",
        description="Compute the framing measures (distinctive vocabulary, attribution-verb "
        "profile, scare quotes, hedges and boosters in the journalist's and quoted voices, "
        "loaded terms and labels, policy frames, tone, keyterms) and write each table as "
        "Parquet and CSV, and the figures as PNG, into the output folder.",
    )
    add_corpus_arguments(framing)
    framing.add_argument("-o", "--output", required=True, help="output folder")
    framing.add_argument("--no-keyterms", action="store_true",
                         help="skip keyterms (the slowest measure)")
    framing.set_defaults(func=cmd_framing)

    annotate = verbs.add_parser(
        "annotate", help="annotate a corpus shard by shard into a Parquet/DuckDB store",
        description="Split the corpus into shards and write, per shard, every article-level "
        "table (attributions, sourcing counts, quotes, framing counts) as Parquet and the "
        "parsed Docs as DocBin into STORE. Finished shards are skipped on a rerun, so a "
        "killed run resumes; a half-written shard is never read. Notebooks and "
        "`toolkit.store.open(STORE)` (DuckDB) read the store without parsing. "
        "Prints one JSON line.",
    )
    add_corpus_arguments(annotate)
    annotate.add_argument("--out", required=True, help="the store folder")
    annotate.add_argument("--shard-size", type=int, default=500, help="articles per shard "
                          "(500)")
    annotate.add_argument("--dask", metavar="ADDRESS|local",
                          help="run shards on Dask distributed: 'local' starts a "
                          "LocalCluster of 2 workers, or give a scheduler address")
    annotate.set_defaults(func=cmd_annotate)

    evaluate = verbs.add_parser("evaluate", help="score the extractor against gold annotation")
    evaluate_verbs = evaluate.add_subparsers(dest="evaluate_verb", required=True,
                                             metavar="WHAT")
    eval_attr = evaluate_verbs.add_parser(
        "attributions", help="attribution P/R/F1 against brat gold (PolNeAR layout)",
        description="Run the extractor on GOLD/text/*.txt (or read --pred) and score it "
        "against GOLD/attributions/*.ann (first annotator). Matching: content character "
        "Jaccard >= 0.3 or overlapping cues, one to one, best first. Prints one JSON line: "
        "attribution, source exact/overlap and content exact P/R/F1, speech-cue recall.",
    )
    eval_attr.add_argument("--gold", required=True, help="folder with text/ and attributions/")
    eval_attr.add_argument("--n-process", type=int, default=1, help="parser processes (1)")
    eval_attr.add_argument("--pred", help="predicted attributions JSONL (default: run the "
                           "extractor)")
    eval_attr.set_defaults(func=cmd_evaluate)

    report = verbs.add_parser(
        "report", help="render notebooks into HTML reports with Papermill",
        description="Run the parameterised notebooks with Papermill and write executed "
        ".ipynb, HTML without code cells, each notebook's tables (Parquet/CSV) and "
        "figures (PNG), and an index.html to the output folder. Exits 1 when a notebook "
        "fails (the others are still rendered).",
    )
    report.add_argument("--corpus", help="corpus path for every notebook ('sample' = bundled)")
    report.add_argument("--notebook", action="append", metavar="NAME",
                        help="notebook name or prefix, e.g. 00 (repeatable; default all)")
    report.add_argument("-p", "--parameter", nargs=2, action="append",
                        metavar=("NAME", "VALUE"), help="a notebook parameter; VALUE is "
                        "read as YAML, so lists work: -p outlets '[A, B]'")
    report.add_argument("-f", "--file", help="YAML file of parameters; a `grid:` key (a "
                        "mapping of lists, or a list of mappings) renders one report per "
                        "grid point, e.g. per outlet or per week")
    report.add_argument("--per", choices=("outlet", "week"),
                        help="batch: one report per outlet (the outlet report) or per week "
                        "with articles, each in its own folder under --out")
    report.add_argument("--out", default="reports/latest", help="output folder")
    report.add_argument("--jobs", type=int, default=1, help="notebooks rendered at once")
    report.set_defaults(func=cmd_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``toolkit`` command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ToolkitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
