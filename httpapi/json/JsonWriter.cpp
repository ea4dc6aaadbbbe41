#include "httpapi/json/JsonWriter.h"

#include "core/domain/Money.h"
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
    m_out.reserve(m_out.size() + utf8.size() + 2);
    m_out += '"';
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            m_out += '\\';
            m_out += char(c);
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            m_out += "\\u00";
            m_out += hex[c >> 4];
            m_out += hex[c & 15];
        } else {
            m_out += char(c);
        }
    }
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
    return raw(Money::formatMinor(minor).toLatin1());
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
        out.value(time(*ms).toString());
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
