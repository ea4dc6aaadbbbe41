#include "ui/ReloadSoon.h"

namespace crm {

ReloadSoon::ReloadSoon(ChangeFeed *feed, int delayMs, std::function<bool(const Change &)> matters,
                       std::function<void()> reload, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, std::move(reload));
    connect(feed, &ChangeFeed::changed, this, [this, matters = std::move(matters)](const Change &c) {
        if (matters(c))
            start();
    });
}

} // namespace crm
