"""Charts as SVG, drawn from Vega-Lite specifications by vl-convert (the Vega project's converter: it runs Vega in
process, so nothing is fetched and the browser needs no script). Every mark whose row has an ``href`` is a link.

Drawing takes about 0.15 ms per cell (1.5 s for 63 papers x 12 years of months), so each SVG is kept, keyed by
its specification: the page redraws only when the figures change, e.g. after a crawl.
"""

from __future__ import annotations

import json
import threading
from functools import lru_cache
from typing import Any

import vl_convert

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"  # names the spec's version; never fetched
_CONFIG = {"view": {"stroke": None}, "axis": {"labelFontSize": 11, "titleFontSize": 11},
           "legend": {"labelFontSize": 11, "titleFontSize": 11}, "font": "DejaVu Sans, Arial, sans-serif"}
_LOCK = threading.Lock()  # vl-convert draws one chart at a time


WIDTH = 1000  # pixels a heat map's columns share: a long range gets narrower cells, not a page to scroll
_PAPER = {"field": "paper", "type": "nominal", "title": None, "sort": None, "axis": {"labelLimit": 320}}


def heatmap(rows: list[dict[str, Any]], *, x: str, value: str, title: str, scheme: str, zero: str,
            x_labels: str | None = None) -> dict[str, Any]:
    """Papers down, ``x`` across, ``value`` as colour; a zero cell in the colour ``zero``."""
    axis = {"labelAngle": -90, "title": None, **({"labelExpr": x_labels} if x_labels else {})}
    step = max(5, min(16, WIDTH // max(1, len({r[x] for r in rows}))))
    return {
        "$schema": SCHEMA,
        "data": {"values": rows},
        "mark": {"type": "rect", "stroke": "white", "strokeWidth": 1, "cursor": "pointer"},
        "width": {"step": step},
        "height": {"step": 18},
        "encoding": {
            "x": {"field": x, "type": "ordinal", "axis": axis},
            "y": _PAPER,
            "color": {"condition": {"test": f"datum['{value}'] == 0", "value": zero},
                      "field": value, "type": "quantitative", "title": title, "scale": {"scheme": scheme}},
            "href": {"field": "href"},
            "description": {"field": "label"},
        },
        "config": _CONFIG,
    }


def share_bars(rows: list[dict[str, Any]], *, title: str) -> dict[str, Any]:
    """One bar per paper, the share (0..1) as its length, the row's ``label`` beside it."""
    y = _PAPER
    return {
        "$schema": SCHEMA,
        "data": {"values": rows},
        "width": 420,
        "height": {"step": 20},
        "layer": [
            {"mark": {"type": "bar", "cursor": "pointer"},
             "encoding": {"y": y, "x": {"field": "share", "type": "quantitative", "title": title,
                                        "axis": {"format": ".0%"}, "scale": {"domain": [0, 1]}},
                          "href": {"field": "href"}, "description": {"field": "label"}}},
            {"mark": {"type": "text", "align": "left", "dx": 4},
             "encoding": {"y": y, "x": {"field": "share", "type": "quantitative"}, "text": {"field": "label"},
                          "href": {"field": "href"}}},
        ],
        "config": _CONFIG,
    }


def svg(spec: dict[str, Any]) -> str:
    """The chart as an SVG document (kept for the next request with the same specification)."""
    return _draw(json.dumps(spec, ensure_ascii=False, sort_keys=True))


@lru_cache(maxsize=32)
def _draw(spec: str) -> str:
    with _LOCK:
        return vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])
