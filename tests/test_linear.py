"""Same answers, linear cost: each index or sweep that replaced a scan (issue 26) against the scan.

The reference functions below are the scans as they were; random hand-built inputs (spaCy Docs
with random trees, random ranges and quotes, synthetic mentions and speakers) must give
identical results.
"""
import random

import pytest
import spacy
from spacy.tokens import Doc

from reportedly.intervals import Intervals
from reportedly.model import Span, Speaker

RNG = random.Random(26)


def _ranges(n, limit, max_len=20):
    out = []
    for _ in range(n):
        a = RNG.randint(0, limit)
        out.append((a, a + RNG.randint(0, max_len)))
    return out


def test_intervals_answer_as_the_scans_do():
    for _ in range(300):
        ranges = [(a, b, k) for k, (a, b) in enumerate(_ranges(RNG.randint(0, 15), 80))]
        index = Intervals(ranges)
        for start, end in _ranges(20, 100):
            assert index.covers(start) == any(a <= start < b for a, b, _k in ranges)
            assert index.overlaps(start, end) == any(a < end and start < b for a, b, _k in ranges)
            assert sorted(index.overlapping(start, end)) == sorted(r for r in ranges if r[0] < end and start < r[1])
            assert sorted(index.containing(start, end)) == sorted(r for r in ranges if r[0] <= start and end <= r[1])
        grown = Intervals()
        for a, b, k in sorted(ranges, key=lambda r: (r[0], r[1])):
            grown.append(a, b, k)
        for start, end in _ranges(20, 100):
            assert list(grown.overlapping(start, end)) == list(index.overlapping(start, end))
            assert grown.covers(start) == index.covers(start) and grown.overlaps(start, end) == index.overlaps(start, end)
    with pytest.raises(ValueError):
        Intervals([(5, 9, None)]).append(4, 20)


# -- quotes ------------------------------------------------------------------------------------

def _old_paragraph_quotes(text, start, end):
    from reportedly.attribution.quotes import _marks

    stack, found = [], []
    for mark in _marks(text, start, end):
        match_at = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].family == mark.family), None)
        closes = mark.role == "close" or (mark.role == "either" and match_at is not None)
        if closes:
            if match_at is None:
                continue
            opener = stack[match_at]
            del stack[match_at:]
            found = [pair for pair in found if pair[0] < opener.pos] + [(opener.pos, mark.pos + 1)]
            continue
        stack.append(mark)
    left_open = stack[0].pos if stack and stack[0].family == "double" else None
    return found, left_open


PIECES = ["“", "”", '"', "'", "‘", "’", "«", "»", " ", "a", "said", ", ", ".", "\n", "—", ":"]


def _random_text(n):
    return "".join(RNG.choice(PIECES) for _ in range(n))


def test_quote_pairing_is_unchanged():
    from reportedly.attribution.quotes import _paragraph_quotes

    for _ in range(2000):
        text = _random_text(RNG.randint(0, 40))
        assert _paragraph_quotes(text, 0, len(text)) == _old_paragraph_quotes(text, 0, len(text))


def _old_adjacent(text, left, right, quotes):
    best = None
    for quote in quotes:
        if quote.end <= left and not text[quote.end : left].strip(" ,—–-:\n"):
            best = quote
        elif quote.start >= right and not text[right : quote.start].strip(" ,—–-:\n"):
            best = best or quote
    return best


def _old_snap(text, rng, quotes, cue):
    start, end = rng
    for quote in quotes:
        if quote.start <= cue[0] and cue[1] <= quote.end:
            continue
        if quote.start < end and start < quote.end:
            start, end = min(start, quote.start), max(end, quote.end)
    return Span.of(text, start, end)


def _old_kind(text, content, quotes):
    words = sum(len(text[a:b].split()) for a, b in content.pieces)
    quoted = 0
    for quote in quotes:
        for a, b in quote.pieces:
            if content.start <= a and b <= content.end:
                quoted += len(text[a:b].split())
    if quoted == 0:
        return "indirect"
    return "direct" if quoted >= words - 1 else "mixed"


def test_quote_lookups_answer_as_the_scans_do():
    from reportedly.attribution.quotes import QuoteIndex, find_quotes
    from reportedly.attribution.rules import _kind, _snap

    for _ in range(400):
        paragraphs, text = [], ""
        for _p in range(RNG.randint(1, 4)):
            body = _random_text(RNG.randint(1, 30)).strip("\n") or "a"
            paragraphs.append((len(text), len(text) + len(body)))
            text += body + "\n\n"
        quotes = find_quotes(text, paragraphs)
        index = QuoteIndex(quotes)
        for left, right in _ranges(10, len(text), 5):
            right = min(max(right, left + 1), len(text))
            assert (index.ending_before(text, left) or index.starting_after(text, right)) == _old_adjacent(text, left, right, quotes)
            cue = (left, right)
            for rng in _ranges(3, len(text), 15):
                rng = (rng[0], min(rng[1], len(text)))
                assert _snap(text, rng, index, cue) == _old_snap(text, rng, quotes, cue)
                if rng[1] > rng[0]:
                    content = Span.of(text, *rng)
                    assert _kind(text, content, index) == _old_kind(text, content, quotes)
        for position in range(len(text)):
            assert index.quoted(position) == any(a <= position < b for q in quotes for a, b in q.pieces)


