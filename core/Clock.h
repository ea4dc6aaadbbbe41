#pragma once

#include <QDateTime>
#include <QtGlobal>

#include <atomic>

namespace crm {

// Source of "now" in UTC milliseconds. Services read time only through a Clock so tests can move it.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

// A clock that stands still until told to move: for tests. Atomic, since a test moves it while a
// server thread reads it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 ms) : m_ms(ms) {}
    qint64 nowMs() const override { return m_ms.load(); }
    void set(qint64 ms) { m_ms = ms; }
    void advance(qint64 ms) { m_ms += ms; }

private:
    std::atomic<qint64> m_ms;
};

} // namespace crm
