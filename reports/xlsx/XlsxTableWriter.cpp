#include "reports/xlsx/XlsxTableWriter.h"

#include "reports/xlsx/ZipEntryStream.h"
#include "reports/xlsx/ZipWriter.h"

#include <QFile>

#include <charconv>
#include <cmath>

#include <zlib.h>

namespace crm {

namespace {
constexpr int kMaxTextChars = 32767; // Excel's cell limit

// The sheet is by far the largest part. At zlib's fastest level a million customer rows (940 MB of
// XML) took 4.4-4.7 s here, deflating as fast as the rows were produced; at the default level (6)
// 8.3-10.4 s, for a file 16 % smaller (110 instead of 131 MB).
constexpr int kSheetLevel = Z_BEST_SPEED;

// Cell styles, the order of cellXfs in styles.xml.
constexpr const char *kHeaderStyle = " s=\"1\"";
constexpr const char *kMoneyStyle = " s=\"2\"";
constexpr const char *kDateStyle = " s=\"3\"";
constexpr const char *kDateTimeStyle = " s=\"4\"";

const char kXmlDeclaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// Days since 1899-12-30: Excel's serial date (1900 system; dates after February 1900).
double excelSerial(const QDate &date)
{
    return double(QDate(1899, 12, 30).daysTo(date));
}

Error writeError(const QString &what)
{
    return Error::writeFailed(QStringLiteral("Cannot write the XLSX file: ") + what);
}

std::string columnName(int column) // 0 -> A, 26 -> AA
{
    std::string name;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        name.insert(name.begin(), char('A' + (c - 1) % 26));
    return name;
}

void appendNumber(std::string &out, double value)
{
    char digits[32];
    const auto r = std::to_chars(digits, digits + sizeof digits, value); // shortest that reads back exactly
    out.append(digits, r.ptr);
}

void appendInteger(std::string &out, qint64 value)
{
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, value);
    out.append(digits, r.ptr);
}

bool isHex(char16_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

void appendHexEscape(std::string &out, unsigned code) // Excel's _xHHHH_
{
    static const char hex[] = "0123456789ABCDEF";
    const char escaped[] = {'_', 'x', hex[(code >> 12) & 15], hex[(code >> 8) & 15], hex[(code >> 4) & 15], hex[code & 15], '_'};
    out.append(escaped, sizeof escaped);
}

// `text` as UTF-8 element content. XML escapes for & < >; a carriage return as a character reference
// (a literal one would be read back as a plain line feed); control characters XML 1.0 cannot carry in
// Excel's _xHHHH_ form; and a text that itself reads like such an escape gets its underscore escaped
// (_x005F_), or Excel would decode it. Unpaired surrogates become U+FFFD.
void appendCellText(std::string &out, QStringView text)
{
    const char16_t *p = text.utf16(), *const end = p + text.size();
    while (p < end) {
        const char16_t c = *p++;
        if (c < 0x80) {
            switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '\r': out += "&#13;"; break;
            case '_':
                if (end - p >= 6 && p[0] == 'x' && isHex(p[1]) && isHex(p[2]) && isHex(p[3]) && isHex(p[4]) && p[5] == '_')
                    out += "_x005F_";
                else
                    out += '_';
                break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n')
                    appendHexEscape(out, c);
                else
                    out += char(c);
            }
        } else if (c < 0x800) {
            out += char(0xC0 | (c >> 6));
            out += char(0x80 | (c & 0x3F));
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            if (c <= 0xDBFF && p < end && *p >= 0xDC00 && *p <= 0xDFFF) {
                const char32_t u = 0x10000 + ((char32_t(c) - 0xD800) << 10) + (char32_t(*p++) - 0xDC00);
                out += char(0xF0 | (u >> 18));
                out += char(0x80 | ((u >> 12) & 0x3F));
                out += char(0x80 | ((u >> 6) & 0x3F));
                out += char(0x80 | (u & 0x3F));
            } else {
                out += "\xEF\xBF\xBD";
            }
        } else if (c == 0xFFFE || c == 0xFFFF) { // not characters in XML either
            out += "\xEF\xBF\xBD";
        } else {
            out += char(0xE0 | (c >> 12));
            out += char(0x80 | ((c >> 6) & 0x3F));
            out += char(0x80 | (c & 0x3F));
        }
    }
}

QByteArray xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

// Excel stores a width in characters of the default font's widest digit (7 pixels for Calibri 11)
// plus 5 pixels of padding, truncated to 1/256: what the column dialog shows as `chars`.
double excelWidth(double chars)
{
    return std::floor((chars * 7 + 5) / 7 * 256) / 256;
}

bool validSheetName(const QString &name)
{
    if (name.isEmpty() || name.size() > 31 || name.startsWith(u'\'') || name.endsWith(u'\''))
        return false;
    for (QChar c : name) {
        if (QStringView(u"[]:*?/\\").contains(c) || c.unicode() < 0x20)
            return false;
    }
    return true;
}
} // namespace