# -- parse trees -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _random_doc(vocab, n):
    """A Doc with a random dependency forest (projective or not) over words and marks."""
    words = [RNG.choice(["said", '"', "(", ",", "he", "it", "“", " ", "fine", "."]) for _ in range(n)]
    heads, deps = list(range(n)), ["ROOT"] * n
    # Tokens attach in a random order to one attached before them: no cycles, arcs both ways,
    # crossing ones (non-projective) included; now and then a nearby head keeps trees projective.
    order = list(range(n))
    RNG.shuffle(order)
    for k, i in enumerate(order[1:], start=1):
        if RNG.random() < 0.1:
            continue  # another root
        heads[i] = order[RNG.randrange(0, k)]
        deps[i] = RNG.choice(["ccomp", "nsubj", "punct", "dobj", "prep"])
    spaces = [RNG.random() < 0.7 for _ in range(n)]
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, )


def _old_edges(head):
    n = len(head)
    left, right = list(range(n)), list(range(n))
    for i in range(n):
        node = i
        while head[node] != node:
            node = head[node]
            if i < left[node]:
                left[node] = i
            elif i > right[node]:
                right[node] = i
    return left, right


def _old_quote_above(text, head):
    from reportedly.attribution.features import QUOTE_CHARS

    above = [False] * len(text)
    for i in range(len(text)):
        if text[i] in QUOTE_CHARS:
            node = i
            while True:
                above[node] = True
                if head[node] == node:
                    break
                node = head[node]
    return above


def _old_trim(tokens, quotes_too=False):
    tokens = [t for t in tokens if not t.is_space]
    while tokens and tokens[0].is_punct and (quotes_too or not tokens[0].is_quote):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and (quotes_too or not tokens[-1].is_quote):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def test_subtree_edges_and_trims_are_unchanged(vocab):
    from reportedly.attribution.features import _base_features, _read_parse
    from reportedly.attribution.syntax import trim, trim_range, trim_subtree

    for _ in range(150):
        doc = _random_doc(vocab, RNG.randint(1, 40))
        parse = _read_parse(doc)
        assert (parse.left, parse.right) == _old_edges(parse.head)
        quote_above = _old_quote_above(parse.text, parse.head)
        for i, feats in enumerate(_base_features(parse, 0)):
            assert ("subq" in feats) == (parse.pos[i] in ("VERB", "AUX") and quote_above[i])
        for token in doc:
            for quotes_too in (False, True):
                assert trim_subtree(token, quotes_too) == _old_trim(list(token.subtree), quotes_too)
        for start, end in _ranges(10, len(doc), 15):
            for quotes_too in (False, True):
                assert trim_range(doc, start, end, quotes_too) == _old_trim(list(doc[start:end]), quotes_too)
                assert trim(list(doc[start:end]), quotes_too) == _old_trim(list(doc[start:end]), quotes_too)


def test_sentence_and_token_columns_read_as_the_token_scans_did(vocab):
    from spacy.tokens import Span as SpacySpan

    from reportedly.attribution.blocks import sentence_ranges
    from reportedly.attribution.features import Segments
    from reportedly.provenance.epistemic import Paragraphs, Words
    from spacy.symbols import NOUN, PROPN

    segments, names = Segments(limit=5), Segments()
    for k in range(150):
        n = RNG.randint(0, 30)
        if k % 2:
            doc = _random_doc(vocab, n) if n else Doc(vocab, words=[])
        else:  # sentence starts without a parse
            words = [RNG.choice(["a", "b", "."]) for _ in range(n)]
            doc = Doc(vocab, words=words, sent_starts=[True] + [RNG.random() < 0.3 for _ in range(n - 1)] if n else [])
        assert sentence_ranges(doc) == [(s.start, s.end) for s in doc.sents]
        assert Paragraphs([(0, doc)]).sentences(0) == [(s.start_char, s.end_char) for s in doc.sents]
        tagged = Doc(vocab, words=[t.text for t in doc], pos=[RNG.choice(["NOUN", "PROPN", "VERB"]) for _ in doc])
        spans = sorted({(a, a + 1) for a in RNG.sample(range(n), min(n, 3))})
        tagged.ents = [SpacySpan(tagged, a, b, label="PERSON") for a, b in spans]
        assert Words(tagged).untagged((NOUN, PROPN)) == [t.i for t in tagged if t.pos_ in ("NOUN", "PROPN") and not t.ent_type_]
        keys = [(RNG.choice("xyz"), RNG.choice("ab")) for _ in range(n)]
        assert segments.column(0, keys) == [names(0, key) for key in keys]


# -- the page's highlighting -------------------------------------------------------------------

def test_highlight_segments_are_unchanged():
    from reportedly.web.highlight import ROLES, Mark, _id_key, segments

    def old(text, marks):
        n = len(text)
        cuts = {0, n} | {max(0, min(n, m.start)) for m in marks} | {max(0, min(n, m.end)) for m in marks}
        bounds = sorted(cuts)
        out = []
        for a, b in zip(bounds, bounds[1:]):
            over = [m for m in marks if m.start <= a and b <= m.end]
            out.append((text[a:b], a, [r for r in ROLES if any(m.role == r for m in over)],
                        sorted({m.attribution for m in over if m.attribution}, key=_id_key)))
        return out

    for _ in range(300):
        text = "x" * RNG.randint(0, 60)
        marks = [Mark(a - 3, b - 3, RNG.choice(ROLES), RNG.choice([None, "", "a1", "a2", "a10"]))
                 for a, b in _ranges(RNG.randint(0, 12), len(text) + 6)]
        assert [(s.text, s.start, s.roles, s.attributions) for s in segments(text, marks)] == old(text, marks)


