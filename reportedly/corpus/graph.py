"""The outlet citation graph as GraphML (for Gephi, networkx, yEd); CSV and JSON come from the CLI."""
from __future__ import annotations

from xml.sax.saxutils import quoteattr


def graphml(edges: list[dict]) -> str:
    """A directed GraphML document: citing outlet -> cited outlet, with ``count`` and ``articles``."""
    nodes = sorted({e["citing"] for e in edges} | {e["cited"] for e in edges})
    ids = {name: f"n{i}" for i, name in enumerate(nodes)}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
        '  <key id="count" for="edge" attr.name="count" attr.type="int"/>',
        '  <key id="articles" for="edge" attr.name="articles" attr.type="int"/>',
        '  <graph id="citations" edgedefault="directed">',
    ]
    for name in nodes:
        lines.append(f'    <node id="{ids[name]}"><data key="label">{_text(name)}</data></node>')
    for i, e in enumerate(edges):
        lines.append(
            f'    <edge id="e{i}" source="{ids[e["citing"]]}" target="{ids[e["cited"]]}">'
            f'<data key="count">{e["count"]}</data><data key="articles">{e["articles"]}</data></edge>'
        )
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


def _text(value: str) -> str:
    return quoteattr(value)[1:-1]
