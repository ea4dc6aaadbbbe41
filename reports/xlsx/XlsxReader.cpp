#include "reports/xlsx/XlsxReader.h"

#include "reports/xlsx/ZipArchive.h"

#include <QDate>
#include <QHash>
#include <QRegularExpression>
#include <QTime>

#include <cmath>

namespace crm {

namespace {

constexpr qint64 kMaxPartBytes = 64LL << 20; // workbook, relationships, styles
constexpr qint64 kMaxSharedStrings = 50'000'000;

// A string item's text as Excel means it: "_xHHHH_" stands for the UTF-16 unit HHHH (how Excel and
// other writers carry control characters XML cannot; "_x005F_" is a literal underscore).
QString decodeEscapes(QString text)
{
    if (!text.contains(QLatin1String("_x")))
        return text;
    static const QRegularExpression escape(QStringLiteral("_x([0-9A-Fa-f]{4})_"));
    QString out;
    qsizetype at = 0;
    for (auto it = escape.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(text).mid(at, m.capturedStart() - at);
        out += QChar(char16_t(m.capturedView(1).toUShort(nullptr, 16)));
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out;
}

// `pattern` is marked for ErrorText, so the desktop says it in the user's language (Error::detailed).
Error formatError(const char *pattern, const QStringList &args = {})
{
    return Error::detailed(QStringLiteral("validation.format"), QStringLiteral("file"), pattern, args);
}

// "xl/" + "worksheets/sheet1.xml", or an absolute "/xl/worksheets/sheet1.xml".
QString resolve(const QString &baseDir, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return target.mid(1);
    QStringList parts = baseDir.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &p : target.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (p == QLatin1String(".."))
            parts.removeLast();
        else if (p != QLatin1String("."))
            parts.append(p);
    }
    return parts.join(QLatin1Char('/'));
}

// Relationship id -> (type, absolute part name) of a .rels part.
Result<QHash<QString, std::pair<QString, QString>>> readRelationships(const QByteArray &xmlText, const QString &baseDir)
{
    QHash<QString, std::pair<QString, QString>> out;
    QXmlStreamReader xml(xmlText);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("Relationship")) {
            const auto a = xml.attributes();
            out.insert(a.value(QLatin1String("Id")).toString(),
                       {a.value(QLatin1String("Type")).toString(), resolve(baseDir, a.value(QLatin1String("Target")).toString())});
        }
    }
    if (xml.hasError())
        return formatError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook is damaged (relationships: %1)"), {xml.errorString()});
    return out;
}

bool isBuiltinDateFormat(int id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

// A custom number format shows a date or time when, outside quoted text, escapes and [colour]
// brackets, it uses day, month, year, hour or second codes.
bool isDateFormatCode(const QString &code)
{
    bool quoted = false, bracket = false;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (quoted) {
            quoted = c != QLatin1Char('"');
            continue;
        }
        if (bracket) {
            if (c == QLatin1Char(']'))
                bracket = false;
            else if (c.toLower() == QLatin1Char('h') || c.toLower() == QLatin1Char('s'))
                return true; // [h]:mm elapsed time
            continue;
        }
        if (c == QLatin1Char('"'))
            quoted = true;
        else if (c == QLatin1Char('['))
            bracket = true;
        else if (c == QLatin1Char('\\') || c == QLatin1Char('_') || c == QLatin1Char('*'))
            ++i;
        else if (QStringLiteral("dmyhsDMYHS").contains(c))
            return true;
    }
    return false;
}

// "AB12" -> 27 (0-based column); -1 when there are no letters.
int columnOf(QStringView ref)
{
    int col = 0;
    qsizetype i = 0;
    for (; i < ref.size(); ++i) {
        const char16_t c = ref[i].unicode();
        if (c >= u'A' && c <= u'Z')
            col = col * 26 + (c - u'A' + 1);
        else if (c >= u'a' && c <= u'z')
            col = col * 26 + (c - u'a' + 1);
        else
            break;
        if (col > 1'000'000)
            return 1'000'000;
    }
    return i == 0 ? -1 : col - 1;
}

