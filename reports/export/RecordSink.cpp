#include "reports/export/RecordSink.h"

#include "reports/export/CsvRecordSink.h"
#include "reports/export/JsonRecordSink.h"
#include "reports/export/XlsxRecordSink.h"

namespace crm {

std::unique_ptr<RecordSink> RecordSink::create(ExportFormat format, const QString &path, bool chineseHeaders,
                                               const QString &sheetName)
{
    switch (format) {
    case ExportFormat::Csv: return std::make_unique<CsvRecordSink>(path, chineseHeaders);
    case ExportFormat::Xlsx: return std::make_unique<XlsxRecordSink>(path, chineseHeaders, sheetName);
    case ExportFormat::Json: return std::make_unique<JsonRecordSink>(path);
    }
    return nullptr;
}

} // namespace crm
