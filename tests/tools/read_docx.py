#!/usr/bin/env python3
"""Reads a .docx the way a third party would (python-docx) and prints JSON.

Usage: read_docx.py FILE.docx

{"paragraphs": [text, ...],            every body paragraph, in order
 "tables": [{"rows": [[cell text, ...], ...],   the grid as python-docx expands it (a merged
                                                cell's text in every grid cell it covers)
             "header_rows": n,                  rows marked to repeat on every page
             "cant_split": n,                   rows that may not split across pages
             "merged_down": n,                  vertical merges started (vMerge restart)
             "spans": n}],                      cells spanning columns (gridSpan > 1)
 "sections": [{"width_mm", "height_mm", "top_mm", "bottom_mm", "left_mm", "right_mm"}]}
Needs python-docx (pip install python-docx).
"""
import json
import sys

import docx
from docx.oxml.ns import qn


def main(path):
    d = docx.Document(path)
    out = {"paragraphs": [p.text for p in d.paragraphs], "tables": [], "sections": []}
    for t in d.tables:
        rows = [[c.text for c in r.cells] for r in t.rows]
        trs = t._tbl.findall(qn("w:tr"))
        header = sum(1 for tr in trs if tr.find(qn("w:trPr")) is not None
                     and tr.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None)
        cant = sum(1 for tr in trs if tr.find(qn("w:trPr")) is not None
                   and tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None)
        merged = 0
        spans = 0
        for tc in t._tbl.iter(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            if pr is None:
                continue
            vm = pr.find(qn("w:vMerge"))
            if vm is not None and vm.get(qn("w:val")) == "restart":
                merged += 1
            gs = pr.find(qn("w:gridSpan"))
            if gs is not None and int(gs.get(qn("w:val"))) > 1:
                spans += 1
        out["tables"].append({"rows": rows, "header_rows": header, "cant_split": cant,
                              "merged_down": merged, "spans": spans})
    for s in d.sections:
        out["sections"].append({
            "width_mm": s.page_width.mm, "height_mm": s.page_height.mm,
            "top_mm": s.top_margin.mm, "bottom_mm": s.bottom_margin.mm,
            "left_mm": s.left_margin.mm, "right_mm": s.right_margin.mm,
        })
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
