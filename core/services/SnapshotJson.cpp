#include "core/services/SnapshotJson.h"

namespace crm {

SnapshotJson::SnapshotJson()
{
    m_out.reserve(384);
    m_out += QLatin1Char('{');
}

void SnapshotJson::appendString(QString &out, const QString &text)
{
    out += QLatin1Char('"');
    for (QChar ch : text) {
        const char16_t c = ch.unicode();
        switch (c) {
        case u'"': out += QLatin1String("\\\""); break;
        case u'\\': out += QLatin1String("\\\\"); break;
        case u'\b': out += QLatin1String("\\b"); break;
        case u'\f': out += QLatin1String("\\f"); break;
        case u'\n': out += QLatin1String("\\n"); break;
        case u'\r': out += QLatin1String("\\r"); break;
        case u'\t': out += QLatin1String("\\t"); break;
        default:
            if (c < 0x20)
                out += QStringLiteral("\\u%1").arg(int(c), 4, 16, QLatin1Char('0'));
            else
                out += ch;
        }
    }
    out += QLatin1Char('"');
}

void SnapshotJson::open(const char *key)
{
    if (!m_out.endsWith(QLatin1Char('{')))
        m_out += QLatin1Char(',');
    m_out += QLatin1Char('"') + QLatin1String(key) + QStringLiteral("\":");
}

void SnapshotJson::text(const char *key, const QString &value)
{
    if (value.isEmpty())
        return;
    open(key);
    appendString(m_out, value);
}

void SnapshotJson::number(const char *key, qint64 value)
{
    open(key);
    m_out += QString::number(value);
}

void SnapshotJson::flag(const char *key, bool value)
{
    open(key);
    m_out += value ? QLatin1String("true") : QLatin1String("false");
}

void SnapshotJson::strings(const char *key, const QStringList &list)
{
    if (list.isEmpty())
        return;
    open(key);
    m_out += QLatin1Char('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i)
            m_out += QLatin1Char(',');
        appendString(m_out, list[i]);
    }
    m_out += QLatin1Char(']');
}

void SnapshotJson::json(const char *key, const QString &json)
{
    open(key);
    m_out += json;
}

QString SnapshotJson::finish()
{
    m_out += QLatin1Char('}');
    return std::move(m_out);
}

} // namespace crm
