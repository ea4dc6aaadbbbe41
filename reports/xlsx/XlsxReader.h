#pragma once

#include "reports/table/RowSource.h"

#include <QStringList>
#include <QVector>
#include <QXmlStreamReader>

#include <memory>

namespace crm {

class ZipArchive;

struct XlsxReadOptions
{
    int sheetIndex = 0; // 0-based position in the workbook, used when sheetName is empty
    QString sheetName;
    int maxColumns = 1000;
};

// Reads one worksheet of an XLSX workbook row by row: the archive through minizip, the XML through
// QXmlStreamReader fed in 64 KiB chunks (the sheet is never in memory as a whole; shared strings are,
// as Excel needs them for every row). Cells come out as text: shared and inline strings, numbers as
// their decimal text (13812345678, not 1.38E+10), dates in the 1900 (or 1904) date system as
// YYYY-MM-DD (with HH:MM:SS when there is a time), booleans as TRUE/FALSE, empty cells as "".
// Excel's _xHHHH_ escapes in strings are decoded.
class XlsxReader final : public RowSource
{
public:
    static Result<std::unique_ptr<XlsxReader>> open(const QString &path, const XlsxReadOptions &options = {});
    ~XlsxReader() override;

    QStringList sheetNames() const { return m_sheetNames; }
    QString sheetName() const { return m_sheetNames.value(m_sheet); }

    Result<bool> next(QStringList &cells) override;
    qint64 rowNumber() const override { return m_row; }
    double fraction() const override;

    // Exposed for tests: the text of a cell value as described above.
    static QString serialToDateText(double serial, bool date1904);

private:
    XlsxReader() = default;
    Status loadWorkbook(QString &sheetPath, const XlsxReadOptions &options);
    Status loadSharedStrings(const QString &path);
    Status loadStyles(const QString &path);
    // Next token of the open entry, feeding the parser from the archive as it runs dry.
    Result<QXmlStreamReader::TokenType> pull(QXmlStreamReader &xml);
    Result<QString> elementText(QXmlStreamReader &xml, bool skipPhonetic);
    Error xmlError(const QXmlStreamReader &xml, const QString &part) const;
    QString cellText(QStringView type, int style, const QString &value, const QString &inlineText, bool &ok) const;

    std::unique_ptr<ZipArchive> m_zip;
    QStringList m_sheetNames;
    int m_sheet = 0;
    QString m_sheetPart;
    bool m_date1904 = false;
    QStringList m_shared;
    QVector<bool> m_dateStyle; // per cellXfs index
    QXmlStreamReader m_xml;
    int m_maxColumns = 1000;
    qint64 m_row = 0;
    qint64 m_entrySize = 0, m_entryRead = 0;
    bool m_done = false;
};

} // namespace crm