// Integers as integers (a phone number stored as a number is 13812345678, not 1.3812345678E10).
QString numberText(const QString &raw)
{
    bool ok = false;
    const double v = raw.toDouble(&ok);
    if (!ok)
        return raw;
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.007199254740992e15)
        return QString::number(qint64(v));
    if (raw.contains(QLatin1Char('E')) || raw.contains(QLatin1Char('e')))
        return QString::number(v, 'g', 15);
    return raw;
}

} // namespace

QString XlsxReader::serialToDateText(double serial, bool date1904)
{
    if (!std::isfinite(serial) || serial < 0 || serial > 2958465) // beyond 9999-12-31
        return QString::number(serial, 'g', 15);
    qint64 days = qint64(std::floor(serial));
    qint64 seconds = qint64(std::llround((serial - double(days)) * 86400.0));
    if (seconds >= 86400) {
        ++days;
        seconds -= 86400;
    }
    QDate date;
    if (date1904)
        date = QDate(1904, 1, 1).addDays(days);
    else if (days == 60)
        return QStringLiteral("1900-02-29"); // Lotus 1-2-3's leap day, kept by Excel; not a real date
    else
        date = days < 60 ? QDate(1899, 12, 31).addDays(days) : QDate(1899, 12, 30).addDays(days);
    const QString time = QTime(0, 0).addSecs(int(seconds)).toString(QStringLiteral("HH:mm:ss"));
    if (days == 0 && !date1904)
        return time; // a time of day without a date
    if (seconds == 0)
        return date.toString(Qt::ISODate);
    return date.toString(Qt::ISODate) + QLatin1Char(' ') + time;
}

Result<std::unique_ptr<XlsxReader>> XlsxReader::open(const QString &path, const XlsxReadOptions &options)
{
    auto zip = ZipArchive::open(path);
    if (!zip)
        return zip.error();
    std::unique_ptr<XlsxReader> reader(new XlsxReader);
    reader->m_zip = std::move(zip).value();
    reader->m_maxColumns = options.maxColumns;
    QString sheetPath;
    if (Status st = reader->loadWorkbook(sheetPath, options); !st)
        return st.error();
    auto size = reader->m_zip->openEntry(sheetPath);
    if (!size)
        return size.error();
    reader->m_sheetPart = sheetPath;
    reader->m_entrySize = *size;
    reader->m_entryRead = 0;
    return reader;
}

XlsxReader::~XlsxReader() = default;

double XlsxReader::fraction() const
{
    return m_entrySize > 0 ? qMin(1.0, double(m_entryRead) / double(m_entrySize)) : 0.0;
}

Error XlsxReader::xmlError(const QXmlStreamReader &xml, const QString &part) const
{
    return formatError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook is damaged: %1, line %2: %3"),
                       {part, QString::number(xml.lineNumber()), xml.errorString()});
}

