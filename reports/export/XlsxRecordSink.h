#pragma once

#include "reports/export/RecordSink.h"
#include "reports/xlsx/XlsxTableWriter.h"

namespace crm {

// XLSX through XlsxTableWriter (constant memory, typed cells, frozen header, auto filter).
class XlsxRecordSink final : public RecordSink
{
public:
    XlsxRecordSink(const QString &path, bool chineseHeaders, const QString &sheetName = {})
        : m_path(path), m_chinese(chineseHeaders), m_sheetName(sheetName)
    {
    }

    Status begin(const QVector<ExportColumn> &columns) override;
    void text(QStringView value) override { m_writer->addText(value); }
    void integer(qint64 value) override { m_writer->addInteger(value); }
    void money(qint64 minorUnits) override { m_writer->addMoney(minorUnits); }
    void date(const QDate &value) override { m_writer->addDate(value); }
    void dateTime(qint64 utcMs) override { m_writer->addDateTime(utcMs); }
    void list(const QStringList &values) override { m_writer->addText(values.join(QStringLiteral(", "))); }
    Status endRow() override { return m_writer->endRow(); }
    Status finish() override { return m_writer->finish(); }
    void abandon() override
    {
        if (m_writer)
            m_writer->abandon();
    }

private:
    QString m_path;
    bool m_chinese;
    QString m_sheetName;
    std::unique_ptr<XlsxTableWriter> m_writer;
};

} // namespace crm
