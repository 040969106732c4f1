#!/usr/bin/env python3
"""Hostile-but-plausible inputs: time and memory of every analysis step against input size.

Each family generates one article at sizes n, 2n and 4n (``--sizes`` changes the multipliers);
each (family, size) runs in a fresh child process, so a runaway case is cut off at ``--timeout``
seconds (shown as ">T") without stopping the table. Steps: ``read`` (the plain-text or HTML
reader), ``spacy`` (parsing the analysed paragraphs), ``extract`` (the default hybrid extractor),
``provenance`` (speakers, chains, epistemics, profile) and ``json`` (the output dict written as
``analyze --format json`` writes it, after the parsed paragraphs are let go). For each
step: CPU seconds, and the peak resident memory the step added (MB, from /proc/self/status VmHWM,
reset before the step), then the whole run's CPU seconds and the process's peak resident memory
(the loaded pipeline included). The last row of a family is the time ratio 4n / n of each step:
linear work gives about 4. ``--bytes`` sizes each family's article by its length instead (the n
that makes about that many bytes), for the cost of one large article.

    python benchmarks/hostile.py                       # every family, n, 2n, 4n
    python benchmarks/hostile.py --family said_quote --sizes 1,4 --timeout 60
    python benchmarks/hostile.py --json out.json       # also keep the figures
    python benchmarks/hostile.py --bytes 1M,5M --timeout 600   # one article of 1 MB, of 5 MB
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STEPS = ("read", "spacy", "extract", "provenance", "json")

_FIRST = "Ann Bob Carla Dmitri Elena Farid Grace Hiro Ines Jamal Kofi Lena Mateo Nadia Omar Priya".split()
_LAST = "Lee Novak Okafor Silva Tanaka Berg Moreau Costa Haddad Kowalski Quinn Rossi Sato Varga".split()


def _name(i: int) -> str:
    return f"{_FIRST[i % len(_FIRST)]} {_LAST[(i // len(_FIRST)) % len(_LAST)]}"


def said_quote(n: int) -> str:
    """`said "` repeated: every mark opens a quote that never closes, every word is a cue."""
    return 'said "' * n


def short_paragraphs(n: int) -> str:
    """A live blog: thousands of one-line paragraphs, each an attribution (names, pronouns, outlets)."""
    forms = ["{name} said the plan would work.", "She said no.", "He told reporters it was late.",
             "The Times reported that costs rose.", "\u201cWe are ready,\u201d {last} said.",
             "Officials said the road was shut.", "According to the paper, {last} left."]
    out = []
    for i in range(n):
        name = _name(i)
        out.append(forms[i % len(forms)].format(name=name, last=name.split()[-1]))
    return "Live updates\n\n" + "\n\n".join(out)


def paren_run(n: int) -> str:
    """One paragraph of unclosed "(" with no space: one whitespace-free chunk for the tokenizer."""
    return "Officials said (" + "(" * n + " it was fine."


def paren_words(n: int) -> str:
    """One paragraph of unclosed "(" between words."""
    return "Officials said " + "(a " * n + "it was fine."


def quote_run(n: int) -> str:
    """One paragraph of straight quote marks, no space."""
    return 'He said "' + '"' * n + ' it was fine.'


def quote_words(n: int) -> str:
    """One paragraph of straight quote marks between words."""
    return "He said " + '" a ' * n + "it was fine."


def commas(n: int) -> str:
    """Long sentences of comma lists, with cues: one sentence per 200 items."""
    sentences = []
    for s in range(0, n, 200):
        items = ", ".join(f"item{k}" for k in range(s, min(n, s + 200)))
        sentences.append(f"{_name(s)} said that {items}, and more were needed.")
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))


def mixed_quotes(n: int) -> str:
    """Every quote mark there is, mixed and mostly unbalanced, with cues around them."""
    marks = ["\u201c", "\u201d", '"', "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e"]
    words = []
    for i in range(n):
        words.append(marks[i % len(marks)] + ("said" if i % 3 == 0 else "word") + marks[(i * 7) % len(marks)])
    return " ".join(words)


def long_words(n: int) -> str:
    """Very long words (a pasted base64 blob) among ordinary sentences."""
    blob = ("QUJD" * (n // 4 + 1))[:n]
    return f"Officials said the file was {blob} and nothing else.\n\nSmith said it was fine."


def many_entities(n: int) -> str:
    """Many distinct people, each named then quoted by surname and pronoun."""
    paragraphs = []
    for i in range(n):
        name = _name(i)
        paragraphs.append(f"{name}, a minister from {['Oslo', 'Lima', 'Kyiv', 'Accra'][i % 4]}, met "
                          f"{_name(i + 7)}. {name.split()[-1]} said the talks went well, and he added that more would follow.")
    return "\n\n".join(" ".join(paragraphs[i : i + 3]) for i in range(0, n, 3))


def transcript(n: int) -> str:
    """A long transcript: one paragraph of speaker turns, one per line."""
    speakers = ["WALLACE", "SMITH", "JAKE TAPPER", "JONES"]
    return "\n".join(f"{speakers[i % 4]}: We said that the plan {i} would work, didn't we?" for i in range(n))


def long_paragraph(n: int) -> str:
    """One paragraph of many ordinary attributed sentences (no blank line at all)."""
    forms = ["{name} said the bridge would reopen on Monday.", "\u201cIt is safe,\u201d she said.",
             "Officials told reporters that the plan was late.", "He added that nothing had changed."]
    return " ".join(forms[i % 4].format(name=_name(i)) for i in range(n))


def follow_ons(n: int) -> str:
    """Quotes that go on: split quotes, quotes over paragraphs, follow-on paragraphs, pull quotes."""
    forms = ["\u201cWe will rebuild the bridge {i},\u201d {name} said, \u201cand it will open in spring.\u201d",
             "\u201cThe money for plan {i} is there and the work can start,\u201d {last} said. \u201cNobody doubts it.\u201d",
             "\u201cThe crews on road {i} have worked every night this month, and they will go on,\u201d she said.",
             "\u201cThe crews on road {prev} have worked every night this month, and they will go on.",
             "\u201cWe are ready for the next stage of it,\u201d {last} told reporters."]
    out = []
    for i in range(n):
        name = _name(i)
        out.append(forms[i % len(forms)].format(i=i, prev=i - 1, name=name, last=name.split()[-1]))
    return "Bridge works\n\n" + "\n\n".join(out)


def interview(n: int) -> str:
    """A Q&A interview of n labelled questions and first-person answers."""
    intro = "Grace Okafor spoke to us in an interview about the bridge. Okafor has run the works for years."
    turns = [f"Q: What happened to the bridge {i}?\n\nA: I think we fixed part {i} of it, and my team is proud."
             for i in range(n)]
    return "The bridge interview\n\n" + intro + "\n\n" + "\n\n".join(turns)


def transcript_paragraphs(n: int) -> str:
    """A broadcast transcript: n speaker turns, each a paragraph, some running over two."""
    speakers = ["WALLACE", "SACHA PFEIFFER, HOST", "SMITH", "JONES"]
    out = []
    for i in range(n):
        out.append(f"{speakers[i % 4]}: The plan {i} would work, as we said it would.")
        if i % 3 == 0:
            out.append(f"And the money for part {i} is there, officials said.")
    return "\n\n".join(out)


def vox_pops(n: int) -> str:
    """Name lines over quotes and signed quotes: a round-up of n voices."""
    out = []
    for i in range(n):
        name = _name(i)
        if i % 2:
            out.append(f"{name}, gardener at Plant Trust {i}:\n\n\u201cDecember is a time of rest for the garden {i}.\u201d")
        else:
            out.append(f"\u201cThe bridge {i} changed how we live here every day.\u201d \u2015 {name}")
    return "Voices\n\n" + "\n\n".join(out)


def datelines(n: int) -> str:
    """Wire copy: every paragraph opens with a dateline; captions and credits between them."""
    places = ["LONDON", "SIOUX FALLS, S.D.", "RAJSHAHI, Dec 20 (BSS)", "NEW DELHI"]
    out = []
    for i in range(n):
        name = _name(i)
        out.append(f"{places[i % 4]} \u2014 {name} said the plan {i} would work.")
        if i % 2:
            out.append(f"Workers near the bridge {i}. Photograph: {_name(i + 3)}/Reuters")
        else:
            out.append("Photo: AP")
    return "Wire\n\n" + "\n\n".join(out)


def nested_markup(n: int) -> str:
    """HTML: an article body nested n divs deep, with attributed paragraphs at every level."""
    opening = "".join(f"<div class='c{i % 7}'><p>{_name(i)} said the plan {i} would work.</p>" for i in range(n))
    body = "<article><h1>Plan</h1>" + opening + "</div>" * n + "</article>"
    return f"<!doctype html><html><head><title>Plan</title></head><body>{body}</body></html>"


# name -> (generator, base n, unit, is_html)
FAMILIES = {
    "said_quote": (said_quote, 1000, "repeats", False),
    "short_paragraphs": (short_paragraphs, 1000, "paragraphs", False),
    "paren_run": (paren_run, 2000, "marks", False),
    "paren_words": (paren_words, 1000, "marks", False),
    "quote_run": (quote_run, 2000, "marks", False),
    "quote_words": (quote_words, 1000, "marks", False),
    "commas": (commas, 2000, "items", False),
    "mixed_quotes": (mixed_quotes, 1000, "words", False),
    "long_words": (long_words, 50000, "chars", False),
    "many_entities": (many_entities, 300, "people", False),
    "transcript": (transcript, 500, "turns", False),
    "long_paragraph": (long_paragraph, 400, "sentences", False),
    "follow_ons": (follow_ons, 500, "paragraphs", False),
    "interview": (interview, 500, "questions", False),
    "transcript_paragraphs": (transcript_paragraphs, 500, "turns", False),
    "vox_pops": (vox_pops, 500, "voices", False),
    "datelines": (datelines, 500, "paragraphs", False),
    "nested_markup": (nested_markup, 300, "levels", True),
}


def _rss_mb(field: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")  # resets VmHWM to the current RSS
    except OSError:
        pass


def _measure(fn, peaks: list[float]):
    # CPU time of this process, not wall time: on a shared machine wall time measures the
    # neighbours too. ``peaks`` collects each step's absolute peak, for the process's.
    _reset_peak()
    before = _rss_mb("VmRSS")
    t0 = time.process_time()
    value = fn()
    seconds = time.process_time() - t0
    peaks.append(_rss_mb("VmHWM"))
    return value, [round(seconds, 3), round(max(0.0, peaks[-1] - before), 1)]


def size_for(family: str, target: int) -> int:
    """The smallest n (to within 1%) whose article of ``family`` has at least ``target`` bytes."""
    generate = FAMILIES[family][0]
    low, high = 1, 1
    while len(generate(high).encode("utf-8")) < target:
        low, high = high, high * 2
    while high - low > max(1, low // 100):
        mid = (low + high) // 2
        if len(generate(mid).encode("utf-8")) < target:
            low = mid
        else:
            high = mid
    return high


def _bytes(text: str) -> int:
    """``"1M"``, ``"500K"`` or ``"1000"`` as a number of bytes (decimal: 1M is 1,000,000)."""
    text = text.strip().upper()
    scale = {"K": 1000, "M": 1000 ** 2}.get(text[-1:], 1)
    return int(float(text.rstrip("KM")) * scale)


def run_child(family: str, n: int) -> dict:
    """Analyse one generated article step by step; {step: [seconds, peak MB added]}."""
    from reportedly.ingest import read_article
    from reportedly.ingest.html import read_html
    from reportedly.pipeline import Analyzer, number_attributions
    from reportedly.prose import not_an_article
    from reportedly.provenance import trace_provenance
    try:
        from reportedly.serialize import lazy_analysis_dict as analysis_dict, write_json
    except ImportError:  # the code before the streamed writer
        from reportedly.serialize import analysis_dict

        def write_json(value, out):
            out.write(json.dumps(value, ensure_ascii=False, indent=2))
    from reportedly.model import Analysis

    generate, _base, _unit, is_html = FAMILIES[family]
    raw = generate(n)
    analyzer = Analyzer()
    analyzer.analyze(read_article("Officials said the bridge would reopen on Monday, and it did.", "warm"))
    out = {"bytes": len(raw.encode("utf-8"))}
    peaks = [_rss_mb("VmHWM")]  # the pipeline loaded and warmed up
    start = time.process_time()
    article, out["read"] = _measure(lambda: read_html(raw.encode("utf-8"), "h") if is_html else read_article(raw, "h"),
                                    peaks)
    if hasattr(analyzer, "parse"):
        (blocks, notes), out["spacy"] = _measure(lambda: analyzer.parse(article), peaks)
    else:  # the code before issue 26: one Doc per paragraph, no limits
        def parse():
            texts = [article.text[p.start : p.end] for p in article.paragraphs]
            return [(p.start, doc) for p, doc in zip(article.paragraphs, analyzer.nlp.pipe(texts))], ()
        (blocks, notes), out["spacy"] = _measure(parse, peaks)
    out["notes"] = list(notes)
    # The steps run whatever the text; `analyze` first turns away what is no article (a word or
    # a mark repeated, too few words: reportedly.prose), at no cost. Say so beside the figures.
    verdict = not_an_article("\n".join(article.text[p.start : p.end] for p in article.paragraphs))
    if verdict:
        out["notes"].insert(0, f"analyze: not an article, {verdict}")
    found, out["extract"] = _measure(lambda: number_attributions(analyzer.extractor.extract(article.text, blocks)),
                                     peaks)
    out["attributions"] = len(found)
    traced, out["provenance"] = _measure(lambda: trace_provenance(article, blocks, found), peaks)
    provenance, voice, profile = traced
    analysis = Analysis(article.id, article, found, (), provenance=provenance, voice=voice, profile=profile)
    # As `analyze --format json`: the Docs are gone once the article is analysed, and the
    # analysis is written as indented JSON.
    del blocks, traced, provenance, voice, profile
    with open(os.devnull, "w", encoding="utf-8") as sink:
        _, out["json"] = _measure(lambda: write_json(analysis_dict(analysis), sink), peaks)
    out["total"] = round(time.process_time() - start, 3)
    out["peak"] = round(max(peaks), 1)
    return out


def run(family: str, n: int, timeout: float) -> dict:
    """One (family, size) in a child process; {"timeout": True} when it ran past ``timeout``."""
    cmd = [sys.executable, __file__, "--child", family, str(n)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return {"timeout": True}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cell(result: dict, step: str, timeout: float) -> str:
    if result.get("timeout"):
        return f">{timeout:g}"
    if "error" in result:
        return "error"
    seconds, mb = result[step]
    return f"{seconds:.2f}/{mb:.0f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    parser.add_argument("--sizes", default="1,2,4", help="multipliers of each family's base size")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--bytes", help="instead of --sizes: articles of about these many bytes, as 1M,5M")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per (family, size)")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_child(args.child[0], int(args.child[1]))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    targets = [_bytes(b) for b in args.bytes.split(",")] if args.bytes else []
    rows = []
    print("| family | n | KB | attributions | " + " | ".join(f"{s} s/MB" for s in STEPS)
          + " | total s | peak MB | notes |")
    print("|---" * (len(STEPS) + 7) + "|")
    for family in args.family or list(FAMILIES):
        _gen, base, unit, _html = FAMILIES[family]
        results = []
        counts = [size_for(family, t) for t in targets] or [int(base * args.scale * m) for m in sizes]
        for n in counts:
            result = run(family, n, args.timeout)
            results.append(result)
            rows.append({"family": family, "n": n, **result})
            kb = f"{result['bytes'] / 1024:.0f}" if "bytes" in result else "?"
            cells = " | ".join(_cell(result, s, args.timeout) for s in STEPS)
            notes = "; ".join(result.get("notes", []))[:80]
            whole = f"{result['total']:.1f} | {result['peak']:.0f}" if "total" in result else "? | ?"
            print(f"| {family} | {n} {unit} | {kb} | {result.get('attributions', '?')} | {cells} | {whole} | {notes} |",
                  flush=True)
        first, last = results[0], results[-1]
        if not targets and len(results) > 1 and all("read" in r for r in (first, last)):
            ratios = {s: last[s][0] / max(first[s][0], 0.01) for s in STEPS}
            worst = max(ratios, key=ratios.get)
            print(f"|   ratio {sizes[-1] // sizes[0]}n/n | | | | "
                  + " | ".join(f"{ratios[s]:.1f}" for s in STEPS) + f" | | | worst: {worst} |", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
