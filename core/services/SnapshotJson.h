#pragma once

#include <QString>
#include <QStringList>

namespace crm {

// Writes an audit snapshot the way AuditLog::snapshotText(map) writes it (compact JSON as
// QJsonDocument makes it, empty values left out), straight from the fields: bulk writers make one
// per row, and building the QVariantMap and converting it through QJsonDocument took a seventh of a
// customer import. The caller gives the keys of each object in QVariantMap order (sorted); the
// tests compare the result with snapshotText for the same record.
class SnapshotJson
{
public:
    SnapshotJson();

    void text(const char *key, const QString &value); // left out when empty
    void number(const char *key, qint64 value);
    void flag(const char *key, bool value);
    void strings(const char *key, const QStringList &list); // left out when empty
    void json(const char *key, const QString &json); // a value already written as JSON
    // An array of objects, each written by `write` (with this object's methods); left out when empty.
    template <typename List, typename Write>
    void objects(const char *key, const List &items, Write &&write)
    {
        if (items.isEmpty())
            return;
        open(key);
        m_out += QLatin1Char('[');
        for (qsizetype i = 0; i < items.size(); ++i) {
            m_out += QLatin1String(i ? ",{" : "{");
            write(items[i]);
            m_out += QLatin1Char('}');
        }
        m_out += QLatin1Char(']');
    }

    // Closes the object and hands the text over.
    QString finish();

    // A JSON string literal, escaped as QJsonDocument escapes it.
    static void appendString(QString &out, const QString &text);

private:
    // `"key":`, after a comma unless it is the first key of the object opened last.
    void open(const char *key);

    QString m_out;
};

} // namespace crm
