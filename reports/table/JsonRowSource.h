#pragma once

#include "reports/table/RowSource.h"

#include <QIODevice>
#include <QJsonValue>

#include <memory>

namespace crm {

// A JSON file holding an array of flat objects (what our JSON export writes) read as a table: the
// header is the union of the objects' keys in order of first appearance, each object a row (a key an
// object lacks reads as ""). Values as text like a spreadsheet cell: strings as they are, integers
// exactly, other numbers in their shortest exact decimal (12345.67), true/false as TRUE/FALSE, null
// as "", an array as its elements joined with ", ".
//
// Never the whole file in memory: a small reader that knows strings and escapes finds each top-level
// object's bytes, and QJsonDocument parses that one object. The file is read twice: a first pass
// collects the keys for the header and checks the whole file, so a damaged file is an error before
// the first row reaches an importer; the second pass hands out the rows. Row numbers count the
// header as row 1, so the first object is row 2 (as in a spreadsheet made from the same data).
class JsonRowSource final : public RowSource
{
public:
    // Opens and checks the file (first pass); an error names the object and byte offset at fault.
    static Result<std::unique_ptr<JsonRowSource>> open(const QString &path);

    Result<bool> next(QStringList &cells) override;
    qint64 rowNumber() const override { return m_row; }
    double fraction() const override;

    // The text a JSON value reads as in a cell.
    static QString cellText(const QJsonValue &value);

    static constexpr int MaxColumns = 1000;
    static constexpr qsizetype MaxObjectBytes = 16 * 1024 * 1024;

private:
    // Finds the top-level objects of an array one by one.
    class Scanner
    {
    public:
        explicit Scanner(QIODevice *device) : m_device(device) {}
        // true: `object` holds the next object's bytes; false: the array ended (and nothing but
        // white space follows it).
        Result<bool> nextObject(QByteArray &object, qint64 objectNumber);
        qint64 offset() const { return m_consumed + m_pos; }

    private:
        bool fill(); // more bytes into the buffer; false at the end of the file
        bool skipSpace(); // false at the end of the file
        // `pattern` ends with the placeholder for the byte offset, after those of `args`.
        Error error(const char *pattern, QStringList args = {}) const;

        QIODevice *m_device;
        QByteArray m_buffer;
        qsizetype m_pos = 0;
        qint64 m_consumed = 0; // bytes dropped from the front of the buffer
        bool m_started = false; // the opening '[' was read
        bool m_ended = false;
        bool m_first = true; // no object yet: no ',' expected
    };

    JsonRowSource() = default;
    Result<QJsonObject> parse(const QByteArray &bytes, qint64 objectNumber, qint64 offset) const;

    QString m_path;
    std::unique_ptr<QIODevice> m_file;
    std::unique_ptr<Scanner> m_scanner;
    QStringList m_keys;
    qint64 m_size = 0;
    qint64 m_row = 0;
    bool m_headerGiven = false;
};

} // namespace crm
