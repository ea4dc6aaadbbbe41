#include "reports/csv/CsvWriter.h"

#include <QStringEncoder>

namespace crm {

namespace {
constexpr qsizetype kFlushAt = 64 * 1024;

// Only these cannot be a formula; "-2+3" can, so anything beyond digits and one point is text.
bool isPlainNumber(QStringView s)
{
    qsizetype i = 0;
    if (i < s.size() && (s[i] == QLatin1Char('+') || s[i] == QLatin1Char('-')))
        ++i;
    qsizetype digits = 0;
    bool point = false;
    for (; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c >= u'0' && c <= u'9')
            ++digits;
        else if (c == u'.' && !point)
            point = true;
        else
            return false;
    }
    return digits > 0;
}
} // namespace

CsvWriter::CsvWriter(QIODevice *device, CsvWriteOptions options) : m_device(device), m_options(options)
{
    m_buffer.reserve(kFlushAt + 4096);
    if (m_options.bom)
        m_buffer.append("\xEF\xBB\xBF");
}

CsvWriter::~CsvWriter()
{
    (void)flush();
}

void CsvWriter::appendUtf8(QByteArray &out, QStringView text)
{
    QStringEncoder encoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const qsizetype old = out.size();
    out.resize(old + encoder.requiredSpace(text.size()));
    char *end = encoder.appendToBuffer(out.data() + old, text);
    out.resize(end - out.constData());
}

bool CsvWriter::needsFormulaGuard(QStringView text)
{
    if (text.isEmpty())
        return false;
    const QChar c = text.front();
    const bool risky = c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@') ||
                       c == QLatin1Char('\t') || c == QLatin1Char('\r');
    return risky && !isPlainNumber(text);
}

void CsvWriter::addRaw(QStringView text, bool guard)
{
    if (m_rowStarted)
        m_buffer.append(char(m_options.delimiter.unicode()));
    m_rowStarted = true;
    const bool prefix = guard && m_options.formulaGuard && needsFormulaGuard(text);
    bool quote = false;
    for (QChar c : text) {
        if (c == m_options.delimiter || c == QLatin1Char('"') || c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            quote = true;
            break;
        }
    }
    if (!quote) {
        if (prefix)
            m_buffer.append('\'');
        appendUtf8(m_buffer, text);
        return;
    }
    m_buffer.append('"');
    if (prefix)
        m_buffer.append('\'');
    // Quotes doubled: the text between quotes as it is, each quote twice.
    qsizetype from = 0;
    for (qsizetype q = text.indexOf(QLatin1Char('"')); q >= 0; q = text.indexOf(QLatin1Char('"'), from)) {
        appendUtf8(m_buffer, text.mid(from, q + 1 - from));
        m_buffer.append('"');
        from = q + 1;
    }
    appendUtf8(m_buffer, text.mid(from));
    m_buffer.append('"');
}

void CsvWriter::addText(QStringView text)
{
    addRaw(text, true);
}

void CsvWriter::addNumber(QStringView number)
{
    addRaw(number, false);
}

void CsvWriter::endRow()
{
    m_buffer.append("\r\n");
    m_rowStarted = false;
    if (m_buffer.size() >= kFlushAt)
        (void)flush();
}

void CsvWriter::writeRow(const QStringList &cells)
{
    for (const QString &c : cells)
        addText(c);
    endRow();
}

Status CsvWriter::flush()
{
    if (!m_buffer.isEmpty() && !m_failed) {
        if (m_device->write(m_buffer) != m_buffer.size())
            m_failed = true;
    }
    m_buffer.clear();
    if (m_failed)
        return Error::writeFailed(QStringLiteral("Cannot write the file: ") + m_device->errorString());
    return {};
}

} // namespace crm
