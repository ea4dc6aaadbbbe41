#pragma once

#include <QVector>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace crm {

// Hands pages of rows (customers, opportunities...) from the thread reading the database to the thread writing the file, so
// that reading and writing overlap. Bounded: the reader waits when `capacity` pages are waiting, so
// memory stays at a few pages whatever the export's size.
template <typename Row>
class PageQueue
{
public:
    explicit PageQueue(int capacity) : m_capacity(capacity) {}

    // false when the consumer gave up (the page is dropped).
    bool push(QVector<Row> page)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_aborted || int(m_pages.size()) < m_capacity; });
        if (m_aborted)
            return false;
        m_pages.push_back(std::move(page));
        m_changed.notify_all();
        return true;
    }
    // The next page; nothing once closed and drained, or aborted.
    std::optional<QVector<Row>> pop()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_aborted || m_closed || !m_pages.empty(); });
        if (m_aborted || m_pages.empty())
            return std::nullopt;
        QVector<Row> page = std::move(m_pages.front());
        m_pages.pop_front();
        m_changed.notify_all();
        return page;
    }
    // Written pages go back to the reading thread to be freed there: freeing a thread's allocations
    // on another thread makes both contend for the allocator's lock (measured: the reader then spends
    // a fifth of its time in malloc).
    void recycle(QVector<Row> page)
    {
        std::lock_guard lock(m_mutex);
        m_done.push_back(std::move(page));
    }
    // Frees the written pages (call on the reading thread).
    void freeRecycled()
    {
        std::deque<QVector<Row>> done;
        {
            std::lock_guard lock(m_mutex);
            done.swap(m_done);
        }
    }
    void close() { set(m_closed); }
    void abort() { set(m_aborted); }

private:
    void set(bool &flag)
    {
        std::lock_guard lock(m_mutex);
        flag = true;
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QVector<Row>> m_pages, m_done;
    int m_capacity;
    bool m_closed = false, m_aborted = false;
};

} // namespace crm
