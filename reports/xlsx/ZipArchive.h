#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace crm {

// Read access to a zip archive (an XLSX file) through Debian's minizip: whole small entries, or one
// large entry streamed in chunks. Damaged archives and entries (truncated, bad CRC, not a zip) are
// errors with a message fit for the user.
class ZipArchive
{
public:
    static Result<std::unique_ptr<ZipArchive>> open(const QString &path);
    ~ZipArchive();
    ZipArchive(const ZipArchive &) = delete;
    ZipArchive &operator=(const ZipArchive &) = delete;

    bool contains(const QString &name);
    // The whole entry; refused when it inflates to more than maxBytes (a zip bomb, or simply too big).
    Result<QByteArray> read(const QString &name, qint64 maxBytes);

    // Streaming one entry: open, then readChunk until it returns an empty array, then close.
    // open returns the entry's uncompressed size (for progress).
    Result<qint64> openEntry(const QString &name);
    Result<QByteArray> readChunk(int maxBytes = 64 * 1024);
    Status closeEntry();

private:
    ZipArchive() = default;
    Error damaged(const QString &name) const;

    void *m_zip = nullptr; // unzFile
    bool m_entryOpen = false;
    QString m_entry;
};

} // namespace crm
