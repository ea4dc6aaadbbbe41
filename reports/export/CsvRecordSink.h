#pragma once

#include "reports/csv/CsvWriter.h"
#include "reports/export/LocalTime.h"
#include "reports/export/RecordSink.h"

#include <QSaveFile>

#include <optional>

namespace crm {

// CSV for Excel: UTF-8 with BOM, RFC 4180, formula guard on text; times in local time.
class CsvRecordSink final : public RecordSink
{
public:
    CsvRecordSink(const QString &path, bool chineseHeaders);

    Status begin(const QVector<ExportColumn> &columns) override;
    void text(QStringView value) override { m_writer->addText(value); }
    void integer(qint64 value) override { m_writer->addNumber(QString::number(value)); }
    void money(qint64 minorUnits) override;
    void date(const QDate &value) override;
    void dateTime(qint64 utcMs) override;
    void list(const QStringList &values) override;
    Status endRow() override;
    Status finish() override;
    void abandon() override;

private:
    QSaveFile m_file;
    bool m_chinese;
    std::optional<CsvWriter> m_writer;
    LocalTime m_localTime;
    qint64 m_rows = 0;
};

} // namespace crm
