#pragma once

#include "core/ChangeFeed.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace crm {

// Runs `reload` a moment after the change feed announces a change that `matters` picks: a burst of
// changes (an import, a rep's batch over the API, a bulk assign) makes one reload, not one per row.
// The first change starts the wait and later ones join it (a throttle, not a debounce that restarts
// on every change): with reps writing all day long, a view is never more than the delay behind.
// Every view that follows other people's writes uses it, so they all wait the same way.
class ReloadSoon : public QObject
{
public:
    ReloadSoon(ChangeFeed *feed, int delayMs, std::function<bool(const Change &)> matters, std::function<void()> reload,
               QObject *parent);

    // A reload after the delay, as if a change had come (the caller's own edit).
    void start()
    {
        if (!m_timer.isActive())
            m_timer.start();
    }
    // Forgets a pending reload: the caller has just reloaded.
    void cancel() { m_timer.stop(); }
    bool isPending() const { return m_timer.isActive(); }

private:
    QTimer m_timer;
};

} // namespace crm
