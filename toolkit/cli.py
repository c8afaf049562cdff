"""cli: the ``toolkit`` command line (``toolkit --help``).

Verbs map one to one onto package functions, so a CLI run and a notebook compute the
same thing. Errors of the ToolkitError family print their coded message and exit 1.

Every verb speaks one vocabulary: ``CORPUS`` (positional) is the corpus file or folder,
a store, or ``sample``; ``--format`` is its input format and ``--map FIELD=INPUT`` reads
a field from another input column; ``-o/--out`` is what the verb writes, and
``--output-format`` its format where that is a choice. Every ``--help`` shows the defaults.

A verb's arguments are added when the verb is used (:class:`CommandParser`) and each verb
imports what it needs, so ``toolkit --help`` starts without pandas or spaCy, and
``toolkit corpus info`` without spaCy.

Example:
    $ toolkit corpus info data/sample/articles.jsonl
    $ toolkit parse data/sample/articles.jsonl --n-process 2
    $ toolkit annotate sample -o stores/sample && toolkit sourcing stores/sample -o out
    $ toolkit report mine.csv --map outlet=paper --map text=story_body --notebook 00
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .errors import ParameterError, ToolkitError
from .parameters import clean_parameters, parameter_value, read_yaml

AddArguments = Callable[[argparse.ArgumentParser], None]


class HelpFormatter(argparse.HelpFormatter):
    """Help text that ends each option's line with its default, when it has one
    (``None`` and a flag's ``False`` are no default worth showing)."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        default = action.default
        if ("%(default)" in text or default is None or default is False
                or default == argparse.SUPPRESS or not action.option_strings):
            return text
        return f"{text} (default: %(default)s)"


class CommandParser(argparse.ArgumentParser):
    """An argument parser with :class:`HelpFormatter` whose arguments may be added late.

    Args:
        arguments: a function adding the parser's arguments, called the first time the
            parser parses or prints its help; so a verb imports what its arguments need
            (format names, defaults) only when it is used.
    """

    def __init__(self, *args: Any, arguments: AddArguments | None = None,
                 **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self._add_arguments = arguments

    def _complete(self) -> None:
        if self._add_arguments is not None:
            add, self._add_arguments = self._add_arguments, None
            add(self)

    def parse_known_args(self, args: Sequence[str] | None = None,
                         namespace: argparse.Namespace | None = None):
        self._complete()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._complete()
        return super().format_usage()

    def format_help(self) -> str:
        self._complete()
        return super().format_help()


def _mapping(pairs: Sequence[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    mapping = {}
    for pair in pairs:
        field, sep, source = pair.partition("=")
        if not sep or not field or not source:
            raise ParameterError(f"--map expects FIELD=INPUT, got {pair!r}", field="map")
        mapping[field.strip()] = source.strip()
    return mapping


def add_reading_arguments(parser: argparse.ArgumentParser) -> None:
    """``--format`` and ``--map``: how to read a corpus (every verb that reads one,
    ``report`` included)."""
    from .corpus import ARTICLE_COLUMNS, readers  # the reader registry imports pandas

    parser.add_argument("--format", choices=readers.names(), metavar="FORMAT",
                        help="input format or layout, skipping detection: %(choices)s")
    parser.add_argument("--map", action="append", metavar="FIELD=INPUT",
                        help=f"read the toolkit field FIELD ({', '.join(ARTICLE_COLUMNS)}) "
                        "from the input column INPUT, e.g. --map outlet=newspaper --map "
                        "text=body (repeatable)")


def add_corpus_arguments(parser: argparse.ArgumentParser, *, n_process: bool = True,
                         store: bool = True) -> None:
    """``CORPUS`` and the options every verb that reads a corpus shares (and
    ``--n-process`` for those that parse it); ``store`` says whether the verb also reads
    a store."""
    parser.add_argument("corpus", metavar="CORPUS", help="corpus file or folder (JSONL, "
                        "JSON, CSV, TSV, Parquet, .txt, HTML, also .gz/.bz2/.xz, or a "
                        "PolNeAR/BASIL/news-please/AllSides layout)"
                        + (", or a store made by `toolkit annotate` (read, never parsed)"
                           if store else "") + "; 'sample' is the bundled sample corpus")
    add_reading_arguments(parser)
    parser.add_argument("--outlet", metavar="NAME", help="outlet for a single .txt/.html "
                        "file, or the default for records without one")
    parser.add_argument("--metadata", metavar="FILE",
                        help="metadata CSV/TSV for a folder of .txt files")
    if n_process:
        parser.add_argument("--n-process", type=int, default=1, metavar="N",
                            help="parser processes; 2 uses both cores of a laptop")


def add_out_argument(parser: argparse.ArgumentParser, help: str, *,
                     default: str | None = None) -> None:
    """``-o/--out``, what the verb writes (required unless it has a ``default``);
    ``--output`` is taken too, unlisted."""
    group = parser.add_mutually_exclusive_group(required=default is None)
    group.add_argument("-o", "--out", default=default, metavar="PATH", help=help)
    group.add_argument("--output", dest="out", help=argparse.SUPPRESS)


def add_output_format_argument(parser: argparse.ArgumentParser) -> None:
    """``--output-format``, for a verb that writes one table to ``-o/--out``."""
    from .tables import OUTPUT_FORMATS  # imports pandas

    parser.add_argument("--output-format", choices=OUTPUT_FORMATS,
                        help="output format (default: from the file name, else jsonl)")


def add_optional_positional(parser: argparse.ArgumentParser, name: str, option: str,
                            help: str) -> None:
    """An optional positional ``NAME`` also taken as ``option NAME`` (unlisted; kept for
    scripts written before it was positional); either fills ``args.<name>``."""
    parser.add_argument(name, nargs="?", default=argparse.SUPPRESS, metavar=name.upper(),
                        help=help)
    parser.add_argument(option, dest=name, help=argparse.SUPPRESS)


def source_from_args(args: argparse.Namespace):
    """The corpus or store named on the command line (see
    :func:`toolkit.corpus_source.open_corpus`)."""
    from .corpus_source import open_corpus

    return open_corpus(args.corpus, format=args.format, outlet=args.outlet,
                       columns=_mapping(args.map), metadata=args.metadata)


def _corpus_info_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser, n_process=False)
    parser.add_argument("--top", type=int, default=20, metavar="N",
                        help="outlets and rejects listed")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead")


def cmd_corpus_info(args: argparse.Namespace) -> int:
    from .boilerplate import boilerplate_summary
    from .corpus import summarize

    result = source_from_args(args).load(errors="collect")
    summary = summarize(result.articles)
    summary["records_read"] = result.records_read
    summary["rejected"] = len(result.rejects)
    summary.update(boilerplate_summary(result.articles["text"]))
    if args.json:
        print(json.dumps(summary, default=str))
        return 0
    print(f"{summary['articles']} articles, {summary['words']} words, "
          f"{len(summary['outlets'])} outlets, published {summary['date_from']} to "
          f"{summary['date_to']}")
    print(f"records read: {result.records_read}; rejected: {len(result.rejects)}")
    print(f"web boilerplate masked before parsing: {summary['boilerplate_spans']} spans, "
          f"{summary['boilerplate_chars']} characters, in {summary['boilerplate_articles']} "
          "articles")
    for outlet, count in list(summary["outlets"].items())[: args.top]:
        print(f"  {count:6d}  {outlet}")
    if len(summary["outlets"]) > args.top:
        print(f"  ... and {len(summary['outlets']) - args.top} more outlets")
    shown = result.rejects.head(args.top)
    for row in shown.itertuples():
        where = row.file if row.unit == "file" else f"{row.file} {row.unit} {row.record}"
        field = f", field {row.field!r}" if row.field else ""
        print(f"  rejected {where}{field}: [{row.code}] {row.reason}")
    if len(result.rejects) > args.top:
        print(f"  ... and {len(result.rejects) - args.top} more rejects")
    for hint in shown["hint"].dropna().unique():
        print(f"hint: {hint}")
    return 0


def _parse_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser, store=False)
    parser.add_argument("--batch-size", type=int, default=64, metavar="N", help="texts per batch")
    parser.add_argument("--cache-dir", metavar="DIR", help="cache folder (default: "
                        "$TOOLKIT_CACHE_DIR or .cache/toolkit in the project)")
    parser.add_argument("--no-cache", action="store_true", help="parse without the cache")


def cmd_parse(args: argparse.Namespace) -> int:
    from .corpus_source import CorpusFiles
    from .parse import ParseStats, parse

    source = source_from_args(args)
    if not isinstance(source, CorpusFiles):
        raise ParameterError(f"{source.path} is a store: its Docs are parsed already",
                             field="corpus", hint="parse the corpus it was made from")
    articles = source.load()
    stats = ParseStats()
    for _ in parse(articles, n_process=args.n_process, batch_size=args.batch_size,
                   cache=not args.no_cache, cache_dir=args.cache_dir, stats=stats):
        pass
    print(json.dumps({"articles": stats.articles, "cache_hits": stats.cache_hits,
                      "parsed": stats.parsed, "rebuilt_shards": stats.rebuilt_shards}))
    return 0


def _attributions_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_out_argument(parser, "output file (.jsonl, .csv or .parquet)")
    add_output_format_argument(parser)


def cmd_attributions(args: argparse.Namespace) -> int:
    from .tables import write_table

    source = source_from_args(args)
    articles = source.load()
    table = source.attributions(articles, n_process=args.n_process)
    fmt = write_table(table, args.out, args.output_format)
    print(f"{len(table)} attributions from {len(articles)} articles -> {args.out} ({fmt})")
    return 0


def _sourcing_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_out_argument(parser, "output folder")


def cmd_sourcing(args: argparse.Namespace) -> int:
    from .analysis import section_tables
    from .sourcing.network import write_graphml
    from .tables import write_formats

    source = source_from_args(args)
    articles = source.load()
    computed = source.tables(articles, measures="sourcing", n_process=args.n_process)
    tables = {name: computed[name] for name in section_tables("sourcing") if name in computed}
    tables["network"] = computed["network"]
    out = Path(args.out)
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


def _framing_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser)
    add_out_argument(parser, "output folder")
    parser.add_argument("--no-keyterms", action="store_true",
                        help="skip keyterms (the slowest measure)")


def cmd_framing(args: argparse.Namespace) -> int:
    from .analysis import figures as framing_figures
    from .analysis import section_tables
    from .tables import write_formats

    source = source_from_args(args)
    articles = source.load()
    computed = source.tables(articles, measures="framing", keyterms=not args.no_keyterms,
                             n_process=args.n_process)
    tables = {name: computed[name] for name in section_tables("framing") if name in computed}
    out = Path(args.out)
    for name, table in tables.items():
        write_formats(table, out / name)
    figures = framing_figures(computed, "framing")
    for name, figure in figures.items():
        figure.savefig(out / f"{name}.png", dpi=120, bbox_inches="tight")
    print(f"{len(articles)} articles: {len(tables)} tables and {len(figures)} figures -> {out}/")
    scare = tables["scare_quotes_by_outlet"].set_index("outlet")
    print(scare[["articles", "scare_quotes_per_1000_words"]].round(2).to_string())
    return 0


def add_story_options(parser: argparse.ArgumentParser) -> None:
    """The grouping options ``stories`` and ``evaluate stories`` share."""
    from .stories.grouping import THRESHOLD, WINDOW_DAYS  # imports scikit-learn

    parser.add_argument("--window-days", type=float, default=WINDOW_DAYS, metavar="DAYS",
                        help="dated articles further apart are never grouped directly")
    parser.add_argument("--no-dates", action="store_true",
                        help="group on content alone, ignoring dates")
    parser.add_argument("--threshold", type=float, default=THRESHOLD, metavar="SIMILARITY",
                        help="average similarity two groups need to be one story")


def _stories_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser, n_process=False)
    add_out_argument(parser, "output file (.csv, .jsonl or .parquet)")
    add_output_format_argument(parser)
    add_story_options(parser)


