#include "reports/export/XlsxRecordSink.h"

namespace crm {

Status XlsxRecordSink::begin(const QVector<CustomerColumn> &columns)
{
    QVector<XlsxColumn> xlsx;
    for (const CustomerColumn &c : columns)
        xlsx.append({m_chinese ? c.chinese : c.english, c.type, c.width});
    auto writer = XlsxTableWriter::create(m_path, m_chinese ? QStringLiteral("客户") : QStringLiteral("Customers"), xlsx);
    if (!writer)
        return writer.error();
    m_writer = std::move(writer).value();
    return {};
}

} // namespace crm
