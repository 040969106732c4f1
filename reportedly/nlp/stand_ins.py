"""Array-based stand-ins for two spaCy components, giving the same token attributes faster.

en_core_web_sm's ``attribute_ruler`` (the tag map and exceptions: part of speech, morphology,
some lemmas) runs a Matcher over every token, and its ``lemmatizer`` builds a Token object and
reads its morphology for each word: together about a fifth of the pipeline's time on PolNeAR,
as much as the parser. Both compute a function of a few token attributes, so the stand-ins read
those attributes as arrays, look each distinct combination up once per process, and write the
results back as arrays. ``tests/test_nlp_stand_ins.py`` holds the attributes equal to the
originals' on hand-made text; the whole PolNeAR and real-world outputs are byte-identical.

``install`` also puts reportedly.nlp.entities's stand-in in place of the entity recognizer and
reportedly.nlp.parser's in place of the dependency parser.

A stand-in is used only for what it knows: an attribute ruler pattern with anything but
LOWER, TAG, DEP or IS_SPACE constraints (an operator, another attribute), or a lemmatizer not in
rule mode, keeps the original component (``install`` returns the names it replaced).
"""
from __future__ import annotations

import re

import numpy
from typing import Callable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from .entities import GreedyEntityRecognizer
from .parser import GreedyParser

_KEY_COLUMNS = [LOWER, TAG, DEP, IS_SPACE]
_WRITTEN = [POS, MORPH, LEMMA, TAG, DEP]
_SPEC_ATTRS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}


class _OtherWord:
    """Any word that no pattern names: equal to none of their words, matched by none of their
    regular expressions. Tokens whose words are unnamed share one cache entry."""


OTHER_WORD = _OtherWord()


def _predicate(position: int, value) -> Callable[[tuple], bool] | None:
    """A test on a token's (lower, tag, dep, is_space) for one Matcher constraint, or None when
    the constraint is of a kind the stand-in does not know."""
    if isinstance(value, (bool, str)):
        return lambda key: key[position] == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda key: key[position] in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda key: key[position] not in banned
        if op == "REGEX":
            search = re.compile(arg).search  # the Matcher searches, it does not match
            return lambda key: key[position] is not OTHER_WORD and search(key[position]) is not None
    return None


def _named_words(specs) -> tuple[frozenset, list]:
    """The words the patterns' LOWER constraints name, and their regular expressions."""
    words, regexes = set(), []
    for spec in specs:
        value = spec.get("LOWER")
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, dict):
            for op, arg in value.items():
                if op == "REGEX":
                    regexes.append(re.compile(arg).search)
                else:
                    words.update(arg)
    return frozenset(words), regexes


def _token_test(spec: dict) -> Callable[[tuple], bool] | None:
    tests = []
    for attr, value in spec.items():
        if attr not in _SPEC_ATTRS:
            return None
        test = _predicate(_SPEC_ATTRS[attr], value)
        if test is None:
            return None
        tests.append(test)
    return lambda key: all(t(key) for t in tests)


