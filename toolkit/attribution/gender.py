"""gender: the gender of quoted people, from the text first and first names second.

The Gender Gap Tracker's headline figure, the share of women among the people a news
outlet quotes, needs each quoted person's gender. Evidence, strongest first, pooled over
every attribution of one corpus-wide identity (``speaker_id``, :mod:`.identities`):

1. What the text says about the speaker (``toolkit/lexicons/gender_terms.tsv``): a
   pronoun source resolved to the speaker ("she said", weight 1); a courtesy title or
   gendered title in the speaker's name, in a source mention naming the speaker, or in the
   speaker's role ("Mrs. Ambler", "Congresswoman Waters", "a spokeswoman", weight 2); and,
   when the articles are given, a title before the speaker's surname anywhere in an
   article quoting them ("Ms. Ambler", weight 2 per article, none when both "Mr." and
   "Ms." precede the surname there).
2. The first name, from the gender-guesser package (Jörg Michael's ``nam_dict``: about
   48,000 first names with their frequency in 55 countries and regions): only a name
   listed as ``male`` or ``female`` overall and not with the other gender in the
   English-speaking countries of :data:`NAME_COUNTRIES` ("Rand" is female overall but male
   in the USA: no evidence). A name listed in those countries is *local*, a stronger
   witness than one listed only elsewhere ("Ilhan").

Pronoun links come from in-article resolution and carry its errors (a "she said" next to
a man's name), so the text decides alone only when it is clear: at least
:data:`CLEAR_SHARE` of its weight for one gender. Clear text wins, unless the first name
says the opposite and is local, or the text is a single pronoun (then ``unknown``).
Unclear text defers to the first name when most of its weight agrees with the name; with
no text evidence the first name decides. Anything else is ``unknown``. Only people
(``speaker_type == "person"``) get a gender; other rows get ``None``.

Example:
    >>> rows = pd.DataFrame({"doc_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"],
    ...     "speaker": ["Mara Kovell", "Mara Kovell", "Jonas Petrak"],
    ...     "speaker_id": ["person:mara-kovell", "person:mara-kovell", "person:jonas-petrak"],
    ...     "speaker_type": ["person"] * 3, "source": ["Kovell", "she", "Petrak"],
    ...     "speaker_role": [None, None, None]})
    >>> identity_genders(rows).to_dict()
    {'person:jonas-petrak': 'male', 'person:mara-kovell': 'female'}
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import gender_guesser.detector
import pandas as pd

from ..lexicons import lexicon_path, load_lexicon
from ..stats import pool_outlets

GENDERS = ("female", "male", "unknown")
GENDER_LEXICON = "gender_terms"
NAME_COUNTRIES = ("usa", "great_britain")
CLEAR_SHARE = 0.8
WEIGHTS = {"pronoun": 1.0, "title": 2.0, "role": 2.0, "article_title": 2.0}
ROLE_STOP = re.compile(r"[,;(]| (?:of|for|at|in|on|with|from|to|who|whose|which|that|and)\b")
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
NAME_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’.-]*")
COUNT_COLUMNS = ["people_quoted", "women_quoted", "men_quoted", "gender_unknown_quoted",
                 "gendered_quoted"]
OUTLET_MEASURES = {
    "share_women_quoted": ("women_quoted", "gendered_quoted", 1.0),
    "share_gender_unknown": ("gender_unknown_quoted", "people_quoted", 1.0),
}
FirstNameGender = Callable[[str], "str | None"]


@lru_cache(maxsize=8)
def _terms(path: Path, mtime_ns: int) -> dict[str, dict[str, str]]:
    table = load_lexicon(path)
    by_kind: dict[str, dict[str, str]] = defaultdict(dict)
    for term, gender, kind in zip(table["term"], table["gender"], table["kind"]):
        by_kind[kind][term.lower()] = gender
    return dict(by_kind)


def gender_terms() -> dict[str, dict[str, str]]:
    """The lexicon as ``kind → {term: gender}`` (re-read when the file changes).

    Example:
        >>> gender_terms()["title"]["mrs"], gender_terms()["role"]["husband"]
        ('female', 'male')
    """
    path = lexicon_path(GENDER_LEXICON)
    return _terms(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=1)
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    """``female``/``male`` when gender-guesser lists the first name so overall and no
    country of :data:`NAME_COUNTRIES` lists it with the other gender; ``None`` for unknown,
    mostly-one-gender and unisex names.

    Example:
        >>> first_name_gender("Alda"), first_name_gender("Oskar"), first_name_gender("Rand")
        ('female', 'male', None)
    """
    detector = _detector()
    overall = detector.get_gender(name)
    if overall not in ("female", "male"):
        return None
    listed = detector.names.get(name.lower(), {})
    columns = [detector.COUNTRIES.index(country) for country in NAME_COUNTRIES]
    for gender, countries in listed.items():
        if gender not in (overall, f"mostly_{overall}") and any(
                countries[i] != " " for i in columns):
            return None
    return overall


def listed_locally(name: str, gender: str) -> bool:
    """Whether gender-guesser lists the first name with this gender (or mostly this
    gender) in one of :data:`NAME_COUNTRIES`.

    Example:
        >>> listed_locally("Greta", "female"), listed_locally("Ilhan", "male")
        (True, False)
    """
    detector = _detector()
    listed = detector.names.get(name.lower(), {})
    columns = [detector.COUNTRIES.index(country) for country in NAME_COUNTRIES]
    return any(countries[i] != " " for g, countries in listed.items()
               if g in (gender, f"mostly_{gender}") for i in columns)


def is_first_name(word: str) -> bool:
    """Whether gender-guesser lists ``word`` as a first name of any gender.

    Example:
        >>> is_first_name("Dariusz"), is_first_name("Baker")
        (True, False)
    """
    return _detector().get_gender(word) != "unknown"


def _title_gender(words: list[str], titles: dict[str, str]) -> str | None:
    """The gender of a title among the words before a name ("former Congresswoman Maxine
    Waters", "Mrs. Ambler"): read until the first capitalised word that is no title."""
    for word in words:
        gender = titles.get(word.lower().rstrip("."))
        if gender:
            return gender
        if word[:1].isupper():
            return None
    return None


Terms = dict[str, dict[str, str]]


def role_gender(role: str | None, *, terms: Terms | None = None) -> str | None:
    """The gender of a role's head noun ("his wife" → female; "a spokesman for the
    ministry" → male), read up to the first comma, preposition or clause.

    Example:
        >>> role_gender("his wife"), role_gender("a spokesman for the ministry")
        ('female', 'male')
        >>> role_gender("director of the Calder Basin Authority") is None
        True
    """
    if not isinstance(role, str) or not role.strip():
        return None
    head = ROLE_STOP.split(role.strip(), maxsplit=1)[0].lower().split()
    roles = (terms or gender_terms()).get("role", {})
    if len(head) >= 2 and " ".join(head[-2:]) in roles:
        return roles[" ".join(head[-2:])]
    return roles.get(head[-1].strip(".’'")) if head else None


def mention_evidence(source: str | None, speaker: str | None, role: str | None, *,
                     terms: Terms | None = None) -> list[tuple[str, str]]:
    """(gender, kind) evidence of one attribution: a pronoun source, a title in the
    speaker's name, in a source mention that names the speaker, or in the role; a
    gendered role noun.

    Example:
        >>> mention_evidence("she", "Ruth Ambler", None)
        [('female', 'pronoun')]
        >>> mention_evidence("Mr. Fesk", "Dorian Fesk", "the opposition leader")
        [('male', 'title')]
        >>> mention_evidence("Mr. Lind", "Dorian Fesk", None)  # a mention of someone else
        []
    """
    terms = terms or gender_terms()
    evidence = []
    if isinstance(source, str) and source.strip().lower() in terms.get("pronoun", {}):
        evidence.append((terms["pronoun"][source.strip().lower()], "pronoun"))
    titles = terms.get("title", {})
    surname = _surname(speaker) if isinstance(speaker, str) else None
    for text in (speaker, source, role):
        if not isinstance(text, str):
            continue
        if text is source and surname and surname.lower() not in text.lower():
            continue  # the mention names someone else: a resolution error, not evidence
        gender = _title_gender(text.split(), titles)
        if gender:
            evidence.append((gender, "title"))
            break
    gender = role_gender(role, terms=terms)
    if gender:
        evidence.append((gender, "role"))
    return evidence


def _given_name(name: str, titles: dict[str, str]) -> str | None:
    """The first word of a full name, if it is not an initial or a title."""
    words = NAME_TOKEN.findall(name)
    while words and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    if len(words) < 2 or len(words[0].rstrip(".")) < 2 or "." in words[0]:
        return None
    return words[0]


def _surname(name: str) -> str | None:
    """The last word of a name that is not a suffix ("Jr.")."""
    words = [w for w in NAME_TOKEN.findall(name) if w.lower().rstrip(".") not in SUFFIXES]
    return words[-1] if words else None


def article_title_votes(quoted: Iterable[tuple[str, str, str]], texts: dict[str, str], *,
                        terms: Terms | None = None) -> Counter:
    """``(speaker_id, gender) → articles`` in which the titles written before the
    speaker's surname ("Ms. Ambler", "Mr Fesk") are all of that gender.

    Each article is read once: every title followed by up to three capitalised words
    records those words as surnames seen with the title's gender.

    Args:
        quoted: ``(doc_id, speaker_id, canonical name)`` for each person quoted in an
            article.
        texts: ``doc_id → text``.

    Example:
        >>> article_title_votes([("a", "person:ruth-ambler", "Ruth Ambler")],
        ...                     {"a": "Ms. Ambler said so, and Ms Ruth Ambler's aide left."})
        Counter({('person:ruth-ambler', 'female'): 1})
    """
    titles = (terms or gender_terms()).get("title", {})
    forms = sorted({t.capitalize() for t in titles}, key=len, reverse=True)
    pattern = re.compile(rf"\b({'|'.join(re.escape(form) for form in forms)})\.?\s+"
                         r"((?:[A-Z][\w'’.-]*\s+){0,2}[A-Z][\w'’-]*)")
    by_doc: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc_id, speaker_id, name in set(quoted):
        surname = _surname(name or "")
        if surname:
            by_doc[doc_id].append((speaker_id, surname))
    votes: Counter = Counter()
    for doc_id, people in by_doc.items():
        text = texts.get(doc_id)
        if not isinstance(text, str):
            continue
        seen: dict[str, set[str]] = defaultdict(set)
        for match in pattern.finditer(text):
            for word in match.group(2).split():
                seen[re.sub(r"['’]s$", "", word).rstrip(".")].add(titles[match.group(1).lower()])
        for speaker_id, surname in people:
            if len(seen.get(surname, ())) == 1:
                votes[(speaker_id, next(iter(seen[surname])))] += 1
    return votes


def identity_genders(attributions: pd.DataFrame, *, articles: pd.DataFrame | None = None,
                     names: dict[str, str] | None = None,
                     first_name: FirstNameGender = first_name_gender) -> pd.Series:
    """The gender of every person identity: ``speaker_id → female|male|unknown``.

    Args:
        attributions: rows with ``speaker_id``, ``speaker_type``, ``speaker``, ``source``
            and ``speaker_role`` (and ``doc_id`` when ``articles`` is given).
        articles: the articles table (``doc_id``, ``text``): adds the evidence of titles
            before the speaker's surname anywhere in the articles quoting them.
        names: ``speaker_id → canonical name`` (the speakers table's ``name``); by
            default each identity's most frequent ``speaker``.
        first_name: first name → ``female``/``male``/``None`` (the default reads
            gender-guesser; pass your own list's lookup to replace it).

    Returns:
        A Series indexed by ``speaker_id`` (sorted), one value of :data:`GENDERS` each.
    """
    people = attributions[(attributions["speaker_type"] == "person")
                          & attributions["speaker_id"].notna()]
    if names is None:
        names = (people.groupby("speaker_id")["speaker"]
                 .agg(lambda s: s.value_counts().sort_index().idxmax()).to_dict())
    terms = gender_terms()
    score: dict[str, Counter] = defaultdict(Counter)
    for speaker_id, source, speaker, role in zip(people["speaker_id"], people["source"],
                                                 people["speaker"], people["speaker_role"]):
        for gender, kind in mention_evidence(source, speaker, role, terms=terms):
            score[speaker_id][gender] += WEIGHTS[kind]
    if articles is not None and len(people):
        quoted = zip(people["doc_id"], people["speaker_id"], people["speaker_id"].map(names))
        texts = dict(zip(articles["doc_id"], articles["text"]))
        for (speaker_id, gender), n in article_title_votes(quoted, texts, terms=terms).items():
            score[speaker_id][gender] += WEIGHTS["article_title"] * n
    result = {}
    for speaker_id in sorted(set(people["speaker_id"])):
        given = _given_name(names.get(speaker_id) or "", terms.get("title", {}))
        name = first_name(given) if given else None
        local = name is not None and (first_name is not first_name_gender
                                      or listed_locally(given, name))
        result[speaker_id] = decide_gender(score[speaker_id], name, name_is_local=local)
    return pd.Series(result, dtype="object", name="speaker_gender").rename_axis("speaker_id")


def decide_gender(text: Counter, name: str | None, *, name_is_local: bool = True) -> str:
    """Combine the weighted text evidence and the first name's gender (module docstring).

    Example:
        >>> decide_gender(Counter(female=9, male=2), "male")  # clear text, local name
        'unknown'
        >>> decide_gender(Counter(female=9, male=2), "male", name_is_local=False)
        'female'
        >>> decide_gender(Counter(female=7, male=3), "female")  # unclear text agrees
        'female'
        >>> decide_gender(Counter(), "male"), decide_gender(Counter(female=1, male=1), None)
        ('male', 'unknown')
    """
    female, male = text.get("female", 0.0), text.get("male", 0.0)
    total = female + male
    if total == 0:
        return name or "unknown"
    leader = "female" if female > male else "male"
    if max(female, male) >= CLEAR_SHARE * total:
        against_name = name not in (None, leader)
        return "unknown" if against_name and (name_is_local or total < 2) else leader
    if name is not None and text.get(name, 0.0) > total / 2:
        return name
    return "unknown"


def gender_counts(attributions: pd.DataFrame) -> pd.DataFrame:
    """Per article: distinct people quoted (person identities), and how many of them are
    women, men, of unknown gender, and of known gender.

    Args:
        attributions: rows with ``doc_id``, ``outlet``, ``speaker_id``, ``speaker_type``
            and ``speaker_gender`` (as :func:`toolkit.attribution.identities.identify_speakers`
            returns them).

    Returns:
        One row per article that has attributions: ``doc_id``, ``outlet`` and
        :data:`COUNT_COLUMNS`. Join it to the articles table (zeros for the others).

    Example:
        >>> rows = pd.DataFrame({"doc_id": ["a", "a", "a"], "outlet": ["X"] * 3,
        ...     "speaker_id": ["person:ruth-ambler", "person:ruth-ambler", "person:fesk"],
        ...     "speaker_type": ["person"] * 3,
        ...     "speaker_gender": ["female", "female", "unknown"]})
        >>> gender_counts(rows).iloc[0, 2:].astype(int).tolist()
        [2, 1, 0, 1, 1]
    """
    people = attributions[(attributions["speaker_type"] == "person")
                          & attributions["speaker_id"].notna()]
    people = people.drop_duplicates(["doc_id", "speaker_id"])
    articles = attributions[["doc_id", "outlet"]].drop_duplicates("doc_id")
    counts = (pd.crosstab(people["doc_id"], people["speaker_gender"])
              .reindex(columns=list(GENDERS), fill_value=0))
    table = articles.merge(counts, left_on="doc_id", right_index=True, how="left").fillna(0)
    table = table.rename(columns={"female": "women_quoted", "male": "men_quoted",
                                  "unknown": "gender_unknown_quoted"})
    for column in ("women_quoted", "men_quoted", "gender_unknown_quoted"):
        table[column] = table[column].astype("int64")
    table["people_quoted"] = table[["women_quoted", "men_quoted",
                                    "gender_unknown_quoted"]].sum(axis=1)
    table["gendered_quoted"] = table["women_quoted"] + table["men_quoted"]
    return table[["doc_id", "outlet", *COUNT_COLUMNS]].reset_index(drop=True)


def women_share_by_outlet(per_article: pd.DataFrame, *, samples: int = 1000,
                          seed: int = 0) -> pd.DataFrame:
    """Per outlet: the share of women among the quoted people of known gender
    (``share_women_quoted``) and the share of quoted people whose gender is unknown
    (``share_gender_unknown``), pooled over articles with 95% bootstrap intervals
    (:func:`toolkit.stats.pool_outlets`).

    Args:
        per_article: :func:`gender_counts` output (articles without attributions may be
            added with zero counts; they change nothing but the ``articles`` column).

    Example:
        >>> per_article = pd.DataFrame({"outlet": ["X", "X", "Y"], "women_quoted": [1, 0, 2],
        ...     "gendered_quoted": [2, 2, 2], "gender_unknown_quoted": [0, 1, 0],
        ...     "people_quoted": [2, 3, 2]})
        >>> women_share_by_outlet(per_article)["share_women_quoted"].tolist()
        [0.25, 1.0]
    """
    return pool_outlets(per_article, OUTLET_MEASURES, samples=samples, seed=seed)

