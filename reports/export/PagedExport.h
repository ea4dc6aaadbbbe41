#pragma once

#include "core/Result.h"
#include "core/storage/Database.h"
#include "reports/Progress.h"
#include "reports/export/ExportColumn.h"
#include "reports/export/PageQueue.h"
#include "reports/export/RecordSink.h"

#include <QElapsedTimer>

#include <atomic>
#include <functional>
#include <thread>

namespace crm {

// What every export takes besides its entity's filter.
struct ExportSettings
{
    ExportFormat format = ExportFormat::Csv;
    bool chineseHeaders = false; // Chinese headers (and value labels where the entity has them)
    ProgressCallback progress;
    const CancelFlag *cancel = nullptr;
};

// An export's options: the settings plus the filter of the entity's list (its paging fields are the
// exporter's own).
template <typename Filter>
struct EntityExportOptions : ExportSettings
{
    Filter filter;
};

struct ExportSummary
{
    qint64 rows = 0;
    qint64 elapsedMs = 0;
    bool masked = false; // phones and emails were masked (no Permission::CustomerExportUnmasked)
    QStringList hiddenColumns; // left out by the actor's field rules
};

template <typename Row>
struct ExportPage
{
    QVector<Row> rows;
    bool more = false;
};

// What an entity's exporter provides: its columns and two functions. `nextPage` runs on the calling
// thread inside the export's read transaction and keeps its own keyset cursor; `writeRow` runs on the
// writing thread and must touch nothing but the row, the sink and constant state.
template <typename Row>
struct PagedExportSource
{
    QVector<ExportColumn> columns;
    QString sheetName; // XLSX worksheet
    std::function<Result<qint64>()> count; // rows expected, for progress; empty: unknown
    std::function<Result<ExportPage<Row>>()> nextPage;
    std::function<void(RecordSink &, const Row &)> writeRow;
};

// The loop every export shares: all pages read in one read transaction (one consistent snapshot, a
// few pages in memory), formatted and written by a second thread so reading and writing overlap,
// progress after each page, cancel between pages. The file is written under a temporary name and
// moved into place at the end: a cancelled or failed export leaves nothing. Returns the rows written.
class PagedExport
{
public:
    template <typename Row>
    static Result<qint64> run(Database &db, const QString &path, const ExportSettings &settings,
                              const PagedExportSource<Row> &source)
    {
        std::unique_ptr<RecordSink> sink = RecordSink::create(settings.format, path, settings.chineseHeaders, source.sheetName);
        std::atomic<qint64> written{0};
        Status result = db.read([&]() -> Status {
            qint64 total = 0;
            if (source.count) {
                auto counted = source.count();
                if (!counted)
                    return counted.error();
                total = *counted;
            }
            if (Status st = sink->begin(source.columns); !st)
                return st;
            PageQueue<Row> queue(3);
            Status writeStatus;
            std::thread writer([&] {
                while (auto page = queue.pop()) {
                    for (const Row &row : std::as_const(*page)) {
                        source.writeRow(*sink, row);
                        if (Status st = sink->endRow(); !st) {
                            writeStatus = st;
                            queue.abort();
                            return;
                        }
                    }
                    written += page->size();
                    queue.recycle(std::move(*page));
                }
            });
            TaskProgress progress{QStringLiteral("writing"), 0, total, 0};
            auto report = [&](qint64 done, bool last) {
                if (!settings.progress)
                    return;
                progress.done = done;
                progress.fraction = last ? 1.0 : total > 0 ? qMin(1.0, double(done) / double(total)) : 0.0;
                settings.progress(progress);
            };
            Status readStatus;
            for (;;) {
                if (settings.cancel && settings.cancel->load()) {
                    readStatus = Error{QStringLiteral("cancelled"), QStringLiteral("The export was cancelled"), {}};
                    break;
                }
                queue.freeRecycled();
                auto page = source.nextPage();
                if (!page) {
                    readStatus = page.error();
                    break;
                }
                const bool more = page->more && !page->rows.isEmpty();
                if (!queue.push(std::move(page).value().rows))
                    break; // the writer failed; its error is reported below
                report(written.load(), false);
                if (!more)
                    break;
            }
            if (readStatus.ok())
                queue.close();
            else
                queue.abort();
            writer.join();
            queue.freeRecycled();
            if (!readStatus)
                return readStatus;
            if (!writeStatus)
                return writeStatus;
            report(written.load(), true);
            return {};
        });
        if (!result) {
            sink->abandon();
            return result.error();
        }
        if (Status st = sink->finish(); !st)
            return st.error();
        return written.load();
    }
};

} // namespace crm
