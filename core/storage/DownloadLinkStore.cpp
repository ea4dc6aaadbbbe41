#include "core/storage/DownloadLinkStore.h"

#include "core/storage/Database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStringList>

#include <sodium.h>

namespace crm {

namespace {

Error unknownLink()
{
    return Error::notFound(QStringLiteral("Download"));
}

// Tokens we hand out are 43 characters; anything far from that cannot be one (and is not hashed).
bool plausible(const QString &token)
{
    return token.size() >= 20 && token.size() <= 200;
}

} // namespace

QString DownloadLinkStore::hashOf(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Result<IssuedDownloadLink> DownloadLinkStore::create(const DownloadLink &link, qint64 lifetimeMs)
{
    if (link.userId <= 0 || link.path.isEmpty())
        return Error::internal(QStringLiteral("A download link needs a user and a file"));
    if (sodium_init() < 0)
        return Error::internal();
    QByteArray random(32, Qt::Uninitialized);
    randombytes_buf(random.data(), size_t(random.size()));
    IssuedDownloadLink issued;
    issued.token = QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const qint64 now = m_db.clock().nowMs();
    issued.expiresAt = now + lifetimeMs;
    QStringList expiredFiles;
    Status st = m_db.write([&]() -> Status {
        QSqlQuery expired = m_db.prepare(QStringLiteral("DELETE FROM download_links WHERE expires_at <= :now RETURNING path"));
        expired.bindValue(QStringLiteral(":now"), now);
        if (Status e = m_db.exec(expired); !e)
            return e;
        while (expired.next())
            expiredFiles << expired.value(0).toString();
        expired.finish();
        QSqlQuery q = m_db.prepare(QStringLiteral(
            "INSERT INTO download_links (token_hash, user_id, path, content_type, file_name, created_at, expires_at)"
            " VALUES (:h, :u, :path, :type, :name, :now, :exp)"));
        q.bindValue(QStringLiteral(":h"), hashOf(issued.token));
        q.bindValue(QStringLiteral(":u"), link.userId);
        q.bindValue(QStringLiteral(":path"), link.path);
        q.bindValue(QStringLiteral(":type"), link.contentType);
        q.bindValue(QStringLiteral(":name"), link.fileName);
        q.bindValue(QStringLiteral(":now"), now);
        q.bindValue(QStringLiteral(":exp"), issued.expiresAt);
        return m_db.exec(q);
    });
    if (!st)
        return st.error();
    // Only once the rows are gone for good: a rolled-back transaction keeps links whose files must stay.
    for (const QString &path : std::as_const(expiredFiles))
        QFile::remove(path);
    return issued;
}

Result<DownloadLink> DownloadLinkStore::find(const QString &token, qint64 userId)
{
    if (!plausible(token))
        return unknownLink();
    QSqlQuery q = m_db.prepare(QStringLiteral("SELECT path, content_type, file_name, expires_at FROM download_links"
                                              " WHERE token_hash = :h AND user_id = :u AND expires_at > :now"));
    q.bindValue(QStringLiteral(":h"), hashOf(token));
    q.bindValue(QStringLiteral(":u"), userId);
    q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
    if (Status st = m_db.exec(q); !st)
        return st.error();
    if (!q.next())
        return unknownLink();
    return DownloadLink{userId, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
}

Result<DownloadLink> DownloadLinkStore::take(const QString &token, qint64 userId)
{
    if (!plausible(token))
        return unknownLink();
    return m_db.write([&]() -> Result<DownloadLink> {
        // One statement finds and removes: of two concurrent requests (even in two processes) only one gets a row.
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM download_links WHERE token_hash = :h AND user_id = :u AND expires_at > :now"
                                                  " RETURNING path, content_type, file_name, expires_at"));
        q.bindValue(QStringLiteral(":h"), hashOf(token));
        q.bindValue(QStringLiteral(":u"), userId);
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        if (Status st = m_db.exec(q); !st)
            return st.error();
        if (!q.next())
            return unknownLink();
        DownloadLink link{userId, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()};
        q.finish();
        return link;
    });
}

Result<int> DownloadLinkStore::removeExpired()
{
    QStringList files;
    Status st = m_db.write([&]() -> Status {
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM download_links WHERE expires_at <= :now RETURNING path"));
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        if (Status e = m_db.exec(q); !e)
            return e;
        while (q.next())
            files << q.value(0).toString();
        return {};
    });
    if (!st)
        return st.error();
    for (const QString &path : std::as_const(files))
        QFile::remove(path);
    return int(files.size());
}

} // namespace crm
