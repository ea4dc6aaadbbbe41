#pragma once

#include "core/Result.h"

#include <QHash>
#include <QMutex>
#include <QString>

#include <atomic>
#include <functional>

namespace crm {

class ChangeFeed;

// Totals of list pages kept between requests. A phone pages through a list, and reloads it, with the
// same filter, and counting up to 10,000 matches for every page cost more than the page itself
// (a rep's list: 3.4k pages/s counting each time). Every change on the process's feed (this
// process's writes and, on PostgreSQL, other processes' through PgChangeListener) makes every kept
// total stale, and none is kept longer than kMaxAgeMs in any case. The caller's key must name the
// user and their scope: one user never gets another's total.
class ListTotals
{
public:
    static constexpr qint64 kMaxAgeMs = 10'000;
    static constexpr int kMaxEntries = 10'000;

    // The totals of the process whose connections publish to `feed`; null without a feed (then
    // nothing is kept and every call counts).
    static ListTotals *of(ChangeFeed *feed);

    // The total kept for `key`, or count() (kept when it succeeds).
    Result<qint64> get(const QString &key, const std::function<Result<qint64>()> &count);

private:
    explicit ListTotals(ChangeFeed *feed);

    struct Entry
    {
        qint64 total = 0;
        quint64 generation = 0;
        qint64 at = 0; // steady clock, ms
    };
    std::atomic<quint64> m_generation{0};
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace crm