class TableAttributeRuler:
    """The attribute ruler's rules applied from arrays: what the Matcher-based original sets.

    The original matches every pattern on the unchanged Doc, then applies the matches in the
    order the rules were added, a later rule overriding an earlier one's attributes on the same
    token. Here each token's rules are found from its (lower, tag, dep, is_space) strings, cached
    per distinct combination, and merged in that same order.
    """

    def __init__(self, original) -> None:
        self.vocab = original.vocab
        self.singles: list[tuple[int, Callable]] = []  # (rule, test) of one-token patterns
        self.pairs: list[tuple[int, Callable, Callable, int]] = []  # (rule, first, second, target)
        for rule, attrs in enumerate(original.attrs):
            for pattern in original.matcher.get(str(rule))[1]:
                tests = [_token_test(spec) for spec in pattern]
                if None in tests or len(pattern) not in (1, 2):
                    raise ValueError(f"attribute ruler pattern not supported: {pattern}")
                target = original.indices[rule] % len(pattern)
                if len(pattern) == 1:
                    self.singles.append((rule, tests[0]))
                else:
                    self.pairs.append((rule, tests[0], tests[1], target))
        self.attrs = [dict(a) for a in original.attrs]
        self._words, self._regexes = _named_words(
            spec for rule in range(len(self.attrs)) for pattern in original.matcher.get(str(rule))[1] for spec in pattern)
        self._lower: dict[int, object] = {}
        if any(attr not in _WRITTEN for a in self.attrs for attr in a):
            raise ValueError("attribute ruler sets an attribute the stand-in does not write")
        self._keys: dict[tuple, tuple] = {}  # keyed by (lower or OTHER_WORD, tag, dep, is_space)
        self._merged: dict[tuple, dict] = {}

    def _word(self, lower: int) -> object:
        """The lower-cased word when a pattern names it, else OTHER_WORD."""
        word = self._lower.get(lower)
        if word is None:
            text = self.vocab.strings[lower]
            named = text in self._words or any(search(text) for search in self._regexes)
            word = self._lower[lower] = text if named else OTHER_WORD
        return word

    def _key_info(self, key: tuple) -> tuple:
        """(one-token rules, pair patterns whose first token fits, whose second fits) for a key."""
        info = self._keys.get(key)
        if info is None:
            strings = self.vocab.strings
            text_key = (key[0], strings[key[1]], strings[key[2]], bool(key[3]))
            info = (
                tuple(rule for rule, test in self.singles if test(text_key)),
                frozenset(k for k, (_r, first, _s, _t) in enumerate(self.pairs) if first(text_key)),
                frozenset(k for k, (_r, _f, second, _t) in enumerate(self.pairs) if second(text_key)),
            )
            self._keys[key] = info
        return info

    def _merge(self, rules: tuple[int, ...]) -> dict:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in sorted(rules):
                merged.update(self.attrs[rule])
            self._merged[rules] = merged
        return merged

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        word = self._word
        keys = [(word(low), tag, dep, space) for low, tag, dep, space in doc.to_array(_KEY_COLUMNS).tolist()]
        infos = [self._key_info(k) for k in keys]
        extra: dict[int, list[int]] = {}
        for i in range(n - 1):
            if infos[i][1]:
                for k in infos[i][1] & infos[i + 1][2]:
                    rule, _f, _s, target = self.pairs[k]
                    extra.setdefault(i + target, []).append(rule)
        columns = dict(zip(_WRITTEN, doc.to_array(_WRITTEN).T.tolist()))
        changed = set()
        for i, info in enumerate(infos):
            rules = info[0] if i not in extra else tuple(sorted(set(info[0]) | set(extra[i])))
            for attr, value in self._merge(rules).items():
                columns[attr][i] = value
                changed.add(attr)
        used = [c for c in _WRITTEN if c in changed]
        if used:
            doc.from_array(used, numpy.array([columns[c] for c in used], dtype="uint64").T)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class TableLemmatizer:
    """The rule lemmatizer's lemma for each token that has none, cached by (word, POS, morphology).

    spaCy's rule lemmatizer is a function of exactly those three (it caches most of its answers
    by them too); only its per-token Python is avoided here.
    """

    def __init__(self, original) -> None:
        if original.mode != "rule" or original.overwrite:
            raise ValueError("only a rule lemmatizer that does not overwrite has a stand-in")
        self.original = original
        self.vocab = original.vocab
        # The rule lemmatizer asks whether a candidate form is a known word of its part of speech
        # ("form in index"): its tables hold those words as lists of up to 57,528 strings, searched
        # one by one. The same words as sets answer the same, at once.
        index = original.lookups.get_table("lemma_index", {})
        for pos in list(index.keys()):
            index[pos] = frozenset(index[pos])
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue  # set by the attribute ruler: the original keeps it too
            key = (orth, pos, morph)
            found = self._lemmas.get(key)
            if found is None:
                found = self.vocab.strings.add(self.original.lemmatize(doc[i])[0])
                self._lemmas[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


_STAND_INS = {"parser": GreedyParser, "attribute_ruler": TableAttributeRuler, "lemmatizer": TableLemmatizer,
              "ner": GreedyEntityRecognizer}


@Language.factory("reportedly_stand_in")
def _stand_in(nlp, name: str):
    # A placeholder that ``install`` fills with the original component it stands in for.
    return _Slot()


class _Slot:
    def __init__(self) -> None:
        self.impl = None

    def __call__(self, doc: Doc) -> Doc:
        return self.impl(doc)

    def pipe(self, docs, batch_size: int = 128):
        return self.impl.pipe(docs, batch_size=batch_size)


def install(nlp) -> list[str]:
    """Replace the pipeline's parser, attribute ruler, lemmatizer and entity recognizer by their
    stand-ins (reportedly.nlp.parser for the first, reportedly.nlp.entities for the last), where they
    have one; returns the names of the components replaced."""
    replaced = []
    for name, make in _STAND_INS.items():
        if name not in nlp.pipe_names:
            continue
        original = nlp.get_pipe(name)
        try:
            impl = make(original)
        except ValueError:
            continue
        index = nlp.pipe_names.index(name)
        nlp.remove_pipe(name)
        after = {"before": nlp.pipe_names[index]} if index < len(nlp.pipe_names) else {}
        slot = nlp.add_pipe("reportedly_stand_in", name=name, **after)
        slot.impl = impl
        replaced.append(name)
    return replaced
