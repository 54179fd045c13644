"""Writes a benchmark CSV as .xlsx with a Python writer: openpyxl (write-only mode, as large
exports use it), XlsxWriter, or XlsxWriter in constant_memory mode. Every cell is written as
text but the score, as such an export would. Used by bench/writer-forms.mjs."""
import csv
import sys

writer, source, target = sys.argv[1:4]
SCORE = 11

with open(source, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))


def typed(i, value):
    return int(value) if i == SCORE and value.isdigit() else value


if writer == "openpyxl":
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("面试记录")
    for r in rows:
        ws.append([typed(i, v) if v != "" else None for i, v in enumerate(r)])
    wb.save(target)
else:
    import xlsxwriter
    wb = xlsxwriter.Workbook(target, {"constant_memory": writer == "xlsxwriter-constant-memory", "strings_to_numbers": False})
    ws = wb.add_worksheet("面试记录")
    for y, r in enumerate(rows):
        for x, v in enumerate(r):
            if v == "":
                continue
            value = typed(x, v) if y > 0 else v
            if isinstance(value, int):
                ws.write_number(y, x, value)
            else:
                ws.write_string(y, x, value)
    wb.close()
