#!/usr/bin/env python3
"""Measures a notice PDF the way a GB/T 9704 proof-reader would, and prints JSON.

Usage: measure_pdf.py NOTICE.pdf

For every page: the body characters (the 仿宋 face) grouped into lines by baseline, their sizes,
the left edge, the characters per line, and where the page number "— N —" sits. Distances are
in mm from the page's top-left corner. Needs pdfplumber (pip install pdfplumber).
"""
import json
import sys
from collections import defaultdict

import pdfplumber

MM = 72 / 25.4


def main(path):
    out = {"pages": []}
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            height = float(page.height)
            body = [c for c in page.chars if "Fang" in c["fontname"]]
            lines = defaultdict(list)
            for c in body:
                baseline = height - c["matrix"][5]
                lines[round(baseline, 1)].append(c)
            line_list = []
            for baseline in sorted(lines):
                chars = sorted(lines[baseline], key=lambda c: c["x0"])
                line_list.append({
                    "baseline_mm": baseline / MM,
                    "chars": len(chars),
                    "text": "".join(c["text"] for c in chars),
                    "x0_mm": chars[0]["x0"] / MM,
                    "x1_mm": chars[-1]["x1"] / MM,
                    "sizes": sorted({round(c["size"], 2) for c in chars}),
                })
            # Every line of text inside the 版心, whatever its font (headings too).
            inside = defaultdict(int)
            for c in page.chars:
                baseline = (height - c["matrix"][5]) / MM
                if 37.0 <= baseline <= 262.0 and c["text"].strip():
                    inside[round(baseline, 1)] += 1
            # The page number: 宋体 characters below the 版心 (262 mm).
            number_chars = [c for c in page.chars
                            if (height - c["matrix"][5]) / MM > 262.5 and c["text"].strip()]
            number_chars.sort(key=lambda c: c["x0"])
            page_number = None
            if number_chars:
                page_number = {
                    "text": "".join(c["text"] for c in number_chars),
                    "x0_mm": number_chars[0]["x0"] / MM,
                    "x1_mm": number_chars[-1]["x1"] / MM,
                    "baseline_mm": (height - number_chars[0]["matrix"][5]) / MM,
                    "size": round(number_chars[0]["size"], 2),
                    "font": number_chars[0]["fontname"],
                }
            rules = [{
                "x0_mm": float(l["x0"]) / MM,
                "x1_mm": float(l["x1"]) / MM,
                "y_mm": float(l["top"]) / MM,
                "width_pt": float(l.get("linewidth") or 0),
                "color": [round(float(v), 3) for v in (l.get("stroking_color") or [])],
            } for l in page.lines]
            big = [c for c in page.chars if c["size"] > 20]
            first_big = None
            if big:
                size = max(c["size"] for c in big)
                mark = [c for c in big if abs(c["size"] - size) < 0.01]
                mark.sort(key=lambda c: c["x0"])
                first_big = {
                    "text": "".join(c["text"] for c in mark),
                    "size": size,
                    "baseline_mm": (height - mark[0]["matrix"][5]) / MM,
                    "x0_mm": mark[0]["x0"] / MM,
                    "x1_mm": mark[-1]["x1"] / MM,
                    "color": [round(float(v), 3) for v in (mark[0].get("non_stroking_color") or [])],
                }
            out["pages"].append({
                "rules": rules,
                "largest_text": first_big,
                "number": number,
                "width_mm": float(page.width) / MM,
                "height_mm": height / MM,
                "body_lines": line_list,
                "text_lines": len(inside),
                "page_number": page_number,
            })
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
