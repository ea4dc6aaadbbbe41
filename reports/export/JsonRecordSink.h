#pragma once

#include "reports/export/RecordSink.h"

#include <QSaveFile>

namespace crm {

// A JSON array of objects keyed like the API's customer rows (id, name, ..., tags as an array,
// times as UTC ISO 8601, money as an exact decimal number), streamed without building a document.
class JsonRecordSink final : public RecordSink
{
public:
    explicit JsonRecordSink(const QString &path) : m_file(path) {}

    Status begin(const QVector<ExportColumn> &columns) override;
    void text(QStringView value) override;
    void integer(qint64 value) override;
    void money(qint64 minorUnits) override;
    void date(const QDate &value) override;
    void dateTime(qint64 utcMs) override;
    void list(const QStringList &values) override;
    Status endRow() override;
    Status finish() override;
    void abandon() override;

    static void appendString(QByteArray &out, QStringView text);

private:
    void key();
    Status flush();

    QSaveFile m_file;
    QVector<QByteArray> m_keys; // "\"name\":" per column
    QByteArray m_buffer;
    int m_column = 0;
    qint64 m_rows = 0;
    bool m_failed = false;
};

} // namespace crm
