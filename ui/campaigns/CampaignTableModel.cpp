#include "ui/campaigns/CampaignTableModel.h"

#include "core/services/CampaignService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"

#include <QLocale>

#include <algorithm>

namespace crm {

CampaignTableModel::CampaignTableModel(DbWorker &worker, QObject *parent) : KeysetTableModel(worker, parent) {}

QString CampaignTableModel::statusLabel(const QString &code)
{
    if (code == QLatin1String("planned"))
        return tr("Planned", "campaign status");
    if (code == QLatin1String("active"))
        return tr("Active", "campaign status");
    if (code == QLatin1String("finished"))
        return tr("Finished", "campaign status");
    if (code == QLatin1String("cancelled"))
        return tr("Cancelled", "campaign status");
    return code;
}

QString CampaignTableModel::participantStatusLabel(const QString &code)
{
    if (code == QLatin1String("invited"))
        return tr("Invited", "campaign participant status");
    if (code == QLatin1String("responded"))
        return tr("Responded", "campaign participant status");
    if (code == QLatin1String("converted"))
        return tr("Converted", "campaign participant status");
    if (code == QLatin1String("declined"))
        return tr("Declined", "campaign participant status");
    return code;
}

QStringList CampaignTableModel::choiceLabels(const QVector<Campaign> &campaigns)
{
    const auto repeated = [&campaigns](const QString &name) {
        return std::count_if(campaigns.begin(), campaigns.end(), [&name](const Campaign &c) { return c.name == name; }) > 1;
    };
    QStringList labels;
    for (const Campaign &c : campaigns) {
        QString label = c.name;
        if (repeated(c.name) && c.startDate.isValid())
            label = tr("%1 (from %2)").arg(c.name, dateText(c.startDate));
        if (labels.contains(label) || (repeated(c.name) && !c.startDate.isValid()))
            label += QStringLiteral(" #") + QString::number(c.id);
        labels << label;
    }
    return labels;
}

QString CampaignTableModel::dateText(const QDate &date)
{
    // The same short form DisplayFormat::date gives timestamps.
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

void CampaignTableModel::setQuery(const Actor &actor, const QString &status)
{
    m_actor = actor;
    m_status = status;
    startQuery();
}

void CampaignTableModel::fetch(qint64 afterId, int rows)
{
    CampaignFilter f;
    f.status = m_status;
    f.limit = kPageSize;
    const bool first = afterId == 0;
    worker().run(
        this,
        [actor = m_actor, f, afterId, rows](Database &db) mutable {
            CampaignService svc(db);
            return readPages(
                afterId, rows,
                [&](qint64 after) {
                    f.afterId = after;
                    return svc.list(actor, f);
                },
                &CampaignPage::campaigns, &Campaign::id);
        },
        [this, generation = currentGeneration(), first](const Result<Page<Campaign>> &reply) {
            applyPage(m_rows, generation, first, reply);
        });
}

int CampaignTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CampaignTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Campaign &c = m_rows.at(index.row());
    if (role == IdRole)
        return c.id;
    if (role == StatusCodeRole)
        return c.status;
    if (role == Qt::TextAlignmentRole && index.column() == Budget)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name: return c.name;
    case Status: return statusLabel(c.status);
    case Start: return dateText(c.startDate);
    case End: return dateText(c.endDate);
    case Goal: return c.goal;
    case Budget: return tr("%1 %2").arg(DisplayFormat::money(c.budgetMinor), c.currency);
    case CreatedBy: return c.ownerName;
    default: return {};
    }
}

QVariant CampaignTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Status: return tr("Status");
    case Start: return tr("Start");
    case End: return tr("End");
    case Goal: return tr("Goal");
    case Budget: return tr("Budget");
    case CreatedBy: return tr("Created by");
    default: return {};
    }
}

} // namespace crm