def cmd_stories(args: argparse.Namespace) -> int:
    from .stories import group
    from .tables import write_table

    articles = source_from_args(args).load()
    stories = group(articles, window_days=None if args.no_dates else args.window_days,
                    threshold=args.threshold)
    if "story" in articles and articles["story"].notna().any():
        stories["story"] = articles["story"].to_numpy()  # the corpus's own, beside
    fmt = write_table(stories, args.out, args.output_format)
    print(f"{len(stories)} articles in {stories['cluster'].nunique()} stories "
          f"({int((stories['size'] > 1).sum())} articles share a story) -> {args.out} "
          f"({fmt})")
    return 0


def _evaluate_stories_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser, n_process=False)
    add_story_options(parser)
    parser.add_argument("--seed", type=int, default=0, metavar="N",
                        help="seed of the shuffle and ids")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip the baseline (it compares every pair)")


def cmd_evaluate_stories(args: argparse.Namespace) -> int:
    from .stories import evaluate

    scores = evaluate(source_from_args(args).load(), seed=args.seed, baseline=not args.no_baseline,
                      window_days=None if args.no_dates else args.window_days,
                      threshold=args.threshold)
    print(json.dumps({"corpus": args.corpus, **scores}))
    return 0


def _annotate_arguments(parser: argparse.ArgumentParser) -> None:
    add_corpus_arguments(parser, store=False)
    add_out_argument(parser, "the store folder")
    parser.add_argument("--shard-size", type=int, default=500, metavar="N",
                        help="articles per shard")
    parser.add_argument("--dask", metavar="ADDRESS|local",
                        help="run shards on Dask distributed: 'local' starts a LocalCluster "
                        "of 2 workers, or give a scheduler address")
    parser.add_argument("--verify", action="store_true",
                        help="compare every finished file's checksum, not only its size, "
                        "and redo the shards that differ")


