#!/usr/bin/python3
"""Writes the XLSX files the import tests read, so they come from programs other than ours:
  customers.xlsx  by openpyxl: a notes sheet first, then 客户 with shared strings, a phone stored as a
                  number, dates and date-times, a boolean, empty cells and Chinese text.
  handmade.xlsx   by zipfile, as other producers write it: inline strings, rich text with a phonetic
                  guide, formula results (t="str"), an error cell, the 1904 date system, a custom date
                  format, a number in exponent form, cells without r attributes.
  bad_xml.xlsx    a valid zip whose sheet XML is broken.
  wide.xlsx       a sheet with a cell in column 10,000.
Usage: make_xlsx.py OUTDIR"""
import datetime
import os
import sys
import zipfile

import openpyxl

out = sys.argv[1]

wb = openpyxl.Workbook()
notes = wb.active
notes.title = "说明"
notes["A1"] = "请在“客户”表中填写"
ws = wb.create_sheet("客户")
ws.append(["姓名", "公司", "手机", "邮箱", "生日", "登记时间", "VIP", "标签", "省份", "城市", "备注"])
ws.append(["王芳", "深圳星河科技有限公司", 13812345678, "wang.fang@xinghe.cn", datetime.date(1985, 6, 1),
           datetime.datetime(2024, 5, 1, 14, 30), True, "VIP客户，重要客户", "广东省", "深圳市", None])
ws.append(["李强", None, "139 0000 1111", None, datetime.date(1990, 12, 31), None, False, None, None, None, "只有电话"])
ws.append([None] * 11)  # an empty row Excel leaves behind
ws.append(["Emma Smith", "Contoso Ltd", "+86 137-0000-1111", "emma@contoso.com", None, None, None, "VIP客户", "北京市", "北京市",
           "1234.5"])
ws["E2"].number_format = "yyyy-mm-dd"
ws["E3"].number_format = "yyyy/m/d"
ws["F2"].number_format = "yyyy-mm-dd hh:mm"
wb.save(os.path.join(out, "customers.xlsx"))

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?>'
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<workbookPr date1904="1"/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
           '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
           '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
           '</Relationships>')
SST = ('<?xml version="1.0" encoding="UTF-8"?>'
       '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">'
       '<si><t>name</t></si>'
       '<si><r><t>张</t></r><r><rPr><b/></rPr><t>三丰</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh></si>'
       '</sst>')
STYLES = ('<?xml version="1.0" encoding="UTF-8"?>'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>'
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs>'
          '</styleSheet>')


def sheet(rows_xml):
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + rows_xml + '</sheetData></worksheet>')


HANDMADE = sheet(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>phone</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>birthday</t></is></c><c r="D1" t="inlineStr"><is><t>notes</t></is></c>'
    '<c r="E1" t="inlineStr"><is><t>flag</t></is></c></row>'
    '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>1.3812345678E10</v></c><c r="C2" s="1"><v>29000</v></c>'
    '<c r="D2" t="str"><f>CONCAT("a","b")</f><v>ab</v></c><c r="E2" t="b"><v>1</v></c></row>'
    '<row><c t="inlineStr"><is><r><t>Li</t></r><r><t xml:space="preserve"> Lei</t></r></is></c><c><v>13900001111</v></c>'
    '<c t="e"><v>#N/A</v></c><c s="2"><v>1234.5</v></c></row>'
    '<row r="6"><c r="C6" t="inlineStr"><is><t>gap</t></is></c></row>')

def write_zip(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)

base = {"[Content_Types].xml": CT, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WB,
        "xl/_rels/workbook.xml.rels": WB_RELS, "xl/sharedStrings.xml": SST, "xl/styles.xml": STYLES}
write_zip(os.path.join(out, "handmade.xlsx"), dict(base, **{"xl/worksheets/sheet1.xml": HANDMADE}))
write_zip(os.path.join(out, "bad_xml.xlsx"), dict(base, **{"xl/worksheets/sheet1.xml": sheet(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>ok</t></is></c></row>'
    '<row r="3"><c r="A3" t="inlineStr"><is><t>broken</is></c></row>')}))
write_zip(os.path.join(out, "wide.xlsx"), dict(base, **{"xl/worksheets/sheet1.xml": sheet(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="NTP1" t="inlineStr"><is><t>far</t></is></c></row>')}))
write_zip(os.path.join(out, "not_a_workbook.xlsx"), {"hello.txt": "just a zip"})