# -- speakers ----------------------------------------------------------------------------------

def _mentions(n, step=1):
    """Synthetic mentions in reading order; with ``step`` 0 several may start at one position."""
    from reportedly.provenance.mentions import Mention

    names = ["John Smith", "Smith", "Jane Smith", "Mr. Jones", "Ann Jones", "Jones", "Crooked John Smith", None]
    out, position = [], 0
    for _ in range(n):
        position += RNG.randint(0, 6) if step else RNG.choice([0, 0, 3])
        end = position + RNG.randint(1, 8)
        kind = RNG.choice(["person", "person", "outlet", "document", "group", "name", "organization"])
        name = RNG.choice(names) if kind == "person" else RNG.choice(["the Times", "Reuters", None])
        role = RNG.choice([None, "foreign minister", "president", "minister of state"])
        head = RNG.choice(["letter", "paper", "officials", "smith"])
        text = RNG.choice(["the letter", "a letter from them", "the paper", "the pages", name or "them"])
        out.append(Mention(position, end, text, kind, head, name=name, role=role,
                           is_subject=RNG.random() < 0.5))
        position += step
    return out


def test_mention_lookups_answer_as_the_scans_do():
    from reportedly.provenance.lookups import MentionIndex, name_words

    for trial in range(300):
        mentions = _mentions(RNG.randint(0, 25), step=trial % 2)
        index = MentionIndex(mentions)
        for words in [("smith",), ("john", "smith"), ("jones",), ("x",)]:
            assert index.persons_ending(words) == [
                m for m in mentions if m.type == "person" and m.name and name_words(m.name)[-len(words):] == words]
        offices = {"minister", "president"}
        assert index.with_office(offices) == [
            m for m in mentions if m.type == "person" and m.role and m.name and offices & {w.lower() for w in m.role.split()}]
        for name in ["John Smith", "Ann Jones", "Nobody"]:
            assert index.first_role(name) == next(
                (m.role for m in mentions if m.type == "person" and m.name == name and m.role), None)
        for position in range(0, 120, 7):
            before = [m for m in mentions if m.head == "letter" and m.end <= position and m.type == "document"]
            best = max(before, key=lambda m: (len(m.text), -m.start)) if before else None
            assert index.fullest_before("letter", "document", position) == best
            named = [m for m in mentions if m.type == "outlet" and m.name and m.end <= position]
            assert index.last_outlet_before(position) == (max(named, key=lambda m: m.start) if named else None)
            assert index.starting_in(position, position + 10) == [m for m in mentions if position <= m.start <= position + 10]
            papers = [m for m in mentions if m.head == "paper" and m.end <= position]
            assert index.last_with_head("paper", position) is (papers[-1] if papers else None)


def _old_full_name(name, mentions):
    from collections import Counter

    from reportedly.provenance.lookups import _subsequence, name_words

    words = name_words(name)
    if not words:
        return None
    fits = [m for m in mentions if m.type == "person" and m.name and name_words(m.name)[-len(words):] == words]
    if not fits:
        return None
    forms = Counter(m.name for m in fits)
    longest = max(forms, key=lambda f: len(f.split()))
    if not all(_subsequence(name_words(f), name_words(longest)) for f in forms):
        return None
    longer = [f for f in forms if len(f.split()) > len(words)] or list(forms)
    best = max(longer, key=lambda f: (forms[f], len(f.split())))
    return next(m for m in fits if m.name == best)


def test_full_names_are_looked_up_as_they_were_searched_for():
    from reportedly.provenance.lookups import MentionIndex, full_name, identity

    for trial in range(300):
        mentions = _mentions(RNG.randint(0, 25), step=trial % 2)
        index = MentionIndex(mentions)
        for name in ["Smith", "smith", "John Smith", "Mr. Smith", "Jones", "Mr. Jones", "Ann Jones", "Nobody", ""]:
            assert full_name(name, index) is _old_full_name(name, mentions)
            assert full_name(name, index) is _old_full_name(name, mentions)  # remembered
        for m in mentions:
            old = _old_full_name(m.name, mentions) if m.type == "person" and m.name else None
            assert identity(m, index) == (old.name if old else m.name if m.type == "person" and m.name else m.name or m.text)


def test_speaker_lookups_answer_as_the_scans_do():
    from reportedly.provenance.lookups import SpokenIndex

    for _ in range(200):
        speakers = []
        for a, b in _ranges(RNG.randint(0, 20), 100, 8):
            kind = RNG.choice(["person", "outlet", "outlet", "unknown"])
            mention = Span(a, b, "x" * (b - a)) if RNG.random() < 0.9 else None
            speakers.append(Speaker(kind, mention, name=RNG.choice([None, "Times", "Smith"])))
        index = SpokenIndex(speakers)
        assert list(index) == speakers
        for position in range(0, 110, 5):
            assert index.starting_in(position, position + 15) == [
                sp for sp in speakers if sp.mention is not None and position <= sp.mention.start <= position + 15]
            named = [sp for sp in speakers if sp.type == "outlet" and sp.name and sp.mention is not None and sp.mention.end <= position]
            assert index.last_outlet_before(position) == (max(named, key=lambda s: s.mention.start) if named else None)