XlsxTableWriter::XlsxTableWriter() = default;

Result<std::unique_ptr<XlsxTableWriter>> XlsxTableWriter::create(const QString &path, const QString &sheetName,
                                                                 const QVector<XlsxColumn> &columns)
{
    const QString sheet = sheetName.isEmpty() ? QStringLiteral("Sheet1") : sheetName.left(31);
    if (!validSheetName(sheet))
        return writeError(QStringLiteral("bad sheet name"));
    std::unique_ptr<XlsxTableWriter> w(new XlsxTableWriter);
    w->m_path = path;
    w->m_partPath = path + QStringLiteral(".part");
    w->m_sheetName = sheet;
    for (int c = 0; c < columns.size(); ++c)
        w->m_columnNames.push_back(columnName(c));
    QFile::remove(w->m_partPath);
    auto zip = ZipWriter::create(w->m_partPath);
    if (!zip)
        return zip.error();
    w->m_zip = std::move(zip).value();
    if (Status st = w->writePackageParts(); !st)
        return st.error();
    if (Status st = w->m_zip->beginEntry("xl/worksheets/sheet1.xml", kSheetLevel, true); !st)
        return st.error();
    w->m_sheet = std::make_unique<ZipEntryStream>(*w->m_zip);

    // What comes before the rows: the frozen header, the widths. The sheet's <dimension> would come
    // first too but is optional, and the row count is not known yet.
    std::string &out = w->m_sheet->buffer();
    out += kXmlDeclaration;
    out += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
           " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
           "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\">"
           "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
           "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
           "<sheetFormatPr defaultRowHeight=\"15\"/>";
    if (!columns.isEmpty()) {
        out += "<cols>";
        for (int c = 0; c < columns.size(); ++c) {
            out += "<col min=\"";
            appendInteger(out, c + 1);
            out += "\" max=\"";
            appendInteger(out, c + 1);
            out += "\" width=\"";
            appendNumber(out, excelWidth(columns[c].width));
            out += "\" customWidth=\"1\"/>";
        }
        out += "</cols>";
    }
    out += "<sheetData>";
    w->m_row = -1; // the header is the sheet's row 1; endRow() counts the data rows from 0
    for (const XlsxColumn &column : columns)
        w->textCell(column.header, kHeaderStyle);
    if (Status st = w->endRow(); !st)
        return st.error();
    return w;
}

XlsxTableWriter::~XlsxTableWriter()
{
    abandon();
}

Status XlsxTableWriter::writePackageParts()
{
    const QByteArray declaration(kXmlDeclaration);
    const QByteArray contentTypes = declaration + R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
        R"(<Default Extension="xml" ContentType="application/xml"/>)"
        R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
        R"(<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)"
        R"(<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>)"
        R"(</Types>)";
    const QByteArray rootRels = declaration + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
        R"(</Relationships>)";
    const QByteArray workbookRels = declaration + R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
        R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
        R"(</Relationships>)";
    // Styles 0-4: default, bold header, money (built-in format 4, #,##0.00), date, date and time.
    const QByteArray styles = declaration + R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>)"
        R"(<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>)"
        R"(<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>)"
        R"(<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>)"
        R"(<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>)"
        R"(<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>)"
        R"(<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>)"
        R"(<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>)"
        R"(<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>)"
        R"(<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>)"
        R"(<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>)"
        R"(<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>)"
        R"(<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>)"
        R"(</styleSheet>)";
    for (const auto &[name, data] : {std::pair{"[Content_Types].xml", contentTypes}, std::pair{"_rels/.rels", rootRels},
                                     std::pair{"xl/_rels/workbook.xml.rels", workbookRels}, std::pair{"xl/styles.xml", styles}}) {
        if (Status st = m_zip->add(name, data); !st)
            return st;
    }
    return {};
}

void XlsxTableWriter::openRow()
{
    if (m_rowOpen)
        return;
    m_rowOpen = true;
    m_rowNumber.clear();
    appendInteger(m_rowNumber, m_row + 2); // data row 0 is the sheet's row 2
    std::string &out = m_sheet->buffer();
    out += "<row r=\"";
    out += m_rowNumber;
    out += "\">";
}

void XlsxTableWriter::cellStart(const char *attributes)
{
    openRow();
    std::string &out = m_sheet->buffer();
    out += "<c r=\"";
    if (m_column < int(m_columnNames.size()))
        out += m_columnNames[size_t(m_column)];
    else
        out += columnName(m_column);
    out += m_rowNumber;
    out += '"';
    out += attributes;
}

