"""chains: the media an attribution was relayed through, from the article outwards.

A chain is a list of hops ``{name, type, cue}``: the article's own outlet first, then each
relaying medium, then the speaker; ``depth`` counts the media in between (0 = first-hand).
Relays are read off the cue's syntax:

- outer reporters: ``X reported Y telling Z``, ``X quoted Y as saying``,
  ``according to X, Y said`` (X is a medium);
- inner hearers and venues: ``Y told X``, ``in an interview with X``, ``said on X``,
  ``in a video published by X``, ``he said in the X article``.

Example:
    >>> from toolkit.nlp import load_pipeline
    >>> doc = load_pipeline()("Andrei Kolesnikov told CNBC that the war had dragged on.")
    >>> [hop["name"] for hop in relay_hops(doc[2])]
    ['CNBC']
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from ..parse import doc_text
from .media import canonical_medium, is_medium, is_own_outlet
from .sources import classify_source

HEARER_DEPS = frozenset({"dobj", "dative", "iobj"})
OUTER_REPORT_LEMMAS = frozenset({"report", "quote", "cite", "write", "say", "tell"})
MAX_PREP_DEPTH = 6
ARTICLES = frozenset({"the", "a", "an"})
GENERIC_MEDIA = frozenset({
    "tv", "television", "radio", "show", "program", "programme", "network", "channel",
    "paper", "newspaper", "station", "broadcast", "broadcaster", "outlet", "interview",
    "podcast", "video", "site", "website", "magazine", "publication", "news", "media",
})
MEDIA_LABELS = frozenset({"ORG", "WORK_OF_ART", "PERSON", "GPE", "FAC", "PRODUCT", "NORP"})
MEDIA_MENTIONS = "toolkit.media_mentions"
INTERVIEW_LEMMAS = frozenset({"interview", "ask", "question", "survey", "poll", "contact",
                              "reach", "quote", "cite"})


def _name_span(token: Token) -> Span:
    """A proper name around ``token``: the token with its compound and flat-name parts."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(
            start, token.i + 1):
        start -= 1
    if token.ent_iob_ in ("B", "I"):
        ent_start = token.i
        while ent_start > 0 and doc[ent_start].ent_iob_ == "I":
            ent_start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        start = min(start, ent_start)
    return doc[start:end]


def media_mention(token: Token) -> str | None:
    """The medium's name if ``token`` heads (or names, via a compound) a news medium.

    Named as the text names it at its fullest: a program with the network or host that
    owns it (``MSNBC's Morning Joe``, ``Dana Voss's radio show``). A generic noun alone
    (``the channel``, ``the paper``, ``the show``) is the medium named last before it in
    the article, or nothing; a name ending in one that is no known outlet (``the Visa
    Program``) is no medium.
    """
    span = _name_span(token)
    owners = [_name_span(c) for c in token.children if c.dep_ == "poss"]
    candidates = [span, *[_name_span(c) for c in token.children if c.dep_ == "compound"],
                  *owners]
    for candidate in candidates:
        text = _clean(candidate.text)
        if not text or not (is_medium(text) or classify_source(candidate) == "media"):
            continue
        owner = next((_clean(o.text) for o in owners if o.start != candidate.start
                      and (is_medium(_clean(o.text)) or o.root.ent_type_ == "PERSON")
                      and not _generic(_clean(o.text))), None)
        if candidate is span and owner is not None and (
                _generic(text) or canonical_medium(text) is not None):
            return f"{owner}'s {text}"  # MSNBC's Morning Joe, X's radio show
        if _generic(text):
            return _medium_before(token.doc, token.idx) if candidate is span else None
        if canonical_medium(text) is None and _generic(text.split()[-1]):
            continue  # "the Visa Program": a name with a generic head is no outlet
        return text
    return None


def _clean(text: str) -> str:
    text = re.sub(r"['’]s?$", "", text.strip(" ,\"“”")).strip(" \"“”")
    return text[4:] if text.lower().startswith("the ") else text


def _generic(name: str) -> bool:
    """A common noun for a medium rather than a name (``show``, ``TV``, ``the paper``)."""
    words = [w for w in re.findall(r"[\w-]+", name.lower()) if w not in ARTICLES]
    return not words or all(w in GENERIC_MEDIA for w in words) or name.islower()


def _named_medium(name: str) -> bool:
    """A medium's proper name: a known outlet, or a name with a media word whose head is
    not a generic noun (``Channel 9 Riverton``, not ``the Visa Program``)."""
    if canonical_medium(name) is not None:
        return True
    return is_medium(name) and not _generic(name) and not _generic(name.split()[-1])


def _medium_before(doc, position: int) -> str | None:
    """The medium named last before ``position`` (its name as written, fullest form)."""
    mentions = doc.user_data.get(MEDIA_MENTIONS)
    if mentions is None:
        mentions = doc.user_data[MEDIA_MENTIONS] = [
            (ent.start_char, _clean(ent.text)) for ent in doc.ents
            if ent.label_ in MEDIA_LABELS and _named_medium(_clean(ent.text))]
    k = bisect.bisect_left(mentions, (position,)) - 1
    return mentions[k][1] if k >= 0 else None


def _same(token: Token, other: Token | None) -> bool:
    """Token identity (spaCy makes a new Token object on every access, so ``is`` fails)."""
    return other is not None and token.i == other.i