def test_statements_heard_in_a_window_are_looked_up_as_they_were_scanned():
    from reportedly.provenance.pronouns import Heard, HeardIndex

    for _ in range(300):
        heard = []
        for a, b in _ranges(RNG.randint(0, 20), 100, 8):
            mention = Span(a, b, "x" * (b - a)) if RNG.random() < 0.9 else None
            content = tuple(_ranges(RNG.randint(0, 3), 120, 30))
            heard.append(Heard(Speaker("person", mention, name="Smith"), content, RNG.random() < 0.5))
        index = HeardIndex(heard)
        assert list(index) == heard
        for position in range(0, 130, 3):
            for window_start in (position, max(0, position - 10), max(0, position - 40), 0):
                assert index.reaching(window_start, position) == [
                    h for h in heard if h.speaker.mention is not None and h.speaker.mention.end <= position
                    and h.reach(position) >= window_start]


def test_pronoun_genders_are_counted_as_before(vocab):
    from collections import Counter

    from reportedly.provenance.lookups import MentionIndex, identity
    from reportedly.provenance.mentions import Mention
    from reportedly.provenance.pronouns import GENDER_WORDS, TITLE_GENDER, person_genders

    def old(blocks, mentions):
        votes, pairs = {}, []
        people = [m for m in mentions if m.type == "person" and m.name]
        for offset, doc in blocks:
            in_block = [m for m in people if offset <= m.start < offset + len(doc.text)]
            for m in in_block:
                before = doc.text[max(0, m.start - offset - 6) : m.start - offset].split()
                honorific = TITLE_GENDER.get(before[-1].lower()) if before else None
                if honorific:
                    votes.setdefault(identity(m, mentions), Counter())[honorific] += 3
            for sent in doc.sents:
                start, end = offset + sent.start_char, offset + sent.end_char
                here = [m for m in in_block if start <= m.start < end]
                named = {identity(m, mentions) for m in here}
                if len(named) == 2:
                    first = min(m.end for m in here)
                    pairs.append((named, {GENDER_WORDS[t.lower_] for t in sent
                                          if t.lower_ in GENDER_WORDS and offset + t.idx >= first}))
                if len(named) != 1:
                    continue
                (name,) = named
                first = min(m.end for m in here)
                for token in sent:
                    kind = GENDER_WORDS.get(token.lower_)
                    if kind and offset + token.idx >= first:
                        votes.setdefault(name, Counter())[kind] += 1
        out = {}
        for name, counter in votes.items():
            (top, n), *rest = counter.most_common() + [(None, 0)]
            if n >= 1 and n > 2 * rest[0][1]:
                out[name] = top
        # The second pass: a two-person sentence, one settled, pronouns all of the other gender.
        second = {}
        for named, kinds in pairs:
            known = [n for n in named if n in out]
            if len(known) == 1 and len(kinds) == 1 and next(iter(kinds)) != out[known[0]]:
                second.setdefault(next(iter(named - {known[0]})), set()).update(kinds)
        out.update({name: next(iter(kinds)) for name, kinds in second.items() if name not in out and len(kinds) == 1})
        return out

    for _ in range(150):
        blocks, offset, mentions = [], 0, []
        for _b in range(RNG.randint(1, 4)):
            n = RNG.randint(1, 30)
            words = [RNG.choice(["Mr.", "Mrs.", "Smith", "Jones", "he", "she", "his", "her", "said", "."]) for _w in range(n)]
            doc = Doc(vocab, words=words, sent_starts=[True] + [RNG.random() < 0.2 for _w in range(n - 1)])
            for token in doc:
                if token.text in ("Smith", "Jones") and RNG.random() < 0.8:
                    start = offset + token.idx
                    mentions.append(Mention(start, start + len(token), token.text, "person", token.lower_,
                                            name=RNG.choice([token.text, "John " + token.text])))
            blocks.append((offset, doc))
            offset += len(doc.text) + 2
        assert person_genders(blocks, MentionIndex(mentions)) == old(blocks, mentions)


def test_the_pronoun_window_starts_where_it_did():
    from reportedly.provenance.pronouns import PRONOUN_WINDOW, window

    def _window_start(position, sentences):
        return window(position, sentences)[0]

    def old(position, sentences):
        index = next((i for i, (a, b) in enumerate(sentences) if a <= position < b), None)
        return position if index is None else sentences[max(0, index - PRONOUN_WINDOW + 1)][0]

    for _ in range(200):
        sentences, position = [], 0
        for _s in range(RNG.randint(0, 10)):
            position += RNG.randint(0, 3)
            sentences.append((position, position + RNG.randint(1, 9)))
            position = sentences[-1][1]
        for p in range(position + 3):
            assert _window_start(p, sentences) == old(p, sentences)


# -- the profile -------------------------------------------------------------------------------

