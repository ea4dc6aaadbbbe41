#pragma once

#include "core/Result.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace crm {

class ZipWriter;

// Streams one entry of a ZipWriter, deflating on a thread of its own: the caller appends bytes to
// buffer() and calls handOverIfFull(); full buffers go to the thread, which passes them to the zip.
// Deflating a million-row sheet (about a gigabyte of XML) takes as long as producing it, so the two
// run side by side on two cores instead of one after the other.
//
// A fixed set of buffers goes back and forth, allocated and freed by the calling thread only (a free
// on another thread than the allocating one makes both contend for the allocator's lock), and the
// caller waits when all are full: memory stays at a few megabytes whatever the entry's size.
class ZipEntryStream
{
public:
    static constexpr size_t kChunkBytes = 1 << 20;

    // The entry must be open; it stays open when the stream is done.
    explicit ZipEntryStream(ZipWriter &zip);
    // Waits for the thread to write what it was handed (finish() first to know how that went).
    ~ZipEntryStream();
    ZipEntryStream(const ZipEntryStream &) = delete;
    ZipEntryStream &operator=(const ZipEntryStream &) = delete;

    std::string &buffer() { return *m_current; }
    void handOverIfFull()
    {
        if (m_current->size() >= kChunkBytes)
            handOver();
    }
    // A write failed: nothing more will be written, and finish() says why.
    bool failed() const { return m_failed.load(std::memory_order_relaxed); }
    // Writes what is left and waits for the thread.
    Status finish();

private:
    void handOver();
    void run();
    void stop();

    ZipWriter &m_zip;
    std::vector<std::string> m_buffers;
    std::string *m_current = nullptr;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::string *> m_full, m_free; // under m_mutex
    bool m_closed = false; // under m_mutex: no more buffers will come
    std::atomic<bool> m_failed{false};
    std::optional<Error> m_error; // written by the thread before it ends
    std::thread m_thread;
};

} // namespace crm
