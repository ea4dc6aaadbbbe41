#include "reports/export/XlsxRecordSink.h"

namespace crm {

Status XlsxRecordSink::begin(const QVector<ExportColumn> &columns)
{
    QVector<XlsxColumn> xlsx;
    for (const ExportColumn &c : columns)
        xlsx.append({m_chinese ? c.chinese : c.english, c.type, c.width});
    const QString sheet = !m_sheetName.isEmpty() ? m_sheetName : m_chinese ? QStringLiteral("客户") : QStringLiteral("Customers");
    auto writer = XlsxTableWriter::create(m_path, sheet, xlsx);
    if (!writer)
        return writer.error();
    m_writer = std::move(writer).value();
    return {};
}

} // namespace crm