def test_attributed_words_are_counted_as_before():
    from reportedly.model import Article, Attribution, Paragraph
    from reportedly.provenance.profile import _attributed_words, _unique

    def old(article, attributions):
        covered = sorted({piece for att in attributions for piece in att.content.pieces})
        merged = []
        for a, b in covered:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        total = 0
        for p in article.paragraphs:
            if p.role == "body":
                for a, b in merged:
                    lo, hi = max(a, p.start), min(b, p.end)
                    if lo < hi:
                        total += len(article.text[lo:hi].split())
        return total

    for _ in range(200):
        text = " ".join(RNG.choice(["a", "bb", "said", "\n\n"]) for _w in range(60))
        paragraphs, position = [], 0
        while position < len(text):
            end = min(len(text), position + RNG.randint(1, 40))
            paragraphs.append(Paragraph(position, end, RNG.choice(["body", "body", "title"])))
            position = end + RNG.randint(0, 3)
        article = Article("x", text, tuple(paragraphs))
        atts = [Attribution("", "direct", Span.from_fragments(text, [(a, min(b, len(text)))] + [(c, min(d, len(text)))]))
                for (a, b), (c, d) in zip(_ranges(8, len(text) - 2), _ranges(8, len(text) - 2)) if b > a]
        assert _attributed_words(article, atts) == old(article, atts)
    assert _unique(["Times", "times", "", "Post", "TIMES", "post"]) == ["Times", "Post"]


@pytest.mark.model
def test_rules_that_need_a_source_change_nothing_in_the_hybrid(analyzer):
    from reportedly.attribution.hybrid import HybridExtractor
    from reportedly.attribution.rules import RuleExtractor
    from reportedly.ingest import read_article

    text = ("Officials said the bridge would reopen on Monday. Reached by phone, the mayor warned "
            "against haste, adding that repairs were slow.\n\nIt is said that costs rose, and said "
            "said said the plan was fine. Note that the plan failed.\n\n“We are ready,” Smith said. "
            "According to the paper, Jones left.")
    article = read_article(text, "a")
    blocks, _notes = analyzer.parse(article)
    model = analyzer.extractor.model
    every = RuleExtractor().extract(text, blocks)
    sourced = RuleExtractor(require_source=True).extract(text, blocks)
    assert sourced == [att for att in every if att.source is not None] and len(sourced) < len(every)
    assert HybridExtractor(model, RuleExtractor()).extract(text, blocks) == \
        HybridExtractor(model, RuleExtractor(require_source=True)).extract(text, blocks)


# -- quotes that go on -------------------------------------------------------------------------

def _old_continue_quotes(text, paragraphs, quotes, found):
    """attribution/continuations.py before its indexes: scans of every quote and attribution."""
    import dataclasses
    import re

    from reportedly.attribution.continuations import (
        _CAPTION_END, _MIN_CAPTION_WORDS, _MIN_REPEATED_WORDS, _WORD, _grown, _inside, _past_colons, _past_parentheticals, _marks_of, _most_of, _overlaps, _reaches_into,
        _whole, _words, _without_narration, _Quotes, _Cues, _over_list_items, last_reported)
    from reportedly.model import Attribution

    def last_speaker(paragraph, found):
        # The scan of every find that _last_speaker now looks up in the contents' index: the
        # same selection (last_reported) over all the finds instead of the indexed ones.
        return last_reported(paragraph, found)

    def speaks_inside(quote, att, others):
        if any(_inside(span.start, quote.pieces) for span in _marks_of(att)):
            return True
        return any(other is not att and other.cue is not None and _inside(other.cue.start, quote.pieces)
                   for other in others)

    def whole(att, others):
        pieces = [piece for quote in quotes if _reaches_into(text, att.content.pieces, quote)
                  and not speaks_inside(quote, att, others) for piece in quote.pieces]
        return _grown(text, att, pieces)

    def split(att, others):
        if att.cue is None:
            return att
        for first, second in zip(quotes, quotes[1:]):
            if not first.end <= att.cue.start < second.start:
                continue
            held = [q for q in (first, second) if _reaches_into(text, att.content.pieces, q)]
            if len(held) != 1:
                return att
            other_half = second if held[0] is first else first
            if speaks_inside(other_half, att, others):
                return att
            if any(other is not att and (_overlaps(other.content.pieces, other_half.pieces)
                                         or (other.cue is not None and first.end <= other.cue.start < second.start))
                   for other in others):
                return att
            gap = text[first.end : second.start]
            if "\n" in gap:
                return att
            for span in sorted(_marks_of(att), key=lambda s: s.start, reverse=True):
                if first.end <= span.start and span.end <= second.start:
                    gap = gap[: span.start - first.end] + " " * len(span.text) + gap[span.end - first.end :]
            if _WORD.search(gap):
                return att
            return _grown(text, att, other_half.pieces)
        return att

    def last_quoted(paragraph, atts):
        start, end = paragraph
        ending = [q for q in quotes if start < q.end <= end]
        if not ending:
            return None
        holders = [att for att in atts if _overlaps(att.content.pieces, ending[-1].pieces)]
        return min(holders, key=lambda att: sum(b - a for a, b in att.content.pieces)) if holders else None

    def repeated(pieces):
        words = _words(text, pieces)
        if len(words) < _MIN_REPEATED_WORDS:
            return False
        pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)
        return any(not _overlaps([m.span()], pieces) for m in pattern.finditer(text))

    def caption(paragraph, atts):
        start, end = paragraph
        line = text[start:end].strip()
        words = _WORD.findall(line)
        if len(words) < _MIN_CAPTION_WORDS or _CAPTION_END.search(line) or line.startswith("["):
            return False
        if any(start < q.end <= end for q in quotes):
            return False
        if any(att.cue is not None and start <= att.cue.start < end for att in atts):
            return False
        return 2 * sum(w[:1].isupper() for w in words) < len(words)

    def follow_ons(found):
        opening = {q.start: q for q in quotes}
        made = []
        for index in range(1, len(paragraphs)):
            start, end = paragraphs[index]
            quote = opening.get(start)
            atts = list(found) + made
            if quote is None or not _most_of(text, quote, start, end):
                continue
            if any(_overlaps(att.content.pieces, quote.pieces) for att in atts):
                continue
            if any(att.cue is not None and start <= att.cue.start < end for att in atts):
                continue
            speaker = last_quoted(paragraphs[index - 1], atts)
            if speaker is None and index >= 2 and caption(paragraphs[index - 1], atts):
                speaker = last_quoted(paragraphs[index - 2], atts)
            is_whole = _whole(text, quote, start, end)
            if speaker is None and is_whole:
                speaker = last_speaker(paragraphs[index - 1], found)
            if (speaker is None and not is_whole) or repeated(quote.pieces):
                continue
            made.append(Attribution("", "direct", Span.from_fragments(text, list(quote.pieces)),
                                    speaker.source if speaker is not None else None, None, origin="layout"))
        return made

    def contains_run(words, run):
        return any(words[i : i + len(run)] == run for i in range(len(words) - len(run) + 1))

    def without_pull_quotes(atts):
        keep = []
        for att in atts:
            if att.kind == "direct" and (att.cue is None or not any(ch.isalnum() for ch in att.cue.text)):
                words = _words(text, att.content.pieces)
                if len(words) >= _MIN_REPEATED_WORDS and any(
                        other is not att and other.cue is not None and any(ch.isalnum() for ch in other.cue.text)
                        and not _overlaps(other.content.pieces, att.content.pieces)
                        and contains_run(_words(text, other.content.pieces), words) for other in atts):
                    continue
            keep.append(att)
        return keep

    # (no scan to compare: it looks each find's quotes and cues up once)
    atts = [_without_narration(text, paragraphs, [a for a, _b in paragraphs], att, _Quotes(quotes), found, _Cues(found)) for att in found]
    atts = [whole(att, atts) for att in atts]
    atts = [split(att, atts) for att in atts]
    atts = _past_parentheticals(text, paragraphs, atts)  # no scan to compare: it bisects once per find
    atts = _past_colons(text, paragraphs, atts)  # (nor here: it looks up each find's stretch once)
    atts = _over_list_items(text, paragraphs, atts)  # (nor here: it bisects once per find)
    atts += follow_ons(atts)
    assert dataclasses  # (imported for symmetry with the module)
    return without_pull_quotes(atts)


