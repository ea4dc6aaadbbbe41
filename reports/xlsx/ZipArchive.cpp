#include "reports/xlsx/ZipArchive.h"

#include <QFile>

#include <unzip.h>

namespace crm {

namespace {
// `pattern` is marked for ErrorText, so the desktop and `crm import --lang` say it in the user's language.
Error fileError(const char *pattern, const QStringList &args = {})
{
    return Error::detailed(QStringLiteral("validation.format"), QStringLiteral("file"), pattern, args);
}
} // namespace

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const QString &path)
{
    if (!QFile::exists(path))
        return Error::detailed(QStringLiteral("io.read"), QStringLiteral("file"), QT_TRANSLATE_NOOP("ErrorText", "The file %1 does not exist"), {path});
    std::unique_ptr<ZipArchive> zip(new ZipArchive);
    const QByteArray encoded = QFile::encodeName(path);
    zip->m_zip = unzOpen64(encoded.constData());
    if (!zip->m_zip)
        return fileError(QT_TRANSLATE_NOOP("ErrorText", "The file is not a valid XLSX workbook: its zip archive is damaged or truncated"));
    return zip;
}

ZipArchive::~ZipArchive()
{
    if (m_entryOpen)
        unzCloseCurrentFile(m_zip);
    if (m_zip)
        unzClose(m_zip);
}

Error ZipArchive::damaged(const QString &name) const
{
    return fileError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook is damaged: its part %1 cannot be unpacked"), {name});
}

bool ZipArchive::contains(const QString &name)
{
    return unzLocateFile(m_zip, name.toUtf8().constData(), 1) == UNZ_OK;
}

Result<qint64> ZipArchive::openEntry(const QString &name)
{
    if (m_entryOpen)
        (void)closeEntry();
    if (unzLocateFile(m_zip, name.toUtf8().constData(), 1) != UNZ_OK)
        return fileError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX workbook has no part %1"), {name});
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
        return damaged(name);
    if (unzOpenCurrentFile(m_zip) != UNZ_OK)
        return damaged(name);
    m_entryOpen = true;
    m_entry = name;
    return qint64(info.uncompressed_size);
}

Result<QByteArray> ZipArchive::readChunk(int maxBytes)
{
    QByteArray chunk(maxBytes, Qt::Uninitialized);
    const int n = unzReadCurrentFile(m_zip, chunk.data(), unsigned(maxBytes));
    if (n < 0)
        return damaged(m_entry);
    chunk.truncate(n);
    return chunk;
}

Status ZipArchive::closeEntry()
{
    if (!m_entryOpen)
        return {};
    m_entryOpen = false;
    // Reports a CRC mismatch once the whole entry was read.
    if (unzCloseCurrentFile(m_zip) != UNZ_OK)
        return damaged(m_entry);
    return {};
}

Result<QByteArray> ZipArchive::read(const QString &name, qint64 maxBytes)
{
    auto size = openEntry(name);
    if (!size)
        return size.error();
    if (*size > maxBytes) {
        (void)closeEntry();
        return fileError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX part %1 is too large (%2 MB unpacked)"),
                         {name, QString::number(*size / 1'000'000)});
    }
    QByteArray all;
    all.reserve(*size);
    for (;;) {
        auto chunk = readChunk();
        if (!chunk)
            return chunk.error();
        if (chunk->isEmpty())
            break;
        all += *chunk;
        if (all.size() > maxBytes)
            return fileError(QT_TRANSLATE_NOOP("ErrorText", "The XLSX part %1 is too large"), {name});
    }
    if (Status st = closeEntry(); !st)
        return st.error();
    return all;
}

} // namespace crm
