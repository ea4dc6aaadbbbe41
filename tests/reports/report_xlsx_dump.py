#!/usr/bin/python3
"""Reads a report workbook with openpyxl (independent of libxlsxwriter) and prints every sheet as JSON:
each cell's Python type, value and number format, plus the chart parts found in the zip and the
series formulas they reference, and each chart's value axis (scale, display unit, number format). Used by tst_reports; run with Debian's /usr/bin/python3."""
import datetime
import json
import re
import sys
import zipfile

import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path)
sheets = {}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            if v is None:
                cells.append({"t": "none"})
            elif isinstance(v, bool):
                cells.append({"t": "bool", "v": v})
            elif isinstance(v, (int, float)):
                cells.append({"t": "number", "v": v, "f": c.number_format})
            elif isinstance(v, (datetime.datetime, datetime.date)):
                cells.append({"t": "date", "v": v.date().isoformat() if isinstance(v, datetime.datetime) else v.isoformat(),
                              "f": c.number_format})
            else:
                cells.append({"t": "str", "v": str(v), "bold": bool(c.font and c.font.b)})
        rows.append(cells)
    sheets[ws.title] = rows
with zipfile.ZipFile(path) as z:
    charts = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
    formulas = []
    kinds = []
    axes = []
    for n in charts:
        xml = z.read(n).decode("utf-8")
        formulas += re.findall(r"<c:f>([^<]*)</c:f>", xml)
        kinds += re.findall(r"<c:(barChart|lineChart|pieChart)>", xml)
        for ax in re.findall(r"<c:valAx>(.*?)</c:valAx>", xml, re.S):
            def attr(tag, name="val"):
                m = re.search(r"<c:%s %s=\"([^\"]*)\"" % (tag, name), ax)
                return m.group(1) if m else None
            axes.append({"min": attr("min"), "max": attr("max"), "majorUnit": attr("majorUnit"),
                         "unit": attr("builtInUnit"), "format": attr("numFmt", "formatCode")})
json.dump({"sheets": wb.sheetnames, "cells": sheets, "charts": charts, "formulas": formulas, "kinds": kinds,
           "valueAxes": axes},
          sys.stdout, ensure_ascii=False)
