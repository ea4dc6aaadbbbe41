#include "reports/export/JsonRecordSink.h"

#include "core/domain/Money.h"
#include "reports/csv/CsvWriter.h"

#include <QDateTime>

namespace crm {

namespace {
constexpr qsizetype kFlushAt = 64 * 1024;
}

void JsonRecordSink::appendString(QByteArray &out, QStringView text)
{
    out += '"';
    qsizetype plainFrom = 0;
    auto flushPlain = [&](qsizetype to) {
        if (to > plainFrom)
            CsvWriter::appendUtf8(out, text.mid(plainFrom, to - plainFrom));
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        flushPlain(i);
        plainFrom = i + 1;
        switch (c) {
        case u'"': out += "\\\""; break;
        case u'\\': out += "\\\\"; break;
        case u'\n': out += "\\n"; break;
        case u'\r': out += "\\r"; break;
        case u'\t': out += "\\t"; break;
        default: out += "\\u00" + QByteArray::number(int(c), 16).rightJustified(2, '0'); break;
        }
    }
    flushPlain(text.size());
    out += '"';
}

Status JsonRecordSink::begin(const QVector<ExportColumn> &columns)
{
    if (!m_file.open(QIODevice::WriteOnly))
        return Error::writeFailed(QStringLiteral("Cannot write %1: %2").arg(m_file.fileName(), m_file.errorString()));
    for (const ExportColumn &c : columns) {
        QByteArray k;
        appendString(k, c.key);
        m_keys.append(k + ':');
    }
    m_buffer = "[";
    return {};
}

void JsonRecordSink::key()
{
    if (m_column == 0)
        m_buffer += m_rows == 0 ? "\n{" : ",\n{";
    else
        m_buffer += ',';
    m_buffer += m_keys.value(m_column++);
}

void JsonRecordSink::text(QStringView value)
{
    key();
    appendString(m_buffer, value);
}

void JsonRecordSink::integer(qint64 value)
{
    key();
    m_buffer += QByteArray::number(value);
}

void JsonRecordSink::money(qint64 minorUnits)
{
    key();
    m_buffer += Money::formatMinor(minorUnits).toLatin1();
}

void JsonRecordSink::date(const QDate &value)
{
    key();
    if (value.isValid())
        appendString(m_buffer, value.toString(Qt::ISODate));
    else
        m_buffer += "null";
}

void JsonRecordSink::dateTime(qint64 utcMs)
{
    key();
    if (utcMs > 0)
        appendString(m_buffer, QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC).toString(Qt::ISODateWithMs));
    else
        m_buffer += "null";
}

void JsonRecordSink::list(const QStringList &values)
{
    key();
    m_buffer += '[';
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i)
            m_buffer += ',';
        appendString(m_buffer, values[i]);
    }
    m_buffer += ']';
}

Status JsonRecordSink::flush()
{
    if (!m_failed && !m_buffer.isEmpty() && m_file.write(m_buffer) != m_buffer.size())
        m_failed = true;
    m_buffer.clear();
    if (m_failed)
        return Error::writeFailed(QStringLiteral("Cannot write the file: ") + m_file.errorString());
    return {};
}

Status JsonRecordSink::endRow()
{
    m_buffer += '}';
    m_column = 0;
    ++m_rows;
    if (m_buffer.size() >= kFlushAt)
        return flush();
    return {};
}

Status JsonRecordSink::finish()
{
    m_buffer += m_rows ? "\n]\n" : "]\n";
    if (Status st = flush(); !st) {
        abandon();
        return st;
    }
    if (!m_file.commit())
        return Error::writeFailed(QStringLiteral("Cannot write the file: ") + m_file.errorString());
    return {};
}

void JsonRecordSink::abandon()
{
    m_file.cancelWriting();
    m_file.commit();
}

} // namespace crm
