# Reads an .xlsx back with openpyxl (an independent reader, not the exceljs that wrote it) and
# prints what a spreadsheet user would meet, as JSON: per sheet the frozen pane, the autofilter
# range, the header row (row 2, under the caption) and, per column, each data cell's type
# (datetime, number, text, bool) and number format. Used by tests/integration/xlsx-exports.test.ts.
import datetime
import json
import sys

import openpyxl


def kind(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (datetime.datetime, datetime.date)):
        return "datetime"
    if isinstance(value, (int, float)):
        return "number"
    return "text"


def sheet_of(ws):
    rows = list(ws.iter_rows(min_row=2))
    header = [c.value for c in rows[0]] if rows else []
    columns = []
    for i, h in enumerate(header):
        cells = []
        for row in rows[1:]:
            if i >= len(row):
                continue
            c = row[i]
            k = kind(c.value)
            if k is None:
                continue
            cells.append({"type": k, "format": c.number_format, "value": c.value.isoformat() if k == "datetime" else c.value})
        columns.append({"header": "" if h is None else str(h), "cells": cells})
    return {"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "columns": columns}


workbook = openpyxl.load_workbook(sys.argv[1])
print(json.dumps([sheet_of(ws) for ws in workbook.worksheets], ensure_ascii=False, default=str))
