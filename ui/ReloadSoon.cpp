#include "ui/ReloadSoon.h"

#include "ui/Session.h"

namespace crm {

ReloadSoon::ReloadSoon(Session &session, int delayMs, std::function<bool(const Change &)> matters,
                       std::function<void()> reload, QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(delayMs);
    connect(&m_timer, &QTimer::timeout, this, std::move(reload));
    connect(session.feed(), &ChangeFeed::changed, this, [this, matters = std::move(matters)](const Change &c) {
        if (matters(c))
            start();
    });
}

} // namespace crm
