#include "reports/xlsx/ZipEntryStream.h"

#include "reports/xlsx/ZipWriter.h"

namespace crm {

namespace {
// One being filled, one being deflated, two waiting: enough that neither side waits for the other
// over a short stall.
constexpr int kBuffers = 4;
} // namespace

ZipEntryStream::ZipEntryStream(ZipWriter &zip) : m_zip(zip), m_buffers(kBuffers)
{
    for (std::string &b : m_buffers) {
        b.reserve(kChunkBytes + 64 * 1024); // a chunk goes out once it passes kChunkBytes
        m_free.push_back(&b);
    }
    m_current = m_free.front();
    m_free.pop_front();
    m_thread = std::thread([this] { run(); });
}

ZipEntryStream::~ZipEntryStream()
{
    stop();
}

void ZipEntryStream::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }
    m_thread.join();
}

void ZipEntryStream::handOver()
{
    std::unique_lock lock(m_mutex);
    m_full.push_back(m_current);
    m_changed.notify_all();
    m_changed.wait(lock, [&] { return !m_free.empty(); });
    m_current = m_free.front();
    m_free.pop_front();
}

void ZipEntryStream::run()
{
    while (true) {
        std::string *chunk = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [&] { return m_closed || !m_full.empty(); });
            if (m_full.empty())
                return; // closed and drained
            chunk = m_full.front();
            m_full.pop_front();
        }
        // After a failure the buffers still come back, so the caller never waits forever.
        if (!m_failed.load(std::memory_order_relaxed)) {
            if (Status st = m_zip.write(chunk->data(), chunk->size()); !st) {
                m_error = st.error();
                m_failed.store(true, std::memory_order_relaxed);
            }
        }
        chunk->clear(); // keeps its capacity
        std::lock_guard lock(m_mutex);
        m_free.push_back(chunk);
        m_changed.notify_all();
    }
}

Status ZipEntryStream::finish()
{
    if (m_thread.joinable()) {
        if (!m_current->empty())
            handOver();
        stop();
    }
    if (m_error)
        return *m_error;
    return {};
}

} // namespace crm
