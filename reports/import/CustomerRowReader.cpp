#include "reports/import/CustomerRowReader.h"

#include "reports/import/CustomerRowParser.h"
#include "reports/table/RowSource.h"

namespace crm {

CustomerRowReader::CustomerRowReader(RowSource &source, const CustomerRowParser &parser, Check check, const CancelFlag *cancel,
                                     int keptRows)
    : m_source(source), m_keptPages(keptRows / kPageRows + 1), m_parser(parser), m_check(std::move(check)), m_cancel(cancel)
{
    m_thread = std::thread([this] { read(); });
}

CustomerRowReader::~CustomerRowReader()
{
    m_queue.abort();
    m_thread.join();
}

void CustomerRowReader::read()
{
    QVector<ParsedCustomerRow> page;
    page.reserve(kPageRows);
    QStringList cells;
    for (;;) {
        if (m_cancel && m_cancel->load())
            break;
        auto more = m_source.next(cells);
        if (!more) {
            m_failure = more.error();
            break;
        }
        if (!*more)
            break;
        if (m_parser.isBlank(cells))
            continue;
        ParsedCustomerRow row;
        row.rowNumber = m_source.rowNumber();
        row.fraction = m_source.fraction();
        row.contact = m_parser.contact(cells);
        if (Status st = m_parser.parse(cells, row.customer); !st)
            row.error = st.error();
        else if (Status checked = m_check(row.customer); !checked)
            row.error = checked.error();
        else if (row.contact)
            if (Status contact = CustomerRowParser::checkContact(*row.contact); !contact)
                row.error = contact.error();
        row.cells = std::move(cells);
        cells = {};
        cells.reserve(row.cells.size()); // the next row's cells, without growing the list cell by cell
        page.append(std::move(row));
        if (page.size() == kPageRows) {
            m_queue.freeRecycled();
            if (!m_queue.push(std::exchange(page, {})))
                return; // the caller stopped
            page.reserve(kPageRows);
        }
    }
    if (!page.isEmpty() && !m_queue.push(std::move(page)))
        return;
    m_queue.close();
}

Result<ParsedCustomerRow *> CustomerRowReader::next()
{
    if (m_at == m_page.size()) {
        if (!m_page.isEmpty()) {
            m_kept.push_back(std::exchange(m_page, {}));
            if (int(m_kept.size()) > m_keptPages) {
                m_queue.recycle(std::move(m_kept.front())); // freed by the thread that allocated it
                m_kept.pop_front();
            }
        }
        m_at = 0;
        auto page = m_queue.pop();
        if (!page) {
            // Closed: the reading thread has finished, and wrote m_failure before closing.
            if (m_failure)
                return *m_failure;
            return nullptr;
        }
        m_page = std::move(*page);
    }
    return &m_page[m_at++];
}

} // namespace crm
