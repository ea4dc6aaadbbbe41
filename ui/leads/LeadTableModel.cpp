#include "ui/leads/LeadTableModel.h"

#include "core/services/LeadService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"

namespace crm {

LeadTableModel::LeadTableModel(DbWorker &worker, QObject *parent) : KeysetTableModel(worker, parent) {}

QString LeadTableModel::statusLabel(const QString &code)
{
    if (code == QLatin1String("new"))
        return tr("New", "lead status");
    if (code == QLatin1String("contacted"))
        return tr("Contacted", "lead status");
    if (code == QLatin1String("qualified"))
        return tr("Qualified", "lead status");
    if (code == QLatin1String("disqualified"))
        return tr("Disqualified", "lead status");
    if (code == QLatin1String("converted"))
        return tr("Converted", "lead status");
    return code;
}

void LeadTableModel::setQuery(const Actor &actor, const LeadFilter &filter)
{
    m_actor = actor;
    m_filter = filter;
    m_filter.limit = kPageSize;
    m_filter.offset = 0;
    m_filter.afterId = 0;
    startQuery();
}

void LeadTableModel::fetch(qint64 afterId, int rows)
{
    const bool first = afterId == 0;
    worker().run(
        this,
        [actor = m_actor, f = m_filter, afterId, rows, first](Database &db) mutable -> Result<Reply> {
            LeadService svc(db);
            auto pages = readPages(
                afterId, rows,
                [&](qint64 after) {
                    f.afterId = after;
                    return svc.list(actor, f);
                },
                &LeadPage::leads, &Lead::id);
            if (!pages)
                return pages.error();
            Reply reply{std::move(pages).value()};
            if (first) {
                auto total = svc.count(actor, f);
                if (!total)
                    return total.error();
                reply.total = *total;
            }
            return reply;
        },
        [this, generation = currentGeneration(), first](const Result<Reply> &reply) {
            // The total changes with the rows: 0 when the first read failed.
            applyPage(m_rows, generation, first, reply, [this](const Reply *r) { m_total = r ? r->total : 0; });
        });
}

int LeadTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lead &l = m_rows.at(index.row());
    if (role == IdRole)
        return l.id;
    if (role == StatusCodeRole)
        return l.status;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name: return l.name;
    case Company: return l.company;
    case Phone: return l.phone;
    case Email: return l.email;
    case Source: return l.source;
    case Status: return statusLabel(l.status);
    case Owner: return l.ownerId ? l.ownerName : tr("Unassigned");
    case Created: return DisplayFormat::dateTime(l.createdAt);
    default: return {};
    }
}

QVariant LeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Company: return tr("Company");
    case Phone: return tr("Phone");
    case Email: return tr("Email");
    case Source: return tr("Source");
    case Status: return tr("Status");
    case Owner: return tr("Owner");
    case Created: return tr("Created");
    default: return {};
    }
}

} // namespace crm