Status XlsxReader::loadWorkbook(QString &sheetPath, const XlsxReadOptions &options)
{
    // The package relationships name the workbook part (nearly always xl/workbook.xml).
    QString workbookPart = QStringLiteral("xl/workbook.xml");
    if (m_zip->contains(QStringLiteral("_rels/.rels"))) {
        auto rootRels = m_zip->read(QStringLiteral("_rels/.rels"), kMaxPartBytes);
        if (!rootRels)
            return rootRels.error();
        auto rels = readRelationships(*rootRels, QString());
        if (!rels)
            return rels.error();
        for (const auto &[type, target] : std::as_const(*rels))
            if (type.endsWith(QLatin1String("/officeDocument")))
                workbookPart = target;
    }
    if (!m_zip->contains(workbookPart))
        return formatError(QT_TRANSLATE_NOOP("ErrorText", "The file is a zip archive but not an XLSX workbook (it has no %1)"), {workbookPart});
    const QString baseDir = workbookPart.section(QLatin1Char('/'), 0, -2);
    const QString relsPart = baseDir + QStringLiteral("/_rels/") + workbookPart.section(QLatin1Char('/'), -1) + QStringLiteral(".rels");
    auto relsText = m_zip->read(relsPart, kMaxPartBytes);
    if (!relsText)
        return relsText.error();
    auto rels = readRelationships(*relsText, baseDir);
    if (!rels)
        return rels.error();

    auto workbook = m_zip->read(workbookPart, kMaxPartBytes);
    if (!workbook)
        return workbook.error();
    QStringList sheetRids;
    QXmlStreamReader xml(*workbook);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto a = xml.attributes();
        if (xml.name() == QLatin1String("workbookPr")) {
            const auto v = a.value(QLatin1String("date1904"));
            m_date1904 = v == QLatin1String("1") || v == QLatin1String("true");
        } else if (xml.name() == QLatin1String("sheet")) {
            m_sheetNames << a.value(QLatin1String("name")).toString();
            // r:id, whatever the namespace prefix is called
            QString rid;
            for (const QXmlStreamAttribute &attr : a)
                if (attr.name() == QLatin1String("id"))
                    rid = attr.value().toString();
            sheetRids << rid;
        }
    }
    if (xml.hasError())
        return xmlError(xml, workbookPart);
    if (m_sheetNames.isEmpty())
        return formatError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook has no worksheets"));
    if (!options.sheetName.isEmpty()) {
        m_sheet = int(m_sheetNames.indexOf(options.sheetName));
        if (m_sheet < 0)
            return Error::detailed(QStringLiteral("validation.unknown"), QStringLiteral("sheet"),
                                   QT_TRANSLATE_NOOP("ErrorText", "The workbook has no sheet \"%1\" (sheets: %2)"),
                                   {options.sheetName, m_sheetNames.join(QStringLiteral(", "))});
    } else {
        m_sheet = options.sheetIndex;
        if (m_sheet < 0 || m_sheet >= m_sheetNames.size())
            return Error::detailed(QStringLiteral("validation.range"), QStringLiteral("sheet"),
                                   QT_TRANSLATE_NOOP("ErrorText", "The workbook has %1 sheet(s); there is no sheet %2 (sheets: %3)"),
                                   {QString::number(m_sheetNames.size()), QString::number(m_sheet + 1),
                                    m_sheetNames.join(QStringLiteral(", "))});
    }
    const auto rel = rels->value(sheetRids.at(m_sheet));
    if (!rel.first.endsWith(QLatin1String("/worksheet")))
        return formatError(QT_TRANSLATE_NOOP("ErrorText", "The sheet \"%1\" is not a worksheet (a chart sheet?)"), {m_sheetNames.at(m_sheet)});
    sheetPath = rel.second;

    QString sharedPath, stylesPath;
    for (const auto &[type, target] : std::as_const(*rels)) {
        if (type.endsWith(QLatin1String("/sharedStrings")))
            sharedPath = target;
        else if (type.endsWith(QLatin1String("/styles")))
            stylesPath = target;
    }
    if (!sharedPath.isEmpty() && m_zip->contains(sharedPath))
        if (Status st = loadSharedStrings(sharedPath); !st)
            return st;
    if (!stylesPath.isEmpty() && m_zip->contains(stylesPath))
        if (Status st = loadStyles(stylesPath); !st)
            return st;
    return {};
}

Result<QXmlStreamReader::TokenType> XlsxReader::pull(QXmlStreamReader &xml)
{
    for (;;) {
        const auto token = xml.readNext();
        if (!xml.hasError())
            return token;
        if (xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
            return xmlError(xml, m_sheetPart);
        auto chunk = m_zip->readChunk();
        if (!chunk)
            return chunk.error();
        if (chunk->isEmpty())
            return formatError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook is damaged: %1 ends in the middle (line %2)"),
                               {m_sheetPart, QString::number(xml.lineNumber())});
        m_entryRead += chunk->size();
        xml.addData(*chunk);
    }
}

