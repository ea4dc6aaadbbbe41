#include "reports/table/JsonRowSource.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <limits>

namespace crm {

namespace {

constexpr qint64 kChunk = 64 * 1024;

// `pattern` is marked for ErrorText, so the desktop and `crm import --lang` say it in the user's language.
Error formatError(const char *pattern, const QStringList &args = {})
{
    return Error::detailed(QStringLiteral("validation.format"), QStringLiteral("file"), pattern, args);
}


// The keys of an object's top level in the order they are written (QJsonObject sorts them), from
// the object's bytes: a string at depth 1 followed by ':' is a key.
QStringList keysInOrder(const QByteArray &object)
{
    QStringList keys;
    int depth = 0;
    const qsizetype n = object.size();
    for (qsizetype i = 0; i < n;) {
        const char c = object.at(i);
        if (c == '"') {
            const qsizetype start = i++;
            bool escapes = false;
            while (i < n && object.at(i) != '"') {
                if (object.at(i) == '\\') {
                    escapes = true;
                    ++i;
                }
                ++i;
            }
            const qsizetype end = i++; // the closing quote
            qsizetype j = i;
            while (j < n && (object.at(j) == ' ' || object.at(j) == '\n' || object.at(j) == '\r' || object.at(j) == '\t'))
                ++j;
            if (depth == 1 && j < n && object.at(j) == ':') {
                const QByteArray raw = object.mid(start, end - start + 1);
                keys << (escapes ? QJsonDocument::fromJson('[' + raw + ']').array().at(0).toString()
                                 : QString::fromUtf8(raw.mid(1, raw.size() - 2)));
            }
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']')
            --depth;
        ++i;
    }
    return keys;
}

} // namespace

bool JsonRowSource::Scanner::fill()
{
    if (m_pos > 0) {
        m_consumed += m_pos;
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray more = m_device->read(kChunk);
    if (more.isEmpty())
        return false;
    m_buffer += more;
    return true;
}

bool JsonRowSource::Scanner::skipSpace()
{
    for (;;) {
        while (m_pos < m_buffer.size()) {
            const char c = m_buffer.at(m_pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return true;
            ++m_pos;
        }
        if (!fill())
            return false;
    }
}

Error JsonRowSource::Scanner::error(const char *pattern, QStringList args) const
{
    args << QString::number(offset());
    return formatError(pattern, args);
}

Result<bool> JsonRowSource::Scanner::nextObject(QByteArray &object, qint64 objectNumber)
{
    object.clear();
    if (m_ended)
        return false;
    if (!m_started) {
        if (!fill())
            return formatError(QT_TRANSLATE_NOOP("ErrorText", "The file is empty"));
        if (m_buffer.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
        if (!skipSpace())
            return formatError(QT_TRANSLATE_NOOP("ErrorText", "The file is empty"));
        if (m_buffer.at(m_pos) != '[')
            return error(QT_TRANSLATE_NOOP("ErrorText", "A JSON import file must hold an array of objects, [{...}, {...}] (at byte %1)"));
        ++m_pos;
        m_started = true;
    }
    if (!skipSpace())
        return error(QT_TRANSLATE_NOOP("ErrorText", "The JSON file ends before its array is closed with ]; it may be truncated (at byte %1)"));
    if (m_buffer.at(m_pos) == ']') {
        ++m_pos;
        if (skipSpace())
            return error(QT_TRANSLATE_NOOP("ErrorText", "Unexpected text after the end of the JSON array (at byte %1)"));
        m_ended = true;
        return false;
    }
    if (!m_first) {
        if (m_buffer.at(m_pos) != ',')
            return error(QT_TRANSLATE_NOOP("ErrorText", "Expected , or ] after object %1 (at byte %2)"), {QString::number(objectNumber - 1)});
        ++m_pos;
        if (!skipSpace())
            return error(QT_TRANSLATE_NOOP("ErrorText", "The JSON file ends before its array is closed with ]; it may be truncated (at byte %1)"));
    }
    if (m_buffer.at(m_pos) != '{')
        return error(QT_TRANSLATE_NOOP("ErrorText", "Element %1 of the JSON array is not an object (at byte %2)"), {QString::number(objectNumber)});
    m_first = false;

    // From the opening brace to its match, minding strings (braces inside them do not count).
    int depth = 0;
    bool inString = false, escaped = false;
    qsizetype from = m_pos;
    for (;;) {
        for (; m_pos < m_buffer.size(); ++m_pos) {
            const char c = m_buffer.at(m_pos);
            if (inString) {
                if (escaped)
                    escaped = false;
                else if (c == '\\')
                    escaped = true;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ++m_pos;
                    object.append(QByteArrayView(m_buffer).sliced(from, m_pos - from));
                    return true;
                }
            }
        }
        object.append(QByteArrayView(m_buffer).sliced(from, m_pos - from));
        if (object.size() > MaxObjectBytes)
            return error(QT_TRANSLATE_NOOP("ErrorText", "Object %1 is larger than %2 MiB; is the file damaged? (at byte %3)"),
                         {QString::number(objectNumber), QString::number(MaxObjectBytes / (1024 * 1024))});
        if (!fill())
            return error(QT_TRANSLATE_NOOP("ErrorText", "The JSON file ends inside object %1; it may be truncated (at byte %2)"),
                         {QString::number(objectNumber)});
        from = m_pos;
    }
}

Result<QJsonObject> JsonRowSource::parse(const QByteArray &bytes, qint64 objectNumber, qint64 offset) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return formatError(QT_TRANSLATE_NOOP("ErrorText", "Object %1 is not valid JSON: %2 (at byte %3)"),
                           {QString::number(objectNumber), parseError.errorString(),
                            QString::number(offset - bytes.size() + parseError.offset)});
    return doc.object();
}

Result<std::unique_ptr<JsonRowSource>> JsonRowSource::open(const QString &path)
{
    std::unique_ptr<JsonRowSource> source(new JsonRowSource);
    source->m_path = path;
    // First pass: every object parsed once, for the header and to refuse a damaged file up front.
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::cannotOpen(path, file.errorString());
        source->m_size = file.size();
        Scanner scanner(&file);
        QByteArray bytes;
        QSet<QString> seen;
        for (qint64 n = 1;; ++n) {
            auto more = scanner.nextObject(bytes, n);
            if (!more)
                return more.error();
            if (!*more)
                break;
            auto object = source->parse(bytes, n, scanner.offset());
            if (!object)
                return object.error();
            // Only an object that brings a new key is scanned again for the order of its keys.
            bool newKey = false;
            for (auto it = object->constBegin(); it != object->constEnd() && !newKey; ++it)
                newKey = !seen.contains(it.key());
            if (!newKey)
                continue;
            for (const QString &key : keysInOrder(bytes)) {
                if (seen.contains(key))
                    continue;
                if (seen.size() >= MaxColumns)
                    return formatError(QT_TRANSLATE_NOOP("ErrorText", "The objects have more than %1 different keys"), {QString::number(MaxColumns)});
                seen.insert(key);
                source->m_keys << key;
            }
        }
        if (source->m_keys.isEmpty())
            return formatError(QT_TRANSLATE_NOOP("ErrorText", "The JSON array holds no objects with keys"));
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly))
        return Error::cannotOpen(path, file->errorString());
    source->m_scanner = std::make_unique<Scanner>(file.get());
    source->m_file = std::move(file);
    return source;
}

