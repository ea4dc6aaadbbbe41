#pragma once

#include <QString>
#include <QtGlobal>

#include <atomic>
#include <functional>

namespace crm {

// How far a long import or export has come. `total` is 0 when unknown (a CSV's row count is not
// known before the end; its byte count is: `fraction` then comes from bytes read).
struct TaskProgress
{
    QString phase; // "reading", "writing", "indexing"
    qint64 done = 0; // rows handled so far
    qint64 total = 0; // rows expected, 0 if unknown
    double fraction = 0; // 0..1, best estimate
};

// Called from the working thread, at most a few times a second: keep it cheap. A desktop progress
// dialog forwards it with a queued signal; the command line prints it on stderr.
using ProgressCallback = std::function<void(const TaskProgress &)>;

// Set from any thread to stop the task; the task checks it between rows. A cancelled import has
// written nothing; a cancelled export leaves no partial file behind.
using CancelFlag = std::atomic<bool>;

} // namespace crm
