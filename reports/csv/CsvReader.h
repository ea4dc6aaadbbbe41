#pragma once

#include "reports/csv/TextEncoding.h"
#include "reports/table/RowSource.h"

#include <QChar>
#include <QIODevice>
#include <QStringDecoder>

#include <memory>

namespace crm {

struct CsvReadOptions
{
    TextEncoding encoding = TextEncoding::Auto; // Auto: BOM, else valid UTF-8, else GB18030
    QChar delimiter; // null: detected from the header (comma, semicolon or tab)
    // Limits that turn a damaged or hostile file into a clear error instead of unbounded memory.
    int maxColumns = 1000;
    int maxFieldChars = 1 << 20; // an unclosed quote would otherwise swallow the rest of the file
};

// Streaming RFC 4180 reader for CSV as people have it: any of the encodings above, comma, semicolon
// or tab separated, CRLF or LF, quoted fields with separators, doubled quotes and line breaks inside.
// Lenient where Excel is (a quote in an unquoted field is kept as text; text after a closing quote
// is appended). Reads the device in 64 KiB chunks: memory is bounded by the longest row.
class CsvReader final : public RowSource
{
public:
    explicit CsvReader(QIODevice *device, CsvReadOptions options = {});
    ~CsvReader() override;

    Result<bool> next(QStringList &cells) override;
    qint64 rowNumber() const override { return m_row; }
    double fraction() const override;

    // Known once the first row has been read.
    TextEncoding encoding() const { return m_encoding; }
    QChar delimiter() const { return m_delimiter; }

private:
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    // Appends the next decoded chunk to m_text; false at the end of the input or on an error.
    Result<bool> fill();
    void decodeChunk(const QByteArray &raw);
    void detectDelimiter();
    // A format error at the current row: `pattern` (marked for ErrorText, "Row %1: ...") gets the
    // row's number as %1 and `args` as %2 on, so the desktop can say it in the user's language.
    Error rowError(const QString &code, const char *pattern, QStringList args = {}) const;
    Status endField(QStringList &cells);

    QIODevice *m_device;
    CsvReadOptions m_options;
    TextEncoding m_encoding = TextEncoding::Auto; // Auto until decided (all ASCII so far)
    std::unique_ptr<QStringDecoder> m_decoder;
    bool m_started = false;
    bool m_eof = false;
    // A decoding error, reported once the rows before it are read: its pattern and details.
    const char *m_pendingPattern = nullptr;
    QStringList m_pendingArgs;
    QChar m_delimiter;
    QString m_text; // decoded text not yet parsed, from m_pos
    qsizetype m_pos = 0;
    QString m_field;
    bool m_skipLf = false; // the previous row ended with CR: a following LF belongs to it
    qint64 m_row = 0;
    qint64 m_bytesRead = 0;
    qint64 m_size = 0;
};

} // namespace crm
