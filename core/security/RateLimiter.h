#pragma once

#include "core/Result.h"

#include <QString>

namespace crm {

class Database;

// Fixed-window counters in the database, shared by every process on it: failed sign-ins per address
// and per account, public lead submissions per address. `hit` counts one event and says whether the
// bucket is still within its limit; when it is not, retryAfterMs says how long until the window ends.
class RateLimiter
{
public:
    struct Decision
    {
        bool allowed = true;
        int hits = 0;
        qint64 retryAfterMs = 0;
    };

    explicit RateLimiter(Database &db) : m_db(db) {}

    Result<Decision> hit(const QString &bucket, int limit, qint64 windowMs);
    // Looks without counting.
    Result<Decision> peek(const QString &bucket, int limit, qint64 windowMs);
    Status reset(const QString &bucket);

private:
    Database &m_db;
};

} // namespace crm