# Few words, so that quotes repeat; and letters that case-blind matching equates with others.
QUOTE_WORDS = ["we", "will", "win", "We", "WILL", "it", "is", "ſo", "KIND", "kind", "ıt", "İt", "ιs", "\u0345s", "road"]


def _quote_text():
    """Paragraphs of quotes (closed, open, split, repeated), cues and names."""
    paragraphs = []
    for _ in range(RNG.randint(1, 7)):
        parts = []
        for _part in range(RNG.randint(1, 3)):
            said = " ".join(RNG.choice(QUOTE_WORDS) for _w in range(RNG.randint(1, 9)))
            opening, closing = RNG.choice([("“", "”"), ('"', '"'), ("“", ""), ("", "”"), ("", "")])
            parts.append(opening + said + RNG.choice([",", ".", ""]) + closing)
            parts.append(RNG.choice(["she said,", "Smith said.", "— Ann Lee", "he added:", "", "and"]))
        paragraphs.append(" ".join(p for p in parts if p))
    return "\n\n".join(paragraphs)


def _random_attributions(text):
    from reportedly.model import Attribution

    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\S+", text)]
    atts = []
    for _ in range(RNG.randint(0, 6)):
        a, b = sorted(RNG.sample(range(len(words)), 2)) if len(words) > 1 else (0, 0)
        content = Span.of(text, words[a][0], words[min(b, a + RNG.randint(0, 8))][1])
        cue = source = None
        if RNG.random() < 0.8:
            c = RNG.randrange(len(words))
            cue = Span.of(text, *words[c])
            if RNG.random() < 0.7 and c > 0:
                source = Span.of(text, *words[c - 1])
        atts.append(Attribution("", RNG.choice(["direct", "direct", "indirect"]), content, source, cue))
    return atts


def test_quotes_go_on_as_they_did():
    from reportedly.attribution.blocks import paragraph_spans
    from reportedly.attribution.continuations import continue_quotes
    from reportedly.attribution.quotes import find_quotes

    changed = 0
    for _ in range(3000):
        text = _quote_text()
        paragraphs = paragraph_spans(text)
        quotes = find_quotes(text, paragraphs)
        atts = _random_attributions(text)
        new = continue_quotes(text, paragraphs, quotes, atts)
        assert new == _old_continue_quotes(text, paragraphs, quotes, atts)
        changed += new != atts
    assert changed > 300  # the inputs exercise the rules


