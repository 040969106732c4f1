"""The outlet citation graph as a picture: a deterministic circular layout for server-side SVG.

No layout library: outlets sit on a circle ordered by how much they cite or are cited, so the
busiest nodes are spread out and the picture is the same on every load. Edge width grows with
the number of citations; each edge bends slightly so A→B and B→A stay apart.
"""
from __future__ import annotations

import math

SIZE = 640
MAX_NODES = 24


def layout(edges: list[dict], size: int = SIZE, max_nodes: int = MAX_NODES) -> dict:
    """Nodes (x, y, label, weight) and edges (path, width, count) of the busiest outlets."""
    weight: dict[str, int] = {}
    for e in edges:
        weight[e["citing"]] = weight.get(e["citing"], 0) + e["count"]
        weight[e["cited"]] = weight.get(e["cited"], 0) + e["count"]
    names = sorted(weight, key=lambda n: (-weight[n], n))[:max_nodes]
    kept = set(names)
    centre, radius = size / 2, size / 2 - 110
    nodes = {}
    for i, name in enumerate(names):
        angle = 2 * math.pi * i / max(len(names), 1) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        nodes[name] = {
            "name": name, "x": round(x, 1), "y": round(y, 1), "weight": weight[name],
            "r": round(6 + 10 * math.sqrt(weight[name] / max(weight.values())), 1),
            "anchor": "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle",
            "lx": round(centre + (radius + 22) * math.cos(angle), 1),
            "ly": round(centre + (radius + 22) * math.sin(angle) + 4, 1),
        }
    top = max((e["count"] for e in edges), default=1)
    drawn = []
    for e in edges:
        if e["citing"] not in kept or e["cited"] not in kept or e["citing"] == e["cited"]:
            continue
        a, b = nodes[e["citing"]], nodes[e["cited"]]
        mx, my = (a["x"] + b["x"]) / 2, (a["y"] + b["y"]) / 2
        # Pull the control point a little toward the centre so opposite edges do not overlap.
        cx, cy = mx + (centre - mx) * 0.25, my + (centre - my) * 0.25
        # End the arrow at the edge of the target circle, not under it.
        dx, dy = b["x"] - cx, b["y"] - cy
        length = math.hypot(dx, dy) or 1
        ex, ey = b["x"] - dx / length * (b["r"] + 3), b["y"] - dy / length * (b["r"] + 3)
        drawn.append({
            "citing": e["citing"], "cited": e["cited"], "count": e["count"],
            "path": f"M{a['x']},{a['y']} Q{round(cx, 1)},{round(cy, 1)} {round(ex, 1)},{round(ey, 1)}",
            "width": round(1 + 5 * e["count"] / top, 1),
        })
    return {"size": size, "nodes": list(nodes.values()), "edges": drawn, "omitted": max(0, len(weight) - len(names))}
