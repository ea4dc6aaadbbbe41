#!/usr/bin/python3
"""Reads an XLSX file with openpyxl (an implementation independent of ours) and prints its first
sheet as JSON: every cell's Python type, value and number format, plus freeze panes, auto filter
and column widths. Used by the export tests; run with Debian's /usr/bin/python3."""
import datetime
import json
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
rows = []
for row in ws.iter_rows():
    cells = []
    for c in row:
        v = c.value
        if v is None:
            cells.append({"t": "none"})
        elif isinstance(v, bool):
            cells.append({"t": "bool", "v": v})
        elif isinstance(v, int):
            cells.append({"t": "int", "v": v, "f": c.number_format})
        elif isinstance(v, float):
            cells.append({"t": "float", "v": v, "f": c.number_format})
        elif isinstance(v, datetime.datetime):
            cells.append({"t": "datetime", "v": v.isoformat(), "f": c.number_format})
        elif isinstance(v, datetime.date):
            cells.append({"t": "date", "v": v.isoformat(), "f": c.number_format})
        else:
            cells.append({"t": "str", "v": str(v), "bold": bool(c.font and c.font.b)})
    rows.append(cells)
widths = {k: d.width for k, d in ws.column_dimensions.items() if d.width}
json.dump({"sheets": wb.sheetnames, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
           "widths": widths, "rows": rows}, sys.stdout, ensure_ascii=False)
