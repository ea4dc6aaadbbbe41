#include "reports/xlsx/ZipWriter.h"

#include <QDateTime>
#include <QFile>

#include <zip.h>

namespace crm {

Result<std::unique_ptr<ZipWriter>> ZipWriter::create(const QString &path)
{
    std::unique_ptr<ZipWriter> w(new ZipWriter);
    w->m_path = path;
    const QByteArray encoded = QFile::encodeName(path);
    w->m_zip = zipOpen64(encoded.constData(), APPEND_STATUS_CREATE);
    if (!w->m_zip)
        return Error::writeFailed(QStringLiteral("Cannot create the file %1").arg(path));
    return w;
}

ZipWriter::~ZipWriter()
{
    discard();
}

Error ZipWriter::failed() const
{
    return Error::writeFailed(QStringLiteral("Cannot write the file %1: the disk may be full or the folder not writable").arg(m_path));
}

Status ZipWriter::add(const char *name, const QByteArray &data)
{
    if (Status st = beginEntry(name, Z_DEFAULT_COMPRESSION, false); !st)
        return st;
    if (Status st = write(data.constData(), size_t(data.size())); !st)
        return st;
    return endEntry();
}

Status ZipWriter::beginEntry(const char *name, int level, bool zip64)
{
    if (!m_zip || m_entryOpen)
        return failed();
    // Zip stores local wall-clock time; a spreadsheet's file list shows it as such.
    const QDateTime now = QDateTime::currentDateTime();
    zip_fileinfo info{};
    info.tmz_date.tm_sec = uInt(now.time().second());
    info.tmz_date.tm_min = uInt(now.time().minute());
    info.tmz_date.tm_hour = uInt(now.time().hour());
    info.tmz_date.tm_mday = uInt(now.date().day());
    info.tmz_date.tm_mon = uInt(now.date().month() - 1);
    info.tmz_date.tm_year = uInt(now.date().year());
    if (zipOpenNewFileInZip64(m_zip, name, &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, level, zip64 ? 1 : 0) != ZIP_OK)
        return failed();
    m_entryOpen = true;
    return {};
}

Status ZipWriter::write(const char *data, size_t size)
{
    while (size > 0) {
        const unsigned piece = unsigned(std::min<size_t>(size, 1u << 30));
        if (!m_entryOpen || zipWriteInFileInZip(m_zip, data, piece) != ZIP_OK)
            return failed();
        data += piece;
        size -= piece;
    }
    return {};
}

Status ZipWriter::endEntry()
{
    if (!m_entryOpen)
        return failed();
    m_entryOpen = false;
    if (zipCloseFileInZip(m_zip) != ZIP_OK)
        return failed();
    return {};
}

Status ZipWriter::finish()
{
    if (!m_zip || m_entryOpen)
        return failed();
    const int e = zipClose(m_zip, nullptr); // frees the handle whatever the outcome
    m_zip = nullptr;
    if (e != ZIP_OK)
        return failed();
    return {};
}

void ZipWriter::discard()
{
    if (!m_zip)
        return;
    if (m_entryOpen)
        zipCloseFileInZip(m_zip);
    m_entryOpen = false;
    zipClose(m_zip, nullptr);
    m_zip = nullptr;
    QFile::remove(m_path);
}

} // namespace crm