def cmd_annotate(args: argparse.Namespace) -> int:
    from .selection import resolve_corpus_path
    from .store import annotate, describe

    options = {"format": args.format, "outlet": args.outlet, "columns": _mapping(args.map),
               "metadata": args.metadata}
    result = annotate(resolve_corpus_path(args.corpus), args.out, shard_size=args.shard_size,
                      n_process=args.n_process, dask=args.dask, verify=args.verify,
                      **{k: v for k, v in options.items() if v is not None})
    print(describe(result))
    return 1 if result.failed else 0


def _store_verify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("store", metavar="STORE", help="the store folder")
    parser.add_argument("--sizes-only", action="store_true",
                        help="compare sizes only (fast; what every read does)")


def cmd_store_verify(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from .errors import DamagedShardError
    from .store import verify

    damaged = verify(args.store, checksums=not args.sizes_only)
    print(json.dumps({"store": args.store, "damaged": [asdict(d) for d in damaged]}))
    for damage in damaged:
        error = DamagedShardError(f"shard {damage.shard} is damaged: {damage.problem}",
                                  file=Path(args.store) / damage.file)
        print(f"error: {error}", file=sys.stderr)
    if damaged:
        print(f"run `toolkit annotate CORPUS -o {args.store} --verify` to redo "
              f"{len({d.shard for d in damaged})} damaged shard(s)", file=sys.stderr)
    return 1 if damaged else 0


def _evaluate_attributions_arguments(parser: argparse.ArgumentParser) -> None:
    add_optional_positional(parser, "gold", "--gold",
                            "gold folder with text/ and attributions/ (PolNeAR layout)")
    parser.add_argument("--n-process", type=int, default=1, metavar="N",
                        help="parser processes")
    parser.add_argument("--pred", metavar="FILE", help="predicted attributions JSONL "
                        "(default: run the extractor)")


def cmd_evaluate(args: argparse.Namespace) -> int:
    import pandas as pd

    from .evaluate import evaluate_directory

    if args.gold is None:
        raise ParameterError("no gold folder given", field="gold",
                             hint="toolkit evaluate attributions GOLD")
    predicted = pd.read_json(args.pred, lines=True) if args.pred else None
    scores = evaluate_directory(args.gold, predicted=predicted, n_process=args.n_process)
    print(json.dumps(scores))
    return 0


def _evaluate_speakers_arguments(parser: argparse.ArgumentParser) -> None:
    add_optional_positional(parser, "gold", "--gold", "speaker gold JSONL (default: "
                            "../shared/gold/polnear_dev_speakers.jsonl)")
    parser.add_argument("--pred", help="predicted attributions JSONL (default: run the "
                        "extractor)")
    parser.add_argument("--texts", help="folder of the gold articles' <doc_id>.txt (default: "
                        "../shared/corpora/polnear/dev/text)")
    parser.add_argument("--docs", choices=("all", "first12", "last12"), default="all",
                        help="score all gold documents or the first/last 12 by doc_id "
                        "(develop on first12, check on last12)")
    parser.add_argument("--n-process", type=int, default=1, metavar="N",
                        help="parser processes")
    parser.add_argument("--json", action="store_true",
                        help="print the figures as one JSON line")


def cmd_evaluate_speakers(args: argparse.Namespace) -> int:
    from . import evaluate_speakers as speakers

    gold_path = getattr(args, "gold", None) or speakers.default_gold()
    gold = speakers.half(speakers.read_jsonl(gold_path), args.docs)
    predicted = speakers.read_jsonl(args.pred) if args.pred else speakers.predict(
        gold, args.texts or speakers.default_texts(), n_process=args.n_process)
    scores = speakers.judge(gold, predicted)
    print(json.dumps(scores.figures) if args.json else speakers.report(scores))
    return 0


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    add_optional_positional(parser, "corpus", "--corpus", "corpus file or folder, or a "
                            "store, for every notebook (default: the bundled sample)")
    add_reading_arguments(parser)
    parser.add_argument("--notebook", action="append", metavar="NAME",
                        help="notebook name or prefix, e.g. 00 (repeatable; default all)")
    parser.add_argument("-p", "--parameter", nargs=2, action="append",
                        metavar=("NAME", "VALUE"), help="a notebook parameter; VALUE is "
                        "read as YAML, so lists and mappings work: -p outlets '[A, B]', "
                        "-p columns '{outlet: newspaper}'")
    parser.add_argument("-f", "--file", help="YAML file of parameters; a `grid:` key (a "
                        "mapping of lists, or a list of mappings) renders one report per "
                        "grid point, e.g. per outlet or per week")
    parser.add_argument("--per", choices=("outlet", "week"),
                        help="batch: one report per outlet (the outlet report) or per week "
                        "with articles, each in its own folder under -o/--out")
    add_out_argument(parser, "output folder", default="reports/latest")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="notebooks rendered at once")


