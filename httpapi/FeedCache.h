#pragma once

#include "core/ChangeFeed.h"
#include "core/Result.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>

namespace crm {

// Answers kept between requests until the data may have changed. A phone pages through a list and
// reloads it, and reopens the board, with the same parameters: counting up to 10,000 matches for
// every page cost more than the page (a rep's list: 3.4k pages/s counting each time), and the board's
// stage sums were a quarter of the board. Every change on the process's feed (this process's writes
// and, on PostgreSQL, other processes' through PgChangeListener) makes every kept value stale, and
// none is kept longer than kMaxAgeMs in any case (another process on the same SQLite file has no
// feed here). The caller's key must name the user and their scope (scopeKey in routes/Routes.h):
// one user never gets another's value.
template <typename T>
class FeedCache
{
public:
    static constexpr qint64 kMaxAgeMs = 10'000;
    static constexpr int kMaxEntries = 10'000;

    // The cache of the process whose connections publish to `feed`; null without a feed (then
    // nothing is kept and every call computes).
    static FeedCache *of(ChangeFeed *feed)
    {
        if (!feed)
            return nullptr;
        // One per feed, gone with it (a later feed at the same address must not find its values).
        static QMutex mutex;
        static std::map<ChangeFeed *, std::unique_ptr<FeedCache>> all;
        QMutexLocker lock(&mutex);
        auto &cache = all[feed];
        if (!cache) {
            cache.reset(new FeedCache(feed));
            QObject::connect(feed, &QObject::destroyed, [feed] {
                QMutexLocker gone(&mutex);
                all.erase(feed);
            });
        }
        return cache.get();
    }

    // The value kept for `key`, or compute() (kept when it succeeds).
    Result<T> get(const QString &key, const std::function<Result<T>()> &compute)
    {
        const quint64 generation = m_generation.load(); // read before computing: a change meanwhile wins
        {
            QMutexLocker lock(&m_mutex);
            const auto it = m_entries.constFind(key);
            if (it != m_entries.cend() && it->generation == generation && steadyMs() - it->at < kMaxAgeMs)
                return it->value;
        }
        auto value = compute();
        if (!value)
            return value;
        QMutexLocker lock(&m_mutex);
        if (m_entries.size() >= kMaxEntries)
            m_entries.clear();
        m_entries.insert(key, Entry{*value, generation, steadyMs()});
        return value;
    }

private:
    explicit FeedCache(ChangeFeed *feed)
    {
        // Direct: the feed publishes from whichever thread wrote; bumping the generation is all it takes.
        QObject::connect(feed, &ChangeFeed::changed, feed, [this](const Change &) { ++m_generation; }, Qt::DirectConnection);
    }

    static qint64 steadyMs() { return QDeadlineTimer::current().deadline(); }

    struct Entry
    {
        T value;
        quint64 generation = 0;
        qint64 at = 0; // steady clock, ms
    };
    std::atomic<quint64> m_generation{0};
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace crm