// The text of the current element (<v>, <t>, <si>, <is>), with rich-text runs joined and phonetic
// guides (<rPh>, furigana/pinyin above the text) left out.
Result<QString> XlsxReader::elementText(QXmlStreamReader &xml, bool skipPhonetic)
{
    QString text;
    int depth = 1;
    int phonetic = 0;
    while (depth > 0) {
        auto t = pull(xml);
        if (!t)
            return t.error();
        switch (*t) {
        case QXmlStreamReader::StartElement:
            ++depth;
            if (skipPhonetic && xml.name() == QLatin1String("rPh"))
                ++phonetic;
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            if (skipPhonetic && xml.name() == QLatin1String("rPh"))
                --phonetic;
            break;
        case QXmlStreamReader::Characters:
            if (phonetic == 0)
                text += xml.text();
            break;
        case QXmlStreamReader::EndDocument:
            return formatError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook is damaged: %1 ends in the middle"), {m_sheetPart});
        default:
            break;
        }
    }
    return text;
}

Status XlsxReader::loadSharedStrings(const QString &path)
{
    // Streamed like a sheet: the raw XML is never held whole, only the strings.
    auto size = m_zip->openEntry(path);
    if (!size)
        return size.error();
    const QString sheetPart = std::exchange(m_sheetPart, path);
    QXmlStreamReader xml;
    Status result;
    for (;;) {
        auto t = pull(xml);
        if (!t) {
            result = t.error();
            break;
        }
        if (*t == QXmlStreamReader::EndDocument)
            break;
        if (*t == QXmlStreamReader::StartElement && xml.name() == QLatin1String("si")) {
            auto text = elementText(xml, true);
            if (!text) {
                result = text.error();
                break;
            }
            m_shared.append(decodeEscapes(*text));
            if (m_shared.size() > kMaxSharedStrings) {
                result = formatError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook has too many distinct texts"));
                break;
            }
        }
    }
    m_sheetPart = sheetPart;
    if (!result)
        return result;
    return m_zip->closeEntry();
}

Status XlsxReader::loadStyles(const QString &path)
{
    auto text = m_zip->read(path, kMaxPartBytes);
    if (!text)
        return text.error();
    QHash<int, bool> customIsDate;
    QXmlStreamReader xml(*text);
    bool inCellXfs = false;
    while (!xml.atEnd()) {
        const auto t = xml.readNext();
        if (t == QXmlStreamReader::StartElement) {
            const auto a = xml.attributes();
            if (xml.name() == QLatin1String("numFmt"))
                customIsDate.insert(a.value(QLatin1String("numFmtId")).toInt(),
                                    isDateFormatCode(a.value(QLatin1String("formatCode")).toString()));
            else if (xml.name() == QLatin1String("cellXfs"))
                inCellXfs = true;
            else if (inCellXfs && xml.name() == QLatin1String("xf")) {
                const int id = a.value(QLatin1String("numFmtId")).toInt();
                m_dateStyle.append(customIsDate.contains(id) ? customIsDate.value(id) : isBuiltinDateFormat(id));
            }
        } else if (t == QXmlStreamReader::EndElement && xml.name() == QLatin1String("cellXfs")) {
            inCellXfs = false;
        }
    }
    if (xml.hasError())
        return xmlError(xml, path);
    return {};
}

