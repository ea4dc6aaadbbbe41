#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"
#include "reports/Progress.h"
#include "reports/export/PageQueue.h"

#include <QStringList>

#include <deque>
#include <functional>
#include <optional>
#include <thread>

namespace crm {

class CustomerRowParser;
class RowSource;

// One data row of a customer import: its cells, where it is in the file, and the customer read from
// it and checked, or why that failed.
struct ParsedCustomerRow
{
    QStringList cells;
    qint64 rowNumber = 0; // as RowSource::rowNumber() gave it
    double fraction = 0; // RowSource::fraction() after the row
    Customer customer;
    std::optional<Contact> contact; // the contact person the row names, checked with the customer
    std::optional<Error> error; // the row could not be read or failed the check
};

// Reads, parses and checks an import file's rows on a thread of its own, so that this work overlaps
// the database writes of the thread that calls next() (a million-row import spent a sixth of its
// time reading and checking rows, on one of the two cores). Rows come in file order; blank rows are
// skipped. `check` runs on the reading thread: it must not touch the database (or anything else the
// calling thread uses). The source and the parser belong to the reader until it is destroyed.
//
// Memory a thread allocates is freed by that thread: a free from the other thread takes the
// allocator's lock of the allocating thread's arena, and with both threads allocating all the time
// that lock made the import slower with two threads than with one (the reading thread spent most of
// its time in malloc and futex calls). So rows stay in their page, and a page goes back to the reading
// thread only when the caller is done with its rows, including the copies it kept: `keptRows` is how
// many rows the caller may hold on to (its write batch), and next() may free a row once that many
// later rows have been handed out.
class CustomerRowReader
{
public:
    using Check = std::function<Status(Customer &)>;

    CustomerRowReader(RowSource &source, const CustomerRowParser &parser, Check check, const CancelFlag *cancel, int keptRows);
    // Stops the reading thread (if it is still reading) and waits for it.
    ~CustomerRowReader();
    CustomerRowReader(const CustomerRowReader &) = delete;
    CustomerRowReader &operator=(const CustomerRowReader &) = delete;

    // The next row (null after the last one), or the error that ended reading the file. After a
    // cancel the rows simply end: the caller checks its cancel flag. The caller may change the row.
    Result<ParsedCustomerRow *> next();

private:
    void read();

    static constexpr int kPageRows = 256;
    RowSource &m_source;
    int m_keptPages; // handed-out pages held back from the reading thread
    const CustomerRowParser &m_parser;
    Check m_check;
    const CancelFlag *m_cancel;
    PageQueue<ParsedCustomerRow> m_queue{4};
    std::optional<Error> m_failure; // written by the reading thread before it closes the queue
    QVector<ParsedCustomerRow> m_page;
    qsizetype m_at = 0;
    std::deque<QVector<ParsedCustomerRow>> m_kept;
    std::thread m_thread;
};

} // namespace crm
