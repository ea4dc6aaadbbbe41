#include "httpapi/json/JsonWriter.h"

#include "httpapi/json/Json.h"

#include <cmath>

namespace crm::json {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.isEmpty()) {
        if (!m_first.last())
            m_out += ',';
        m_first.last() = false;
    }
}

JsonWriter &JsonWriter::open(char c)
{
    separate();
    m_out += c;
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::close(char c)
{
    m_first.removeLast();
    m_out += c;
    return *this;
}

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    m_out += '"';
    m_out += name;
    m_out += "\":";
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    const QByteArray utf8 = text.toUtf8();
    m_out += '"';
    // Runs that need no escape (nearly all text) are appended whole, not byte by byte.
    const char *run = utf8.constData();
    const char *const end = run + utf8.size();
    for (const char *p = run; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c != '"' && c != '\\' && c >= 0x20)
            continue;
        m_out.append(run, p - run);
        run = p + 1;
        if (c == '"' || c == '\\') {
            m_out += '\\';
            m_out += char(c);
        } else {
            static const char hex[] = "0123456789abcdef";
            m_out += "\\u00";
            m_out += hex[c >> 4];
            m_out += hex[c & 15];
        }
    }
    m_out.append(run, end - run);
    m_out += '"';
    return *this;
}

JsonWriter &JsonWriter::value(const char *ascii)
{
    return value(QString::fromLatin1(ascii));
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out += QByteArray::number(number);
    return *this;
}

JsonWriter &JsonWriter::value(double number)
{
    separate();
    if (!std::isfinite(number))
        m_out += "null";
    else
        m_out += QByteArray::number(number, 'g', 17).replace("e+", "e");
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out += "null";
    return *this;
}

JsonWriter &JsonWriter::strings(const QStringList &list)
{
    beginArray();
    for (const QString &s : list)
        value(s);
    return endArray();
}

JsonWriter &JsonWriter::money(qint64 minor)
{
    // Money::formatMinor's text, without building a QString per amount.
    separate();
    const quint64 abs = minor < 0 ? quint64(0) - quint64(minor) : quint64(minor); // INT64_MIN too
    if (minor < 0)
        m_out += '-';
    m_out += QByteArray::number(abs / 100);
    const auto cents = unsigned(abs % 100);
    const char tail[3] = {'.', char('0' + cents / 10), char('0' + cents % 10)};
    m_out.append(tail, 3);
    return *this;
}

JsonWriter &JsonWriter::time(qint64 ms)
{
    separate();
    m_out += '"';
    m_out += isoTime(ms);
    m_out += '"';
    return *this;
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out += json;
    return *this;
}

void writeTime(JsonWriter &out, const char *name, const std::optional<qint64> &ms)
{
    out.key(name);
    if (!ms || *ms == 0)
        out.null();
    else
        out.time(*ms);
}

void writeId(JsonWriter &out, const char *name, const std::optional<qint64> &id)
{
    out.key(name);
    if (id)
        out.value(*id);
    else
        out.null();
}

} // namespace crm::json
