#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace crm::json {

// Writes compact JSON straight into bytes. Lists of records are the API's most frequent answers,
// and building them as QJsonObject (a sorted CBOR container per row, then serialised again) cost
// more than the database queries behind them.
class JsonWriter
{
public:
    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }

    // key must be a plain ASCII identifier (our field names).
    JsonWriter &key(const char *name);
    JsonWriter &value(const QString &text);
    JsonWriter &value(const char *ascii);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(double number);
    JsonWriter &value(bool flag);
    JsonWriter &null();
    JsonWriter &strings(const QStringList &list);
    // Money as an exact decimal number from minor units (12345.67), never through a double.
    JsonWriter &money(qint64 minor);
    // A time as a string in json::isoTime's format (0 is not special here: see writeTime).
    JsonWriter &time(qint64 ms);
    // Already-serialised JSON (e.g. a stored custom-fields object).
    JsonWriter &raw(const QByteArray &json);

    template <typename T>
    JsonWriter &field(const char *name, const T &v)
    {
        key(name);
        return value(v);
    }

    const QByteArray &bytes() const { return m_out; }

private:
    JsonWriter &open(char c);
    JsonWriter &close(char c);
    void separate();

    QByteArray m_out;
    QVector<bool> m_first; // per open container: nothing written in it yet
    bool m_afterKey = false;
};

// "name": a time as ISO 8601 in UTC (json::time), or null when it is 0 or absent (not set).
void writeTime(JsonWriter &out, const char *name, const std::optional<qint64> &ms);
// "name": an id, or null when absent.
void writeId(JsonWriter &out, const char *name, const std::optional<qint64> &id);

} // namespace crm::json