QString JsonRowSource::cellText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    case QJsonValue::Double: {
        // Qt keeps integers that fit in 64 bits exactly; other numbers are doubles, whose shortest
        // round-trip decimal is what was written (12345.67, not 12345.670000000001).
        const qint64 whole = value.toInteger(std::numeric_limits<qint64>::min());
        if (whole != std::numeric_limits<qint64>::min() || value.toDouble() == double(std::numeric_limits<qint64>::min()))
            return QString::number(whole);
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &v : value.toArray())
            parts << cellText(v);
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

Result<bool> JsonRowSource::next(QStringList &cells)
{
    cells.clear();
    if (!m_headerGiven) {
        m_headerGiven = true;
        m_row = 1;
        cells = m_keys;
        return true;
    }
    QByteArray bytes;
    auto more = m_scanner->nextObject(bytes, m_row);
    if (!more)
        return more.error(); // the file changed since it was checked
    if (!*more)
        return false;
    auto object = parse(bytes, m_row, m_scanner->offset());
    if (!object)
        return object.error();
    ++m_row;
    cells.reserve(m_keys.size());
    for (const QString &key : m_keys)
        cells << cellText(object->value(key));
    return true;
}

double JsonRowSource::fraction() const
{
    return m_size > 0 && m_scanner ? std::min(1.0, double(m_scanner->offset()) / double(m_size)) : 0.0;
}

} // namespace crm
