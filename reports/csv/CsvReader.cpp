#include "reports/csv/CsvReader.h"

namespace crm {

namespace {
constexpr qint64 kChunk = 64 * 1024;
// How far to look for the end of the header when guessing the delimiter.
constexpr qsizetype kSniffChars = 1 << 20;
const QString kFormat = QStringLiteral("validation.format");
} // namespace

CsvReader::CsvReader(QIODevice *device, CsvReadOptions options)
    : m_device(device), m_options(options), m_encoding(options.encoding), m_delimiter(options.delimiter)
{
    m_size = device->isSequential() ? 0 : device->size();
    if (m_encoding != TextEncoding::Auto)
        m_decoder = std::make_unique<QStringDecoder>(Encoding::codecName(m_encoding));
}

CsvReader::~CsvReader() = default;

double CsvReader::fraction() const
{
    return m_size > 0 ? qMin(1.0, double(m_bytesRead) / double(m_size)) : 0.0;
}

Error CsvReader::rowError(const QString &code, const char *pattern, QStringList args) const
{
    args.prepend(QString::number(m_row + 1));
    return Error::detailed(code, QStringLiteral("file"), pattern, args);
}

void CsvReader::decodeChunk(const QByteArray &raw)
{
    if (m_encoding == TextEncoding::Auto) {
        // ASCII reads the same in every candidate: decide at the first byte that is not ASCII.
        if (Encoding::isAscii(raw)) {
            m_text += QString::fromLatin1(raw);
            return;
        }
        m_encoding = Encoding::isValidUtf8Prefix(raw) ? TextEncoding::Utf8 : TextEncoding::Gb18030;
        m_decoder = std::make_unique<QStringDecoder>(Encoding::codecName(m_encoding));
    }
    const QString text = m_decoder->decode(raw);
    if (!m_decoder->hasError()) {
        m_text += text;
        return;
    }
    // Keep the rows before the bad bytes; the error is reported when the parser reaches them.
    const qsizetype bad = text.indexOf(QChar(QChar::ReplacementCharacter));
    m_text += QStringView(text).left(bad < 0 ? text.size() : bad);
    if (m_encoding == TextEncoding::Utf8) {
        m_pendingPattern = QT_TRANSLATE_NOOP("ErrorText", "Row %1: the text is not valid UTF-8. If the file was saved by Excel "
                                                          "on Chinese Windows, choose the GB18030 encoding (--encoding gb18030).");
    } else {
        m_pendingPattern = QT_TRANSLATE_NOOP("ErrorText", "Row %1: the text is not valid %2; choose the file's encoding "
                                                          "(for example --encoding utf-8).");
        m_pendingArgs = {Encoding::name(m_encoding).toUpper()};
    }
    m_eof = true;
}

Result<bool> CsvReader::fill()
{
    if (m_eof) {
        if (m_pendingPattern)
            return rowError(QStringLiteral("validation.encoding"), m_pendingPattern, m_pendingArgs);
        return false;
    }
    if (m_pos > 0) {
        m_text.remove(0, m_pos);
        m_pos = 0;
    }
    QByteArray raw = m_device->read(kChunk);
    if (raw.isEmpty()) {
        if (!m_device->isSequential() && !m_device->atEnd())
            return Error::detailed(QStringLiteral("io.read"), QStringLiteral("file"), QT_TRANSLATE_NOOP("ErrorText", "Cannot read the file: %1"),
                                       {m_device->errorString()});
        m_eof = true;
        return false;
    }
    m_bytesRead += raw.size();
    if (!m_started) {
        m_started = true;
        // A byte order mark names the encoding; it wins over detection but not over an explicit choice.
        if (raw.startsWith("\xEF\xBB\xBF")) {
            if (m_encoding == TextEncoding::Auto || m_encoding == TextEncoding::Utf8) {
                raw.remove(0, 3);
                m_encoding = TextEncoding::Utf8;
                m_decoder = std::make_unique<QStringDecoder>(Encoding::codecName(m_encoding));
            }
        } else if (m_encoding == TextEncoding::Auto && (raw.startsWith("\xFF\xFE") || raw.startsWith("\xFE\xFF"))) {
            m_encoding = raw.startsWith("\xFF\xFE") ? TextEncoding::Utf16LE : TextEncoding::Utf16BE;
            raw.remove(0, 2);
            m_decoder = std::make_unique<QStringDecoder>(Encoding::codecName(m_encoding));
        }
    }
    decodeChunk(raw);
    return true;
}

void CsvReader::detectDelimiter()
{
    // Read until the header's end (outside quotes) is in the buffer, then count the candidates in it.
    for (;;) {
        bool quoted = false;
        int commas = 0, semicolons = 0, tabs = 0;
        bool complete = false;
        for (qsizetype i = m_pos; i < m_text.size(); ++i) {
            const QChar c = m_text.at(i);
            if (c == QLatin1Char('"'))
                quoted = !quoted;
            else if (quoted)
                continue;
            else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                complete = true;
                break;
            } else if (c == QLatin1Char(','))
                ++commas;
            else if (c == QLatin1Char(';'))
                ++semicolons;
            else if (c == QLatin1Char('\t'))
                ++tabs;
        }
        if (complete || m_eof || m_text.size() - m_pos > kSniffChars) {
            m_delimiter = QLatin1Char(',');
            if (semicolons > commas && semicolons >= tabs)
                m_delimiter = QLatin1Char(';');
            else if (tabs > commas && tabs > semicolons)
                m_delimiter = QLatin1Char('\t');
            return;
        }
        auto more = fill();
        if (!more || !*more) {
            // The error, if any, is reported by next(); decide on what there is.
            m_eof = true;
            continue;
        }
    }
}

