#pragma once

#include "core/Result.h"

#include <QString>

namespace crm {

class Database;

// A file that one user may download once, for a short time (an export made over the API).
struct DownloadLink
{
    qint64 userId = 0;
    QString path; // the file on the server
    QString contentType; // "text/csv; charset=utf-8"
    QString fileName; // what the client saves it as (may be non-ASCII)
    qint64 expiresAt = 0; // UTC ms
};

struct IssuedDownloadLink
{
    QString token; // random 256 bits, base64url; only its hash is stored
    qint64 expiresAt = 0;
};

// Download links in the database (table download_links), so that every API process on it can serve
// a link another one made. A link belongs to one user, expires after a few minutes and works once:
// take() removes it in the same statement that finds it, so two concurrent downloads cannot both
// get it. The store deletes the files of expired links when it makes new ones (the caller deletes
// the file of a link it took, once it has served it).
class DownloadLinkStore
{
public:
    static constexpr qint64 kDefaultLifetimeMs = 10 * 60 * 1000;

    explicit DownloadLinkStore(Database &db) : m_db(db) {}

    // Records a link to link.path for link.userId (link.expiresAt is set from the lifetime), after
    // removing expired links and their files.
    Result<IssuedDownloadLink> create(const DownloadLink &link, qint64 lifetimeMs = kDefaultLifetimeMs);
    // The link, if the token is known, unexpired and the user's; not_found otherwise (also for
    // another user's token, which is left as it is). Does not use it up (HEAD requests).
    Result<DownloadLink> find(const QString &token, qint64 userId);
    // The same, and the link is gone: a second take() answers not_found. Writes: not inside Database::read().
    Result<DownloadLink> take(const QString &token, qint64 userId);
    // Removes expired links and deletes their files; the number of links removed.
    Result<int> removeExpired();

    static QString hashOf(const QString &token);

private:
    Database &m_db;
};

} // namespace crm
