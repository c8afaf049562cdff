"""Story grouping: invented multi-outlet events are recovered from content and date alone."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from toolkit import load_corpus
from toolkit.cli import main
from toolkit.errors import ParameterError
from toolkit.stories import bcubed, evaluate, group, story_ids
from toolkit.stories.grouping import components, window_edges

# Four events, each told by three outlets in their own words, plus one lone article.
EVENTS = {
    "dam": ("2024-03-04", [
        ("Riverton dam gates opened as reservoir nears record",
         "Engineers opened two spillway gates at the Riverton dam on Monday as the reservoir "
         "rose toward its record level. The water authority said homes below the dam were "
         "safe and that the Millbrook levee was holding."),
        ("Water authority opens Riverton spillway",
         "The water authority opened spillway gates at Riverton dam after heavy rain pushed "
         "the reservoir close to a record. Officials said the Millbrook levee was holding and "
         "residents below the dam need not leave."),
        ("Record reservoir forces Riverton dam release",
         "With the reservoir at near-record height, Riverton dam released water through two "
         "spillway gates. Authority engineers watched the Millbrook levee, which they said "
         "was holding."),
    ]),
    "strike": ("2024-03-05", [
        ("Harbor pilots strike halts Port Calder shipping",
         "Harbor pilots walked off the job at Port Calder, halting container shipping. The "
         "pilots union said talks over night-shift pay had collapsed; the port said twelve "
         "freighters were waiting offshore."),
        ("Port Calder at standstill as pilots walk out",
         "Container ships queued outside Port Calder after the pilots union called a strike "
         "over night-shift pay. Twelve freighters waited offshore, the port said."),
        ("Pilots union strike leaves freighters waiting off Port Calder",
         "Twelve freighters sat offshore as harbor pilots struck at Port Calder. The union "
         "blamed collapsed talks on night-shift pay for the container shipping halt."),
    ]),
    "vaccine": ("2024-03-06", [
        ("Glenford clinics begin measles vaccine drive",
         "Glenford county clinics began a measles vaccine drive after four cases at Oakhill "
         "primary school. Nurses will visit the school on Friday, the health board said."),
        ("Measles cases at Oakhill school prompt Glenford vaccination",
         "After four measles cases at Oakhill primary, the Glenford health board opened "
         "vaccine clinics across the county; nurses visit the school Friday."),
        ("Health board answers Oakhill measles outbreak with vaccine clinics",
         "The Glenford county health board started measles vaccine clinics following four "
         "cases at Oakhill primary school, with nurses at the school on Friday."),
    ]),
    "budget": ("2024-03-07", [
        ("Ashby council passes budget with library cuts",
         "Ashby councillors passed the annual budget by seven votes to five, cutting library "
         "opening hours and raising parking fees. Mayor Dana Okafor called the cuts painful."),
        ("Library hours cut as Ashby budget passes",
         "The Ashby budget passed seven to five; library opening hours fall and parking fees "
         "rise. Mayor Dana Okafor said the library cuts were painful but necessary."),
        ("Ashby approves budget, trims library and lifts parking fees",
         "By seven votes to five Ashby council approved a budget that trims library hours "
         "and lifts parking fees, which Mayor Dana Okafor called painful."),
    ]),
}
LONE = ("Chess club celebrates fiftieth anniversary",
        "The Westvale chess club marked fifty years with a tournament and a cake.")
OUTLETS = ["Harbor Ledger", "Daily Relay", "Valley Post"]


def invented_corpus() -> pd.DataFrame:
    rows = []
    for event, (day, versions) in EVENTS.items():
        for outlet, (title, text) in zip(OUTLETS, versions):
            rows.append({"doc_id": f"{outlet[:3].lower()}-{event}", "outlet": outlet,
                         "published": pd.Timestamp(day), "title": title, "text": text,
                         "story": event})
    rows.append({"doc_id": "val-chess", "outlet": "Valley Post",
                 "published": pd.Timestamp("2024-03-05"), "title": LONE[0], "text": LONE[1],
                 "story": "chess"})
    return pd.DataFrame(rows)


def as_partition(labels) -> set[frozenset[int]]:
    groups: dict = {}
    for position, label in enumerate(labels):
        groups.setdefault(label, set()).add(position)
    return {frozenset(members) for members in groups.values()}


def test_grouping_recovers_each_invented_event_across_three_outlets():
    articles = invented_corpus()
    stories = group(articles)
    assert as_partition(stories["cluster"]) == as_partition(articles["story"])
    assert stories["size"].tolist() == [3] * 12 + [1]
    assert list(stories.columns) == ["doc_id", "cluster", "size", "label"]
    assert stories["doc_id"].tolist() == articles["doc_id"].tolist()


def test_label_names_the_story_by_its_heaviest_shared_words():
    stories = group(invented_corpus()).set_index("doc_id")
    assert "riverton" in stories.loc["har-dam", "label"]
    assert "calder" in stories.loc["har-strike", "label"]
    assert stories.loc["har-dam", "label"].count(" · ") == 3


def test_ids_stories_and_row_order_do_not_change_the_clusters():
    articles = invented_corpus()
    before = as_partition(group(articles)["cluster"])
    rng = np.random.default_rng(7)
    tampered = articles.assign(doc_id=rng.permutation(articles["doc_id"].to_numpy()),
                               story=rng.permutation(articles["story"].to_numpy()),
                               outlet="one outlet", url="http://example.org/same")
    assert as_partition(group(tampered)["cluster"]) == before
    order = rng.permutation(len(articles))
    shuffled = group(articles.iloc[order])["cluster"].to_numpy()
    restored = np.empty_like(shuffled)
    restored[order] = shuffled
    assert as_partition(restored) == before


def test_same_words_a_year_apart_are_two_stories_within_the_window():
    articles = invented_corpus()
    dam = articles[articles["story"] == "dam"]
    later = dam.assign(doc_id=dam["doc_id"] + "-next-year",
                       published=dam["published"] + pd.Timedelta(days=365))
    both = pd.concat([dam, later], ignore_index=True)
    clusters = group(both, attach_threshold=None)["cluster"]
    assert as_partition(clusters) == {frozenset({0, 1, 2}), frozenset({3, 4, 5})}
    assert group(both, window_days=None)["cluster"].nunique() == 1


def test_articles_without_a_date_are_grouped_on_content_alone():
    articles = invented_corpus()
    articles.loc[articles["story"] == "strike", "published"] = pd.NaT
    assert as_partition(group(articles)["cluster"]) == as_partition(articles["story"])


def test_a_lone_article_joins_the_story_whose_centroid_it_matches():
    articles = invented_corpus()
    short = pd.DataFrame([{"doc_id": "short", "published": pd.Timestamp("2024-06-01"),
                           "title": "Riverton reservoir",
                           "text": "Riverton dam spillway gates, Millbrook levee."}])
    both = pd.concat([articles, short], ignore_index=True)
    stories = group(both).set_index("doc_id")
    assert stories.loc["short", "cluster"] == stories.loc["har-dam", "cluster"]
    alone = group(both, attach_threshold=None).set_index("doc_id")
    assert alone.loc["short", "size"] == 1


def test_window_edges_compare_only_pairs_within_the_window():
    same = sp.csr_matrix(np.ones((4, 1)))
    rows, cols, values = window_edges(same, np.array([0.0, 10.0, 38.0, np.nan]), 30, 0.5)
    assert sorted(zip(rows.tolist(), cols.tolist())) == [(0, 1), (1, 2)]
    assert values.tolist() == [1.0, 1.0]


def test_a_component_too_large_is_split_at_a_higher_threshold():
    # a chain 0-1-2-3 held together by one weak link 1-2
    graph = sp.coo_matrix(([0.9, 0.19, 0.9], ([0, 1, 2], [1, 2, 3])), shape=(4, 4))
    assert [c.tolist() for c in components(graph, 0.175)] == [[0, 1, 2, 3]]
    assert [c.tolist() for c in components(graph, 0.175, max_size=3)] == [[0, 1], [2, 3]]


def test_empty_corpus_and_bad_parameters():
    empty = group(pd.DataFrame({"doc_id": [], "title": [], "text": []}))
    assert empty.empty and list(empty.columns) == ["doc_id", "cluster", "size", "label"]
    with pytest.raises(ParameterError, match="threshold"):
        group(invented_corpus(), threshold=0)
    with pytest.raises(ParameterError, match="window_days"):
        group(invented_corpus(), window_days=-1)
    with pytest.raises(ParameterError, match="text"):
        group(pd.DataFrame({"title": ["x"]}))


def test_articles_without_words_stay_alone_without_failing():
    blank = pd.DataFrame({"text": ["", "", "?"], "title": [None, None, None],
                          "published": [None, "2024-01-01", "2024-01-02"]})
    assert group(blank)["cluster"].tolist() == [0, 1, 2]


def test_bcubed_counts_a_merge_against_precision_and_a_split_against_recall():
    assert bcubed(["a", "a", "b"], [1, 1, 2]) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    merged = bcubed(["a", "a", "a"], [1, 1, 2])
    assert merged["recall"] == 1.0 and merged["precision"] == pytest.approx(5 / 9)
    split = bcubed(["a", "b", "c"], [1, 1, 2])
    assert split["precision"] == 1.0 and split["recall"] == pytest.approx(2 / 3)


def test_evaluate_scores_the_invented_corpus_perfectly_and_reports_the_baseline():
    scores = evaluate(invented_corpus())
    assert scores["articles"] == 13 and scores["stories"] == 5 and scores["clusters"] == 5
    assert scores["bcubed_f1"] == 1.0 and scores["adjusted_rand"] == 1.0
    assert 0 < scores["baseline_bcubed_f1"] <= 1


def test_evaluate_needs_story_ids():
    with pytest.raises(ParameterError, match="story ids"):
        evaluate(invented_corpus().drop(columns="story"))


def test_story_ids_auto_keeps_the_corpus_ids_and_fills_the_missing_from_the_group():
    articles = invented_corpus()
    articles.loc[articles["doc_id"] == "val-dam", "story"] = None
    ids = story_ids(articles)
    assert ids[articles["doc_id"] == "val-dam"].item() == "dam"
    assert ids[articles["doc_id"] == "har-strike"].item() == "strike"
    grouped = story_ids(articles, story_source="grouped")
    assert grouped.str.startswith("grouped-").all()
    assert story_ids(articles, story_source="corpus").isna().sum() == 1
    with pytest.raises(ParameterError, match="story_source"):
        story_ids(articles, story_source="mine")
    with pytest.raises(ParameterError, match="no story ids"):
        story_ids(articles.drop(columns="story"), story_source="corpus")


def test_cli_writes_the_stories_table_beside_the_corpus_story(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    invented_corpus().to_json(corpus, orient="records", lines=True, date_format="iso")
    out = tmp_path / "stories.csv"
    assert main(["stories", str(corpus), "-o", str(out)]) == 0
    table = pd.read_csv(out)
    assert list(table.columns) == ["doc_id", "cluster", "size", "label", "story"]
    assert table["cluster"].nunique() == 5
    assert "13 articles in 5 stories" in capsys.readouterr().out
    assert main(["evaluate", "stories", str(corpus)]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["bcubed_f1"] == 1.0 and "baseline_bcubed_f1" in line


@pytest.mark.shared
def test_news_clusters_and_basil_beat_the_targets_and_the_baseline(corpora):
    news = evaluate(load_corpus(corpora / "news_clusters"))
    assert news["articles"] == 383 and news["stories"] == 69
    assert news["bcubed_f1"] >= 0.93
    assert news["bcubed_f1"] > news["baseline_bcubed_f1"] + 0.05
    basil = evaluate(load_corpus(corpora / "basil"))
    assert basil["bcubed_f1"] >= 0.97
    assert basil["bcubed_f1"] > basil["baseline_bcubed_f1"]
    # the blind shuffle does not move the figure
    assert evaluate(load_corpus(corpora / "basil"), seed=3, baseline=False)["bcubed_f1"] == (
        basil["bcubed_f1"])