void XlsxTableWriter::textCell(QStringView text, const char *attributes)
{
    if (!text.isEmpty()) {
        const QStringView kept = text.left(kMaxTextChars);
        cellStart(attributes);
        std::string &out = m_sheet->buffer();
        // Excel trims a text's outer white space unless told to keep it.
        const bool preserve = kept.front().isSpace() || kept.back().isSpace();
        out += preserve ? R"( t="inlineStr"><is><t xml:space="preserve">)" : R"( t="inlineStr"><is><t>)";
        appendCellText(out, kept);
        out += "</t></is></c>";
    }
    ++m_column;
}

void XlsxTableWriter::addText(QStringView text)
{
    textCell(text, "");
}

void XlsxTableWriter::number(double value, const char *style)
{
    cellStart(style);
    std::string &out = m_sheet->buffer();
    out += "><v>";
    appendNumber(out, value);
    out += "</v></c>";
}

void XlsxTableWriter::addInteger(qint64 value)
{
    number(double(value), "");
    ++m_column;
}

void XlsxTableWriter::addMoney(qint64 minorUnits)
{
    // A double holds every amount below 2^53 fen exactly to the cent when shown with two decimals.
    number(double(minorUnits) / 100.0, kMoneyStyle);
    ++m_column;
}

void XlsxTableWriter::addDate(const QDate &date)
{
    if (date.isValid() && date > QDate(1900, 3, 1))
        number(excelSerial(date), kDateStyle);
    ++m_column;
}

void XlsxTableWriter::addDateTime(qint64 utcMs)
{
    if (utcMs > 0)
        number(m_localTime.excelSerial(utcMs), kDateTimeStyle);
    ++m_column;
}

void XlsxTableWriter::addBlank()
{
    ++m_column;
}

Status XlsxTableWriter::endRow()
{
    if (m_rowOpen) {
        m_sheet->buffer() += "</row>";
        m_rowOpen = false;
    }
    m_sheet->handOverIfFull();
    m_column = 0;
    ++m_row;
    if (m_sheet->failed())
        return m_sheet->finish();
    if (m_row > kMaxDataRows)
        return Error::validation(QStringLiteral("range"), QStringLiteral("format"),
                                 QStringLiteral("An XLSX sheet holds at most %1 rows; export to CSV instead").arg(kMaxDataRows));
    return {};
}

Status XlsxTableWriter::finish()
{
    if (!m_zip)
        return writeError(QStringLiteral("already closed"));
    if (m_rowOpen)
        (void)endRow();
    const std::string lastColumn = m_columnNames.empty() ? std::string("A") : m_columnNames.back();
    std::string lastRow;
    appendInteger(lastRow, m_row + 1);
    const std::string range = "A1:" + lastColumn + lastRow;
    std::string &out = m_sheet->buffer();
    out += "</sheetData><autoFilter ref=\"";
    out += range;
    out += "\"/><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>";
    Status st = m_sheet->finish();
    m_sheet.reset();
    if (st)
        st = m_zip->endEntry();

    // The workbook names the filtered range (Excel's hidden _FilterDatabase), so it comes last.
    if (st) {
        QString sheetRef = m_sheetName;
        sheetRef.replace(u'\'', QStringLiteral("''"));
        const QString absolute = QString::fromStdString("$A$1:$" + lastColumn + '$' + lastRow);
        const QByteArray workbook = QByteArray(kXmlDeclaration)
            + R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
              R"(<bookViews><workbookView/></bookViews><sheets><sheet name=")"
            + xmlEscaped(m_sheetName) + R"(" sheetId="1" r:id="rId1"/></sheets>)"
            + R"(<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">)"
            + xmlEscaped(QLatin1Char('\'') + sheetRef + QStringLiteral("'!") + absolute) + R"(</definedName></definedNames>)"
            + R"(</workbook>)";
        st = m_zip->add("xl/workbook.xml", workbook);
    }
    if (st)
        st = m_zip->finish();
    if (!st) {
        m_zip->discard();
        m_zip.reset();
        return st;
    }
    m_zip.reset();
    QFile::remove(m_path);
    if (!QFile::rename(m_partPath, m_path)) {
        QFile::remove(m_partPath);
        return writeError(QStringLiteral("cannot move it to %1").arg(m_path));
    }
    return {};
}

void XlsxTableWriter::abandon()
{
    if (!m_zip)
        return;
    m_sheet.reset();
    m_zip->discard(); // closes and deletes the .part file
    m_zip.reset();
}

} // namespace crm
