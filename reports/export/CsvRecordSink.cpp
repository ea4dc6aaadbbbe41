#include "reports/export/CsvRecordSink.h"

#include "core/domain/Money.h"

namespace crm {

namespace {
Error openError(const QSaveFile &file)
{
    return Error::writeFailed(QStringLiteral("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
}
} // namespace

CsvRecordSink::CsvRecordSink(const QString &path, bool chineseHeaders) : m_file(path), m_chinese(chineseHeaders) {}

Status CsvRecordSink::begin(const QVector<ExportColumn> &columns)
{
    if (!m_file.open(QIODevice::WriteOnly))
        return openError(m_file);
    m_writer.emplace(&m_file);
    for (const ExportColumn &c : columns)
        m_writer->addText(m_chinese ? c.chinese : c.english);
    return endRow();
}

void CsvRecordSink::money(qint64 minorUnits)
{
    m_writer->addNumber(Money::formatMinor(minorUnits));
}

void CsvRecordSink::date(const QDate &value)
{
    m_writer->addText(value.isValid() ? value.toString(Qt::ISODate) : QString());
}

void CsvRecordSink::dateTime(qint64 utcMs)
{
    m_writer->addText(utcMs > 0 ? m_localTime.text(utcMs) : QString());
}

void CsvRecordSink::list(const QStringList &values)
{
    m_writer->addText(values.join(QStringLiteral(", ")));
}

Status CsvRecordSink::endRow()
{
    m_writer->endRow();
    // Check the device now and then rather than per row: a full disk shows up within 64 KiB.
    if (++m_rows % 4096 == 0)
        return m_writer->flush();
    return {};
}

Status CsvRecordSink::finish()
{
    if (Status st = m_writer->flush(); !st) {
        m_file.cancelWriting();
        return st;
    }
    if (!m_file.commit())
        return openError(m_file);
    return {};
}

void CsvRecordSink::abandon()
{
    m_file.cancelWriting();
    m_file.commit(); // with writing cancelled, commit only discards the temporary file
}

} // namespace crm
