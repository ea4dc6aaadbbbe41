#include "httpapi/ListTotals.h"

#include "core/ChangeFeed.h"

#include <QDeadlineTimer>
#include <QMutexLocker>

#include <map>
#include <memory>

namespace crm {

namespace {

qint64 steadyMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace

ListTotals::ListTotals(ChangeFeed *feed)
{
    // Direct: the feed publishes from whichever thread wrote; bumping the generation is all it takes.
    QObject::connect(feed, &ChangeFeed::changed, feed, [this](const Change &) { ++m_generation; }, Qt::DirectConnection);
}

ListTotals *ListTotals::of(ChangeFeed *feed)
{
    if (!feed)
        return nullptr;
    // One per feed, gone with it (a later feed at the same address must not find its totals).
    static QMutex mutex;
    static std::map<ChangeFeed *, std::unique_ptr<ListTotals>> all;
    QMutexLocker lock(&mutex);
    auto &totals = all[feed];
    if (!totals) {
        totals.reset(new ListTotals(feed));
        QObject::connect(feed, &QObject::destroyed, [feed] {
            QMutexLocker gone(&mutex);
            all.erase(feed);
        });
    }
    return totals.get();
}

Result<qint64> ListTotals::get(const QString &key, const std::function<Result<qint64>()> &count)
{
    const quint64 generation = m_generation.load(); // read before counting: a change meanwhile wins
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(key);
        if (it != m_entries.cend() && it->generation == generation && steadyMs() - it->at < kMaxAgeMs)
            return it->total;
    }
    auto total = count();
    if (!total)
        return total;
    QMutexLocker lock(&m_mutex);
    if (m_entries.size() >= kMaxEntries)
        m_entries.clear();
    m_entries.insert(key, Entry{*total, generation, steadyMs()});
    return total;
}

} // namespace crm