QString XlsxReader::cellText(QStringView type, int style, const QString &value, const QString &inlineText, bool &ok) const
{
    ok = true;
    if (type == QLatin1String("s")) {
        bool isInt = false;
        const int index = value.toInt(&isInt);
        if (!isInt || index < 0 || index >= m_shared.size()) {
            ok = false;
            return {};
        }
        return m_shared.at(index);
    }
    if (type == QLatin1String("inlineStr"))
        return inlineText;
    if (type == QLatin1String("b"))
        return value.trimmed() == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    if (type == QLatin1String("str") || type == QLatin1String("e"))
        return value;
    if (type == QLatin1String("d")) // ISO 8601 date cell (rare; Excel 2010+ strict)
        return value.endsWith(QLatin1String("T00:00:00")) ? value.left(10) : value;
    if (value.isEmpty())
        return {};
    if (style >= 0 && style < m_dateStyle.size() && m_dateStyle.at(style)) {
        bool isNumber = false;
        const double serial = value.toDouble(&isNumber);
        if (isNumber)
            return serialToDateText(serial, m_date1904);
    }
    return numberText(value);
}

Result<bool> XlsxReader::next(QStringList &cells)
{
    cells.clear();
    if (m_done)
        return false;
    // Find the next <row>.
    for (;;) {
        auto t = pull(m_xml);
        if (!t)
            return t.error();
        if (*t == QXmlStreamReader::EndDocument ||
            (*t == QXmlStreamReader::EndElement && m_xml.name() == QLatin1String("sheetData"))) {
            m_done = true;
            if (Status st = m_zip->closeEntry(); !st)
                return st.error();
            return false;
        }
        if (*t == QXmlStreamReader::StartElement && m_xml.name() == QLatin1String("row"))
            break;
    }
    const qint64 declared = m_xml.attributes().value(QLatin1String("r")).toLongLong();
    m_row = declared > 0 ? declared : m_row + 1;
    int column = -1;
    for (;;) {
        auto t = pull(m_xml);
        if (!t)
            return t.error();
        if (*t == QXmlStreamReader::EndElement && m_xml.name() == QLatin1String("row"))
            return true;
        if (*t == QXmlStreamReader::EndDocument)
            return formatError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook is damaged: row %1 is not closed"), {QString::number(m_row)});
        if (*t != QXmlStreamReader::StartElement || m_xml.name() != QLatin1String("c"))
            continue;
        const auto a = m_xml.attributes();
        const int declaredColumn = columnOf(a.value(QLatin1String("r")));
        column = declaredColumn >= 0 ? declaredColumn : column + 1;
        if (column >= m_maxColumns)
            return formatError(QT_TRANSLATE_NOOP("ErrorText", "Row %1: more than %2 columns; is this a table?"),
                               {QString::number(m_row), QString::number(m_maxColumns)});
        const QString type = a.value(QLatin1String("t")).toString();
        bool styled = false;
        const int style = a.value(QLatin1String("s")).toInt(&styled);
        QString value, inlineText;
        for (;;) {
            auto ct = pull(m_xml);
            if (!ct)
                return ct.error();
            if (*ct == QXmlStreamReader::EndElement && m_xml.name() == QLatin1String("c"))
                break;
            if (*ct == QXmlStreamReader::EndDocument)
                return formatError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook is damaged: row %1 is not closed"), {QString::number(m_row)});
            if (*ct != QXmlStreamReader::StartElement)
                continue;
            if (m_xml.name() == QLatin1String("v")) {
                auto v = elementText(m_xml, false);
                if (!v)
                    return v.error();
                value = *v;
            } else if (m_xml.name() == QLatin1String("is")) {
                auto v = elementText(m_xml, true);
                if (!v)
                    return v.error();
                inlineText = decodeEscapes(*v);
            } else if (m_xml.name() == QLatin1String("f")) {
                auto f = elementText(m_xml, false); // the formula; its cached result is in <v>
                if (!f)
                    return f.error();
            }
        }
        bool ok = true;
        const QString text = cellText(type, styled ? style : -1, value, inlineText, ok);
        if (!ok)
            return formatError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook is damaged: a cell of row %1 refers to a missing shared text"),
                               {QString::number(m_row)});
        while (cells.size() < column)
            cells.append(QString());
        if (column < cells.size())
            cells[column] = text;
        else
            cells.append(text);
    }
}

} // namespace crm