def test_a_quote_said_again_is_found_where_the_search_found_it():
    import re

    from reportedly.attribution.continuations import _Quotes, _overlaps, _repeated, _words

    def old(text, pieces):
        words = _words(text, pieces)
        if len(words) < 6:
            return False
        pattern = re.compile(r"\W+".join(re.escape(w) for w in words), re.IGNORECASE)
        return any(not _overlaps([m.span()], pieces) for m in pattern.finditer(text))

    vocabulary = QUOTE_WORDS + ["the", "Kind", "wILL", "kinder", "sowe"]
    repeats = 0
    for trial in range(3000):
        if trial % 3 == 0:  # periodic text: matches overlap one another
            text = " ".join(RNG.choice(["we", "We", "WE", "wE,", "we."]) for _w in range(RNG.randint(6, 30)))
        else:
            phrase = [RNG.choice(vocabulary) for _w in range(RNG.randint(6, 9))]
            parts = []
            for _copy in range(RNG.randint(1, 3)):
                parts += [RNG.choice(vocabulary) for _w in range(RNG.randint(0, 5))]
                parts += [w.upper() if RNG.random() < 0.2 else w for w in phrase]
            text = RNG.choice([" ", ", ", " - "]).join(parts)
        index = _Quotes([])
        for a, b in _ranges(4, len(text), 60):
            pieces = [(a, min(b, len(text)))] + ([(min(b, len(text)) + 3, len(text))] if RNG.random() < 0.2 else [])
            pieces = [(x, y) for x, y in pieces if y > x]
            found = _repeated(text, pieces, index)
            assert found == old(text, pieces)
            repeats += found
    assert repeats > 300


# -- layout --------------------------------------------------------------------------------

def test_furniture_is_cleared_as_before():
    from reportedly.attribution.furniture import clear_furniture
    from reportedly.model import Attribution

    def old_without(text, span, cut):
        pieces = []
        for start, end in span.pieces:
            for a, b in cut:
                if a <= start < b:
                    start = b
            while start < end and text[start].isspace():
                start += 1
            if start < end:
                pieces.append((start, end))
        if not pieces:
            return None
        return Span.from_fragments(text, pieces) if pieces != list(span.pieces) else span

    def old(text, found, datelines, quiet):
        import dataclasses

        kept = []
        for att in found:
            if att.cue is not None and any(a <= att.cue.start < b for a, b in list(datelines) + list(quiet)):
                continue
            content = old_without(text, att.content, datelines)
            if content is None:
                continue
            source = old_without(text, att.source, datelines) if att.source is not None else None
            if content != att.content or source != att.source:
                att = dataclasses.replace(att, content=content, source=source)
            kept.append(att)
        return kept

    for _ in range(500):
        text = "".join(RNG.choice(["a", "b", " ", "\n"]) for _c in range(RNG.randint(12, 80)))
        datelines, position = [], 0
        while position < len(text) - 2:  # in order and apart, touching now and then
            position += RNG.choice([0, 0, 1, 5])
            end = min(len(text), position + RNG.randint(1, 6))
            datelines.append((position, end))
            position = end
        quiet = _ranges(RNG.randint(0, 3), len(text), 10)
        found = []
        for (a, b), (c, d) in zip(_ranges(6, len(text) - 8, 12), _ranges(6, len(text) - 6, 5)):
            b, d = min(b, len(text) - 6), min(d, len(text))
            if b > a and d > c:
                source = Span.of(text, c, d) if RNG.random() < 0.5 else None
                cue = Span.of(text, d - 1, d) if RNG.random() < 0.7 else None
                found.append(Attribution("", "direct", Span.from_fragments(text, [(a, b), (b + 2, b + 5)]), source, cue))
        assert clear_furniture(text, found, datelines, quiet) == old(text, found, datelines, quiet)


