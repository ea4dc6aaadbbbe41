#pragma once

#include <QString>

#include <memory>
#include <mutex>

namespace crm {

// Queues the write transactions of this process's connections to one SQLite file.
//
// SQLite lets one writer in at a time and makes the others poll: a connection that finds the file
// locked sleeps 1, 2, 5, 10 ... 100 ms between tries (sqlite3_busy_timeout), so under a steady stream
// of writes a waiting writer keeps sleeping while the others take turns, and its wait grows far past
// the few milliseconds a write holds the lock (32 clients logging activities through the API: p99
// 1.4 s). Threads waiting here are woken the moment the holder commits. Other processes on the same
// file still meet SQLite's own lock and its busy timeout.
class SqliteWriteGate
{
public:
    // The gate of a file (by its absolute path), shared by every connection of the process to it.
    static std::shared_ptr<SqliteWriteGate> forFile(const QString &absolutePath);

    // False when another thread still holds it after timeoutMs. A thread that holds it already (a
    // write on a second connection inside one on the first) gets in again and meets SQLite's lock and
    // busy timeout, as without the gate.
    bool enter(int timeoutMs) { return m_mutex.try_lock_for(std::chrono::milliseconds(timeoutMs)); }
    void leave() { m_mutex.unlock(); }

private:
    std::recursive_timed_mutex m_mutex;
};

} // namespace crm
