#pragma once

#include "core/domain/Lead.h"
#include "core/security/Actor.h"
#include "ui/KeysetTableModel.h"

namespace crm {

class DbWorker;

// The leads of one LeadFilter in the actor's scope, newest first, as table rows. Only the first page
// (200 rows) is read up front; more come through canFetchMore()/fetchMore() as the table scrolls, each
// page by keyset (afterId) on a DbWorker, so the GUI thread never waits (KeysetTableModel). The total
// comes from LeadService::count with the first page. QtCore only.
class LeadTableModel : public KeysetTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Company, Phone, Email, Source, Status, Owner, Created, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusCodeRole };

    explicit LeadTableModel(DbWorker &worker, QObject *parent = nullptr);

    // The query (paging fields of `filter` are ignored); reads its first page and count.
    void setQuery(const Actor &actor, const LeadFilter &filter);
    const LeadFilter &filter() const { return m_filter; }
    // reload() (KeysetTableModel) reads the count again too, with the first page.

    // The translated word for a lead status code (new, contacted, qualified, disqualified, converted).
    static QString statusLabel(const QString &code);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // rowOf(leadId) is KeysetTableModel's.
    const Lead &leadAt(int row) const { return m_rows.at(row); }
    qint64 total() const { return m_total; }

private:
    struct Reply : Page<Lead>
    {
        qint64 total = -1; // -1: not counted in this read
    };
    // Reads `rows` leads (whole pages) after afterId (0: from the start, replacing the rows, and the count).
    void fetch(qint64 afterId, int rows) override;
    qint64 keyAt(int row) const override { return m_rows.at(row).id; }

    Actor m_actor;
    LeadFilter m_filter;
    QVector<Lead> m_rows;
    qint64 m_total = 0;
};

} // namespace crm
