#pragma once

#include "core/Result.h"
#include "reports/export/ExportColumn.h"

#include <QDate>
#include <QStringList>

#include <memory>

namespace crm {

enum class ExportFormat { Csv, Xlsx, Json };

// Where exported records go, one typed value at a time in column order, so the export loop is the
// same for every file type. Each sink writes to a temporary file that finish() moves into place
// and abandon() removes: a failed or cancelled export leaves nothing behind.
class RecordSink
{
public:
    virtual ~RecordSink() = default;
    virtual Status begin(const QVector<ExportColumn> &columns) = 0;
    virtual void text(QStringView value) = 0;
    virtual void integer(qint64 value) = 0;
    virtual void money(qint64 minorUnits) = 0;
    virtual void date(const QDate &value) = 0; // invalid: empty
    virtual void dateTime(qint64 utcMs) = 0; // 0: empty
    virtual void list(const QStringList &values) = 0; // one cell "a, b" in tables, an array in JSON
    virtual Status endRow() = 0;
    virtual Status finish() = 0;
    virtual void abandon() = 0;

    // `sheetName`: the XLSX worksheet's name (empty: Customers / 客户).
    static std::unique_ptr<RecordSink> create(ExportFormat format, const QString &path, bool chineseHeaders,
                                              const QString &sheetName = {});
};

} // namespace crm