def test_the_interviewee_is_found_as_before(vocab):
    from reportedly.attribution import interviews

    def old(text, intro, answers):
        import re

        mentions = [(offset + ent.start_char, offset + ent.end_char, ent.text)
                    for offset, doc in intro for ent in doc.ents if ent.label_ == "PERSON"]
        if not mentions:
            return None
        names = sorted({interviews._name(m[2]) for m in mentions}, key=len, reverse=True)

        def person(name):
            return next((full for full in names if full.split()[-len(name.split()):] == name.split()), name)

        counts = {}
        for _a, _b, mention in mentions:
            counts[person(interviews._name(mention))] = counts.get(person(interviews._name(mention)), 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if len(ranked) > 1 and ranked[0] == ranked[1]:
            return None
        best = max(counts, key=counts.get)
        said = {w.lower() for w in re.findall(r"[\w'’\-]+", answers)}
        if said & {w.lower() for w in best.split() if len(w) > 2}:
            return None
        start, end, _t = min((m for m in mentions if person(interviews._name(m[2])) == best),
                             key=lambda m: (-len(interviews._name(m[2]).split()), m[0]))
        return Span.of(text, start, end)

    # Names of distinct lengths: among names of one length the scan's choice is the set's order.
    people = ["Lee", "Ann Lee", "Grace Ann Lee", "Okafor", "Bo Okafor", "Smith's", "Jo Smith"]
    for _ in range(300):
        blocks, offset, text = [], 0, ""
        for _b in range(RNG.randint(1, 3)):
            words, ents = [], []
            for _w in range(RNG.randint(1, 6)):
                if RNG.random() < 0.5:
                    name = RNG.choice(people).split()
                    ents.append("B-PERSON")
                    ents += ["I-PERSON"] * (len(name) - 1)
                    words += name
                else:
                    words.append(RNG.choice(["said", "the", "bridge"]))
                    ents.append("O")
            doc = Doc(vocab, words=words, ents=ents)
            blocks.append((offset, doc))
            text += doc.text + "\n\n"
            offset = len(text)
        answers = RNG.choice(["I fixed it", "Lee and I fixed it", "we did"])
        assert interviews.interviewee(text, blocks, answers) == old(text, blocks, answers)


# -- names heading a source --------------------------------------------------------------------

def test_names_heading_a_source_are_found_as_before(vocab):
    from reportedly.provenance import lexicon
    from reportedly.provenance.mentions import norm
    from reportedly.provenance.names import NAME_LABELS
    from reportedly.provenance.speakers import _Entities, _name_in, _title_word

    def _old_name_in(phrase, root):
        """The scan (speakers._name_in before its entity index)."""
        doc = phrase.doc
        cut = next((t.i for t in phrase[1:] if t.text in (",", "(", "—", "–", ";", ":")), phrase.end)
        head_end = cut
        while head_end > phrase.start and (doc[head_end - 1].is_punct or doc[head_end - 1].is_space):
            head_end -= 1
        # The extractor may cut the phrase inside the title ("said co" of "said co-author David
        # Tilman"): a name that ends the head part, or that the title words run on to, counts.
        ends = [e for e in doc.ents if e.label_ == "PERSON" and e.start >= phrase.start
                and (e.end == head_end or (e.start >= phrase.end and cut == phrase.end))]
        if ends:
            before = doc[phrase.start : ends[0].start]
            # "Co-Founder and CEO X" joins two titles; "Trump and Clinton" joins two names.
            joined_names = any(t.pos_ == "CCONJ" and t.i > before.start and doc[t.i - 1].pos_ == "PROPN"
                               and doc[t.i - 1].lower_ not in lexicon.TITLE_WORDS for t in before)
            titled = not len(before) or any(t.lower_ in lexicon.TITLE_WORDS | lexicon.PEOPLE_NOUNS for t in before)
            if titled and not joined_names and all(_title_word(t) for t in before):
                # The role is the title without a determiner or an honorific ("Mr." is no role).
                words = [t for t in before if not (t.dep_ in ("det", "poss") and t.i == before.start)
                         and t.lower_ not in lexicon.HONORIFICS]
                role = norm(doc[words[0].i : words[-1].i + 1].text) if words else None
                return ends[0], role
        # A name that runs past the source is not it ("Clinton" of a headline's "Clinton Plan"),
        # but a possessive ending may ("North Korea's").
        held = next((e for e in doc.ents if e.label_ in NAME_LABELS and e.start <= root.i < e.end
                     and e.start >= phrase.start and all(t.tag_ == "POS" or t.is_punct for t in doc[phrase.end : e.end])),
                    None)
        if held is not None:
            return held, None
        first = next((e for e in doc.ents if e.label_ == "PERSON" and e.start == phrase.start), None)
        if first is not None and first.end < phrase.end and doc[first.end].lower_ in ("of", "from", "at"):
            return first, None  # "Shaheda Begum of Ishwaripur village": the parser heads it "village"
        if cut < phrase.end and phrase.start <= root.i < cut and root.lemma_.lower() in lexicon.TITLE_WORDS | lexicon.PEOPLE_NOUNS:
            after = next((e for e in doc.ents if e.label_ == "PERSON" and e.start == cut + 1), None)
            if after is not None and (after.end >= phrase.end or doc[after.end].is_punct):
                words = [t for t in doc[phrase.start : cut] if not (t.dep_ == "det" and t.i == phrase.start)]
                return after, norm(doc[words[0].i : words[-1].i + 1].text) if words else None
        return None, None

    words = ["co", "-", "author", "David", "Tilman", ",", "the", "Mr.", "CEO", "and", "of", "'s", "said", "Smith"]
    pos = {"co": "NOUN", "-": "PUNCT", "author": "NOUN", "David": "PROPN", "Tilman": "PROPN", ",": "PUNCT",
           "the": "DET", "Mr.": "PROPN", "CEO": "NOUN", "and": "CCONJ", "of": "ADP", "'s": "PART", "said": "VERB",
           "Smith": "PROPN"}
    found = 0
    for _ in range(1500):
        n = RNG.randint(2, 14)
        tokens = [RNG.choice(words) for _w in range(n)]
        ents, k = [], 0
        while k < n:  # entities that do not overlap, of a few labels
            if RNG.random() < 0.35:
                length = min(n - k, RNG.randint(1, 3))
                label = RNG.choice(["PERSON", "PERSON", "ORG", "GPE", "DATE"])
                ents += ["B-" + label] + ["I-" + label] * (length - 1)
                k += length
            else:
                ents.append("O")
                k += 1
        heads = [RNG.randrange(n) for _w in range(n)]
        deps = [RNG.choice(["det", "poss", "compound", "appos", "nsubj", "punct"]) for _w in range(n)]
        doc = Doc(vocab, words=tokens, pos=[pos[t] for t in tokens], tags=["POS" if t == "'s" else "NN" for t in tokens],
                  heads=heads, deps=deps, ents=ents)
        entities = _Entities(doc)
        for _p in range(5):
            a = RNG.randrange(n)
            b = RNG.randint(a + 1, n)
            phrase = doc[a:b]
            root = phrase[RNG.randrange(len(phrase))]
            new, old = _name_in(phrase, root, entities), _old_name_in(phrase, root)
            assert (new[0] is None) == (old[0] is None) and new[1] == old[1]
            if old[0] is not None:
                assert (new[0].start, new[0].end, new[0].label_) == (old[0].start, old[0].end, old[0].label_)
                found += 1
    assert found > 1000