def report_parameters(args: argparse.Namespace) -> dict[str, Any]:
    """The notebooks' parameters from ``report``'s arguments: the ``-f`` file, then each
    ``-p``, then ``CORPUS`` (made absolute), ``--format`` and ``--map`` (as ``format`` and
    ``columns``)."""
    from .selection import resolve_corpus_path

    parameters: dict[str, Any] = {}
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ParameterError(f"cannot read the parameter file ({exc})",
                                 file=args.file) from None
        loaded = read_yaml(text, source=args.file) or {}
        if not isinstance(loaded, dict):
            raise ParameterError("the parameter file must hold a mapping", file=args.file)
        parameters.update(loaded)
    for name, value in args.parameter or []:
        parameters[name] = parameter_value(value)
    parameters = clean_parameters(parameters)
    if args.corpus:
        parameters["corpus"] = args.corpus
    if parameters.get("corpus"):
        parameters["corpus"] = str(resolve_corpus_path(parameters["corpus"]).resolve())
    if args.format:
        parameters["format"] = args.format
    if args.map:
        parameters["columns"] = _mapping(args.map)
    return parameters


def cmd_report(args: argparse.Namespace) -> int:
    from .report import render_all, render_grid

    parameters = report_parameters(args)
    grid = parameters.pop("grid", None)
    if args.per:
        from .corpus_source import open_corpus
        from .report import grid_per

        source = open_corpus(parameters.get("corpus") or "sample",
                             format=parameters.get("format") or None,
                             columns=parameters.get("columns") or None)
        grid = grid_per(source.load(), args.per)
    if grid is not None:
        runs = render_grid(grid, args.notebook, parameters=parameters, out_dir=args.out,
                           jobs=args.jobs)
        results = [r for _, point_results in runs for r in point_results]
    else:
        results = render_all(args.notebook, parameters=parameters, out_dir=args.out,
                             jobs=args.jobs)
    print(f"index: {Path(args.out) / 'index.html'}")
    failed = [r for r in results if r.error is not None]
    for r in results:
        print(f"{r.status.value:6s} {r.seconds:7.1f}s  {r.notebook}  -> {r.html or r.ipynb}")
    for r in failed:
        print(f"error: {r.error}", file=sys.stderr)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``toolkit`` command."""
    parser = CommandParser(
        prog="toolkit",
        description="Compare news outlets on sourcing density, quote chains and framing.",
        epilog="Each verb has its own --help. Docs: README.md.",
    )
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    corpus = verbs.add_parser("corpus", help="inspect a corpus")
    corpus_verbs = corpus.add_subparsers(dest="corpus_verb", required=True, metavar="ACTION")
    corpus_verbs.add_parser(
        "info", help="articles, words, outlets, date range and rejected records",
        description="Load a corpus (collecting bad records instead of stopping) and "
        "summarise it: articles, words, outlets with article counts, date range, rejects "
        "(where, which field, why, and what to do).",
        arguments=_corpus_info_arguments,
    ).set_defaults(func=cmd_corpus_info)

    verbs.add_parser(
        "parse", help="parse a corpus with spaCy and fill the cache",
        description="Parse every article with the trained spaCy pipeline and store the "
        "Docs in the DocBin cache ($TOOLKIT_CACHE_DIR or .cache/toolkit), so later "
        "analyses and reports parse nothing. Prints one JSON line of counts.",
        arguments=_parse_arguments,
    ).set_defaults(func=cmd_parse)

    verbs.add_parser(
        "attributions", help="extract every attribution (quotes, reported speech, chains)",
        description="Find direct and indirect attributions with their cue, source, "
        "canonical speaker, source type and relay chain, and write the attributions "
        "table (one record per attribution; character offsets into each article's text). "
        "Given a store, its attributions are read, nothing is parsed.",
        arguments=_attributions_arguments,
    ).set_defaults(func=cmd_attributions)

    verbs.add_parser(
        "sourcing", help="sourcing density, quote propagation and the source network",
        description="Extract attributions, then write per-article, per-outlet (and "
        "per-outlet-and-story) sourcing measures with 95% bootstrap intervals, outlet "
        "comparisons, quotations carried by several articles with their first publisher "
        "and credit, top sources, source overlap (Parquet and CSV each) and the source "
        "network (GraphML) into the output folder. Given a store, its tables are read, "
        "nothing is parsed.",
        arguments=_sourcing_arguments,
    ).set_defaults(func=cmd_sourcing)

    verbs.add_parser(
        "framing", help="word choice, attribution verbs, scare quotes, certainty, frames, tone",
        description="Compute the framing measures (distinctive vocabulary, attribution-verb "
        "profile, scare quotes, hedges and boosters in the journalist's and quoted voices, "
        "loaded terms and labels, policy frames, tone, keyterms) and write each table as "
        "Parquet and CSV, and the figures as PNG, into the output folder. Given a store, "
        "its tables (and for keyterms its Docs) are read, nothing is parsed.",
        arguments=_framing_arguments,
    ).set_defaults(func=cmd_framing)

    verbs.add_parser(
        "stories", help="group articles about the same event (by content and date)",
        description="Group the articles that report the same event, from their title, "
        "text and date only (shared rare words, names and quotations; never ids, file "
        "names or the corpus's own story), and write one row per article: doc_id, "
        "cluster, size, label (the cluster's heaviest words), and the corpus's own story "
        "beside when it has one (never overwritten).",
        arguments=_stories_arguments,
    ).set_defaults(func=cmd_stories)

    verbs.add_parser(
        "annotate", help="annotate a corpus shard by shard into a Parquet/DuckDB store",
        description="Split the corpus into shards and write, per shard, every article-level "
        "table (attributions, sourcing counts, quotes, framing counts) as Parquet and the "
        "parsed Docs as DocBin into the store (-o/--out). Finished shards are skipped on a "
        "rerun, so a killed run resumes; a half-written shard is never read; a finished "
        "shard whose files are missing or truncated is redone. One run at a time holds the "
        "store. Every verb, notebooks and `toolkit.store.connect(STORE)` (DuckDB) read the "
        "store without parsing. Prints one JSON line.",
        arguments=_annotate_arguments,
    ).set_defaults(func=cmd_annotate)

    store = verbs.add_parser("store", help="check a store made by `toolkit annotate`")
    store_verbs = store.add_subparsers(dest="store_verb", required=True, metavar="ACTION")
    store_verbs.add_parser(
        "verify", help="check every stored file against its recorded size and checksum",
        description="Compare each finished shard's files (and each unfinished shard's "
        "input) with the sizes and SHA-256 checksums recorded when they were written. "
        "Prints one JSON line listing the damaged files; exits 1 if there are any "
        "(`toolkit annotate ... --verify` redoes those shards).",
        arguments=_store_verify_arguments,
    ).set_defaults(func=cmd_store_verify)

    evaluate = verbs.add_parser("evaluate", help="score the extractor against gold annotation")
    evaluate_verbs = evaluate.add_subparsers(dest="evaluate_verb", required=True,
                                             metavar="WHAT")
    evaluate_verbs.add_parser(
        "attributions", help="attribution P/R/F1 against brat gold (PolNeAR layout)",
        description="Run the extractor on GOLD/text/*.txt (or read --pred) and score it "
        "against GOLD/attributions/*.ann (first annotator). Matching: content character "
        "Jaccard >= 0.3 or overlapping cues, one to one, best first. Prints one JSON line: "
        "attribution, source exact/overlap and content exact P/R/F1, speech-cue recall.",
        arguments=_evaluate_attributions_arguments,
    ).set_defaults(func=cmd_evaluate)
    evaluate_verbs.add_parser(
        "stories", help="story grouping against the corpus's own story ids",
        description="Group the corpus blind (title, text and date only; rows shuffled and "
        "given random ids) and compare the groups with the corpus's story ids. Prints one "
        "JSON line: B-cubed precision/recall/F1 and adjusted Rand index, beside the "
        "baseline's (TF-IDF, average linkage at cosine distance 0.8).",
        arguments=_evaluate_stories_arguments,
    ).set_defaults(func=cmd_evaluate_stories)
    evaluate_verbs.add_parser(
        "speakers", help="who said it and through whom, against a speaker gold file",
        description="Score speakers, their types and relay chains against a speaker gold "
        "JSONL (../shared/gold/polnear_dev_speakers.jsonl: PolNeAR spans annotated with "
        "speaker, speaker_type and relays). Runs the extractor on the gold's articles "
        "(--texts, each with the gold's outlet) unless --pred is given. Prints the figures "
        "of ../shared/gold/score_speakers.py (same protocol), a type confusion table and "
        "the 20 commonest errors.",
        arguments=_evaluate_speakers_arguments,
    ).set_defaults(func=cmd_evaluate_speakers)

    verbs.add_parser(
        "report", help="render notebooks into HTML reports with Papermill",
        description="Run the parameterised notebooks with Papermill on CORPUS and write "
        "executed .ipynb, HTML without code cells, each notebook's tables (Parquet/CSV) and "
        "figures (PNG), and an index.html to the output folder. --format and --map reach "
        "the notebooks as the parameters format and columns. Exits 1 when a notebook "
        "fails (the others are still rendered).",
        arguments=_report_arguments,
    ).set_defaults(func=cmd_report)
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