Status CsvReader::endField(QStringList &cells)
{
    cells.append(m_field);
    m_field.clear();
    if (cells.size() > m_options.maxColumns)
        return rowError(kFormat, QT_TRANSLATE_NOOP("ErrorText", "Row %1: more than %2 columns; is this a table file?"),
                        {QString::number(m_options.maxColumns)});
    return {};
}

Result<bool> CsvReader::next(QStringList &cells)
{
    cells.clear();
    if (m_delimiter.isNull())
        detectDelimiter();
    const QChar delimiter = m_delimiter;
    State state = State::FieldStart;
    bool content = false; // anything but the line break seen in this row (blank lines are skipped)
    m_field.clear();
    for (;;) {
        if (m_pos >= m_text.size()) {
            auto more = fill();
            if (!more)
                return more.error();
            if (*more)
                continue;
            // End of the input.
            if (state == State::Quoted)
                return rowError(kFormat, QT_TRANSLATE_NOOP("ErrorText", "Row %1: a quoted field is not closed (a \" is missing)"));
            if (!content)
                return false;
            if (Status st = endField(cells); !st)
                return st.error();
            ++m_row;
            return true;
        }
        if (m_skipLf) {
            m_skipLf = false;
            if (m_text.at(m_pos) == QLatin1Char('\n')) {
                ++m_pos;
                continue;
            }
        }
        const QChar *data = m_text.constData();
        const qsizetype n = m_text.size();
        switch (state) {
        case State::FieldStart:
            if (data[m_pos] == QLatin1Char('"')) {
                state = State::Quoted;
                content = true;
                ++m_pos;
            } else {
                state = State::Unquoted;
            }
            break;
        case State::Unquoted: {
            qsizetype i = m_pos;
            while (i < n && data[i] != delimiter && data[i] != QLatin1Char('\n') && data[i] != QLatin1Char('\r'))
                ++i;
            if (i > m_pos) {
                content = true;
                m_field.append(QStringView(data + m_pos, i - m_pos));
                if (m_field.size() > m_options.maxFieldChars)
                    return rowError(kFormat, QT_TRANSLATE_NOOP("ErrorText", "Row %1: a field is longer than %2 characters"),
                                    {QString::number(m_options.maxFieldChars)});
            }
            m_pos = i;
            if (i == n)
                break; // more text needed
            const QChar c = data[i];
            ++m_pos;
            if (c == delimiter) {
                content = true;
                if (Status st = endField(cells); !st)
                    return st.error();
                state = State::FieldStart;
                break;
            }
            if (c == QLatin1Char('\r'))
                m_skipLf = true;
            if (!content && cells.isEmpty()) { // a blank line
                ++m_row;
                state = State::FieldStart;
                break;
            }
            if (Status st = endField(cells); !st)
                return st.error();
            ++m_row;
            return true;
        }
        case State::Quoted: {
            const qsizetype quote = m_text.indexOf(QLatin1Char('"'), m_pos);
            const qsizetype end = quote < 0 ? n : quote;
            m_field.append(QStringView(data + m_pos, end - m_pos));
            if (m_field.size() > m_options.maxFieldChars)
                return rowError(kFormat,
                                QT_TRANSLATE_NOOP("ErrorText", "Row %1: a quoted field is longer than %2 characters (is a closing \" missing?)"),
                                {QString::number(m_options.maxFieldChars)});
            m_pos = quote < 0 ? n : quote + 1;
            if (quote >= 0)
                state = State::QuoteInQuoted;
            break;
        }
        case State::QuoteInQuoted: {
            const QChar c = data[m_pos];
            if (c == QLatin1Char('"')) { // a doubled quote is one quote
                m_field.append(c);
                ++m_pos;
                state = State::Quoted;
            } else if (c == delimiter) {
                ++m_pos;
                if (Status st = endField(cells); !st)
                    return st.error();
                state = State::FieldStart;
            } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
                ++m_pos;
                if (c == QLatin1Char('\r'))
                    m_skipLf = true;
                if (Status st = endField(cells); !st)
                    return st.error();
                ++m_row;
                return true;
            } else {
                state = State::Unquoted; // "abc"def: keep the rest as Excel does
            }
            break;
        }
        }
    }
}

} // namespace crm
