#include "reports/table/TableFile.h"

#include "reports/csv/CsvReader.h"
#include "reports/table/JsonRowSource.h"
#include "reports/xlsx/XlsxReader.h"

#include <QFile>

namespace crm {

namespace {

// A CSV reader that owns its file.
class CsvFileSource final : public RowSource
{
public:
    CsvFileSource(std::unique_ptr<QFile> file, CsvReadOptions options)
        : m_file(std::move(file)), m_reader(m_file.get(), options)
    {
    }
    Result<bool> next(QStringList &cells) override { return m_reader.next(cells); }
    qint64 rowNumber() const override { return m_reader.rowNumber(); }
    double fraction() const override { return m_reader.fraction(); }

private:
    std::unique_ptr<QFile> m_file;
    CsvReader m_reader;
};

bool startsLikeJsonArray(QByteArray head)
{
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    head = head.trimmed();
    // "[{" (or "[" then white space then "{"); a CSV cell could start with "[" but hardly with "[{".
    return head.startsWith('[') && head.mid(1).trimmed().startsWith('{');
}

} // namespace

Result<std::unique_ptr<RowSource>> TableFile::open(const QString &path, const TableFileOptions &options)
{
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return Error::cannotOpen(path, file->errorString());
    const QByteArray magic = file->peek(8);
    if (magic.startsWith("PK\x03\x04") || path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)) {
        file.reset();
        XlsxReadOptions xo;
        xo.sheetIndex = options.sheetIndex;
        xo.sheetName = options.sheetName;
        auto reader = XlsxReader::open(path, xo);
        if (!reader)
            return reader.error();
        return std::unique_ptr<RowSource>(std::move(reader).value());
    }
    // JSON: by extension, or text whose first character (after a BOM and white space) opens an array.
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) || startsLikeJsonArray(file->peek(4096))) {
        file.reset();
        auto reader = JsonRowSource::open(path);
        if (!reader)
            return reader.error();
        return std::unique_ptr<RowSource>(std::move(reader).value());
    }
    if (magic.startsWith("\xD0\xCF\x11\xE0"))
        return Error::detailed(QStringLiteral("validation.format"), QStringLiteral("file"),
                               QT_TRANSLATE_NOOP("ErrorText", "This is an old binary Excel workbook (.xls); save it as .xlsx or CSV and import that"),
                               {});
    CsvReadOptions co;
    co.encoding = options.encoding;
    return std::unique_ptr<RowSource>(std::make_unique<CsvFileSource>(std::move(file), co));
}

} // namespace crm
