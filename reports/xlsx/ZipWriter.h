#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace crm {

// Writes a zip archive (an XLSX file) through Debian's minizip: small entries whole, one large entry
// in pieces. One entry is open at a time. Entries are deflated at the level given; a failed write
// (disk full, folder gone) is an error with a message fit for the user, and the archive is then only
// good to discard().
class ZipWriter
{
public:
    static Result<std::unique_ptr<ZipWriter>> create(const QString &path);
    // A writer neither finished nor discarded is discarded.
    ~ZipWriter();
    ZipWriter(const ZipWriter &) = delete;
    ZipWriter &operator=(const ZipWriter &) = delete;

    Status add(const char *name, const QByteArray &data);
    // `zip64`: the entry may grow past 4 GiB (an XLSX sheet of long texts can).
    Status beginEntry(const char *name, int level, bool zip64);
    // Safe to call from another thread than beginEntry's, as long as calls do not overlap.
    Status write(const char *data, size_t size);
    Status endEntry();
    // Writes the central directory and closes the file.
    Status finish();
    // Closes the file as it is and deletes it.
    void discard();

private:
    ZipWriter() = default;
    Error failed() const;

    QString m_path;
    void *m_zip = nullptr; // zipFile
    bool m_entryOpen = false;
};

} // namespace crm