def _may_name(token: Token) -> bool:
    """Cheap filter before :func:`media_mention`: media are named by proper nouns, or
    referred to by a definite media noun (``the channel``; not ``reporters``)."""
    return token.pos_ == "PROPN" or any(
        c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in token.children) or (
        token.lower_ in GENERIC_MEDIA and any(c.dep_ == "det" and c.lower_ == "the"
                                              for c in token.children))


def _hop(name: str, cue: str | None) -> dict:
    return {"name": name, "type": "media", "cue": cue}


def _prep_media(token: Token, depth: int = 0) -> list[tuple[Token, str]]:
    """Media named in prepositional phrases below ``token`` (venues and interviewers)."""
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "pobj", "acl") and depth < MAX_PREP_DEPTH:
            if child.dep_ == "pobj" and _may_name(child):
                name = media_mention(child)
                if name:
                    found.append((child, name))
                    continue
            found += _prep_media(child, depth + 1)
    return found


def relay_hops(cue: Token, *, source: Token | None = None) -> list[dict]:
    """Relay hops (media between the article and the speaker) for one verb cue, outermost first.

    Args:
        cue: the attribution's cue token.
        source: the source's head token, so a medium that is itself the source is not
            counted as a relay.
    """
    outer: list[dict] = []
    inner: list[dict] = []
    head = cue.head
    if head.i != cue.i and cue.dep_ in ("advcl", "acl", "xcomp", "pcomp", "prep", "conj",
                                        "ccomp"):
        reporter = head.head if cue.dep_ == "pcomp" and head.dep_ == "prep" else head
        if reporter.lemma_ in OUTER_REPORT_LEMMAS:
            subjects = [c for c in reporter.children if c.dep_ in ("nsubj", "nsubjpass")]
            for subject in subjects:
                name = media_mention(subject)
                if name and not _same(subject, source):
                    outer.append(_hop(name, reporter.text))
            if not subjects or cue.dep_ == "conj":
                outer += [h for h in relay_hops(reporter) if h not in outer]
    owner = None  # "told MSNBC's | Morning Joe", parsed as two objects
    for child in cue.children:
        if child.dep_ not in HEARER_DEPS:
            continue
        if owner is not None and child.lower_ in GENERIC_MEDIA:  # "Channel 9's | show"
            owner["name"] = f"{owner['name']}'s {_name_span(child).text}"
            owner = None
            continue
        if _may_name(child):  # not "told reporters"
            name = media_mention(child)
            if name and not _same(child, source):
                if owner is not None:
                    inner.remove(owner)
                    name = f"{owner['name']}'s {name}"
                inner.append(_hop(name, cue.text))
                possessive = any(c.dep_ == "case" and c.lower_ in ("'s", "’s")
                                 for c in child.children)
                owner = inner[-1] if possessive else None
    for token, name in _prep_media(cue):
        if not _same(token, source) and all(h["name"] != name for h in inner):
            prep = token.head
            inner.append(_hop(name, f"{prep.text} {token.doc[prep.i + 1:token.i + 1].text}"
                              .strip() if prep.dep_ in ("prep", "agent") else cue.text))
    if source is not None:  # "analysts interviewed by Channel 9 said"
        for clause in source.children:
            if clause.dep_ == "acl" and clause.lemma_ in INTERVIEW_LEMMAS:
                inner += [_hop(name, f"{clause.text} by") for _, name in _prep_media(clause)
                          if all(h["name"] != name for h in inner)]
    return outer + [h for h in inner if h not in outer]


def according_to_relays(sentence: Span, *, exclude: Token | None = None) -> list[dict]:
    """``according to X`` naming a medium in the sentence (an outer relay for its quotes)."""
    hops = []
    if "according" not in doc_text(sentence.doc)[sentence.start_char:sentence.end_char].lower():
        return hops
    for token in sentence:
        if token.lower_ == "according" and not _same(token, exclude):
            for to in token.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        name = media_mention(obj)
                        if name:
                            hops.append(_hop(name, "according to"))
    return hops


def names_outlet(name: str | None, outlet: str | None) -> bool:
    """Whether a medium's name refers to the outlet (``the Ledger``, ``Harbor Ledger``
    for ``The Harbor Ledger``): its words, articles aside, are among the outlet's.

    Example:
        >>> names_outlet("the Ledger", "The Harbor Ledger"), names_outlet("CNN", "CNBC")
        (True, False)
    """
    words = {w for w in re.findall(r"\w+", (name or "").lower()) if w not in ARTICLES}
    outlet_words = {w for w in re.findall(r"\w+", (outlet or "").lower()) if w not in ARTICLES}
    return bool(words) and words <= outlet_words


def build_chain(outlet: str | None, hops: list[dict], speaker: dict) -> list[dict]:
    """The full chain: the article's outlet, the relays, the speaker. A hop naming the
    outlet itself under any alias (``Kovell told the Ledger`` in the Ledger, ``told The
    Huffington Post`` in ``huff-post``) is first-hand, not a relay."""
    chain = [{"name": outlet, "type": "media", "cue": None}]
    for hop in hops:
        if names_outlet(hop["name"], outlet) or is_own_outlet(hop["name"], outlet):
            continue
        if hop["name"] not in (chain[-1]["name"], speaker.get("name")):
            chain.append(hop)
    if speaker.get("name") != chain[-1]["name"] or len(chain) == 1:
        chain.append(speaker)
    return chain
