#pragma once

#include "core/Result.h"
#include "core/domain/Lead.h"
#include "core/security/Actor.h"

#include <QAbstractTableModel>
#include <QVector>

namespace crm {

class DbWorker;

// The leads of one LeadFilter in the actor's scope, newest first, as table rows. Only the first page
// (200 rows) is read up front; more come through canFetchMore()/fetchMore() as the table scrolls, each
// page by keyset (afterId) on a DbWorker, so the GUI thread never waits. The total comes from
// LeadService::count with the first page. QtCore only.
class LeadTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Company, Phone, Email, Source, Status, Owner, Created, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusCodeRole };
    static constexpr int kPageSize = 200;

    explicit LeadTableModel(DbWorker &worker, QObject *parent = nullptr);

    // The query (paging fields of `filter` are ignored); reads its first page and count.
    void setQuery(const Actor &actor, const LeadFilter &filter);
    const LeadFilter &filter() const { return m_filter; }
    // Reads the loaded rows again (at least a page) and the count; replies to older reads are dropped.
    void reload();

    // The translated word for a lead status code (new, contacted, qualified, disqualified, converted).
    static QString statusLabel(const QString &code);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const Lead &leadAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 leadId) const;
    qint64 total() const { return m_total; }
    bool hasMore() const { return m_hasMore; }
    bool isLoading() const { return m_loading; }
    QString lastError() const { return m_error; }

Q_SIGNALS:
    // A read finished (or failed: lastError()).
    void loaded();

private:
    struct Reply
    {
        LeadPage page;
        qint64 total = -1; // -1: not counted in this read
    };
    // Reads `rows` leads (whole pages) after afterId (0: from the start, replacing the rows).
    void fetch(qint64 afterId, int rows);
    void onReply(int generation, bool first, Result<Reply> reply);

    DbWorker &m_worker;
    Actor m_actor;
    LeadFilter m_filter;
    QVector<Lead> m_rows;
    qint64 m_total = 0;
    bool m_hasMore = false;
    bool m_loading = false;
    bool m_queried = false;
    int m_generation = 0;
    QString m_error;
};

} // namespace crm
