#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringList>

namespace crm {

struct CsvWriteOptions
{
    // Excel opens a UTF-8 CSV as UTF-8 only when it starts with a BOM (else it guesses the ANSI code
    // page and Chinese turns into mojibake).
    bool bom = true;
    QChar delimiter = QLatin1Char(',');
    // Spreadsheets run text starting with = + - @ as a formula (CSV injection): such text cells get
    // a leading apostrophe, which Excel and LibreOffice show as plain text.
    bool formulaGuard = true;
};

// Writes RFC 4180 CSV in UTF-8, CRLF line ends, fields quoted only when they must be (separator,
// quote, CR or LF inside). Buffers 64 KiB before writing to the device.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device, CsvWriteOptions options = {});
    ~CsvWriter();

    // A text cell: guarded against formula injection unless it is a plain number.
    void addText(QStringView text);
    // A cell known to be a number (digits, sign, decimal point), written as it is.
    void addNumber(QStringView number);
    void endRow();
    void writeRow(const QStringList &cells);

    // Writes what is buffered; an error when the device refused bytes (disk full, closed).
    Status flush();

    // The guard on its own, for other writers of text meant for spreadsheets.
    static bool needsFormulaGuard(QStringView text);
    // Appends `text` as UTF-8 without an intermediate QByteArray (a million-row export converts
    // twenty million cells).
    static void appendUtf8(QByteArray &out, QStringView text);

private:
    void addRaw(QStringView text, bool guard);

    QIODevice *m_device;
    CsvWriteOptions m_options;
    QByteArray m_buffer;
    bool m_rowStarted = false;
    bool m_failed = false;
};

} // namespace crm
