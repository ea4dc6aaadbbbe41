#include "ui/pipeline/StageColumnModel.h"

#include "core/ErrorText.h"
#include "core/services/OpportunityService.h"
#include "ui/DbWorker.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace crm {

const QString StageColumnModel::kMimeType = QStringLiteral("application/x-crm-opportunity");

StageColumnModel::StageColumnModel(DbWorker &worker, const Stage &stage, QObject *parent)
    : QAbstractListModel(parent), m_worker(worker), m_stage(stage)
{
}

void StageColumnModel::setQuery(const Actor &actor, const OpportunityFilter &filter)
{
    m_actor = actor;
    m_filter = filter;
    m_filter.pipelineId = m_stage.pipelineId;
    m_filter.stageId = m_stage.id;
    m_filter.statuses.clear();
    m_filter.sort = OpportunitySort::Newest;
    m_filter.limit = kPageSize;
    m_filter.offset = 0;
    m_filter.afterId = 0;
    m_filter.afterKey = QVariant();
    m_queried = true;
    ++m_generation;
    fetch(0, kPageSize); // a new query starts at its first page
}

void StageColumnModel::reload()
{
    if (!m_queried)
        return;
    ++m_generation;
    // As many cards as were loaded, so that a change elsewhere does not take a user who scrolled
    // down back to the top. The rows stay on screen until the fresh ones replace them.
    const int loaded = int(m_rows.size());
    fetch(0, std::max(kPageSize, (loaded + kPageSize - 1) / kPageSize * kPageSize));
}

void StageColumnModel::fetch(qint64 afterId, int rows)
{
    m_loading = true;
    m_pendingFirst = afterId == 0;
    OpportunityFilter f = m_filter;
    f.afterId = afterId;
    const Actor actor = m_actor;
    const int generation = m_generation;
    m_worker.run(
        this,
        [actor, f, rows](Database &db) mutable -> Result<OpportunityPage> {
            // Page after page by keyset, in one job: the answer is one consistent replacement.
            OpportunityService svc(db);
            OpportunityPage all;
            do {
                auto page = svc.list(actor, f);
                if (!page)
                    return page.error();
                all.opportunities += page->opportunities;
                all.hasMore = page->hasMore;
                if (page->opportunities.isEmpty())
                    break;
                f.afterId = page->opportunities.last().id;
            } while (all.hasMore && all.opportunities.size() < rows);
            return all;
        },
        [this, generation](Result<OpportunityPage> page) { onPage(generation, std::move(page)); });
}

void StageColumnModel::onPage(int generation, Result<OpportunityPage> page)
{
    if (generation != m_generation)
        return; // a reload started after this read: its own answer follows
    // A first page replaces the rows; a later one appends. The state is complete before the views
    // hear of the rows: a view may call canFetchMore()/fetchMore() from inside the signals.
    const bool first = m_pendingFirst;
    m_pendingFirst = false;
    if (!page) {
        m_error = ErrorText::message(page.error());
        if (first && !m_rows.isEmpty()) {
            beginResetModel();
            m_rows.clear();
            m_hasMore = false;
            endResetModel();
        }
    } else {
        m_error.clear();
        if (first) {
            beginResetModel();
            m_rows = page->opportunities;
            m_hasMore = page->hasMore;
            endResetModel();
        } else if (!page->opportunities.isEmpty()) {
            const int from = int(m_rows.size());
            m_hasMore = page->hasMore;
            beginInsertRows({}, from, from + int(page->opportunities.size()) - 1);
            m_rows += page->opportunities;
            endInsertRows();
        } else {
            m_hasMore = false;
        }
    }
    m_loading = false;
    Q_EMIT pageLoaded();
}

int StageColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant StageColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Opportunity &o = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return o.name;
    case Qt::ToolTipRole: return QString(o.customerName + QStringLiteral(" — ") + o.name);
    case IdRole: return o.id;
    case VersionRole: return o.version;
    case StageIdRole: return o.stageId;
    case CustomerIdRole: return o.customerId;
    case CustomerNameRole: return o.customerName;
    case AmountMinorRole: return o.amountMinor;
    case CurrencyRole: return o.currency;
    case ProbabilityRole: return o.probability;
    case OwnerNameRole: return o.ownerName;
    case StageEnteredAtRole: return o.stageEnteredAt;
    case ExpectedCloseRole: return o.expectedCloseDate;
    case HiddenFieldsRole: return QStringList(o.hiddenFields.begin(), o.hiddenFields.end());
    default: return {};
    }
}

QHash<int, QByteArray> StageColumnModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(VersionRole, "version");
    names.insert(StageIdRole, "stageId");
    names.insert(CustomerIdRole, "customerId");
    names.insert(CustomerNameRole, "customerName");
    names.insert(NameRole, "name");
    names.insert(AmountMinorRole, "amountMinor");
    names.insert(CurrencyRole, "currency");
    names.insert(ProbabilityRole, "probability");
    names.insert(OwnerNameRole, "ownerName");
    names.insert(StageEnteredAtRole, "stageEnteredAt");
    names.insert(ExpectedCloseRole, "expectedCloseDate");
    names.insert(HiddenFieldsRole, "hiddenFields");
    return names;
}

Qt::ItemFlags StageColumnModel::flags(const QModelIndex &index) const
{
    // Cards drag; the column itself (the invalid parent) takes drops, never a card (no drop "into" one).
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

bool StageColumnModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_fetchEnabled && m_hasMore && !m_loading;
}

void StageColumnModel::setFetchEnabled(bool enabled)
{
    m_fetchEnabled = enabled;
}

void StageColumnModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_rows.isEmpty())
        return;
    fetch(m_rows.last().id, kPageSize);
}

int StageColumnModel::rowOf(qint64 opportunityId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == opportunityId)
            return i;
    return -1;
}

QStringList StageColumnModel::mimeTypes() const
{
    return {kMimeType};
}

QMimeData *StageColumnModel::mimeData(const QModelIndexList &indexes) const
{
    // One card at a time: a board move is one opportunity, with its own version check.
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || index.model() != this)
            continue;
        const Opportunity &o = m_rows.at(index.row());
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << o.id << qint32(o.version) << o.stageId;
        auto *mime = new QMimeData;
        mime->setData(kMimeType, bytes);
        return mime;
    }
    return nullptr;
}

std::optional<StageColumnModel::Card> StageColumnModel::decode(const QMimeData *data)
{
    if (!data || !data->hasFormat(kMimeType))
        return std::nullopt;
    QByteArray bytes = data->data(kMimeType);
    QDataStream in(&bytes, QIODevice::ReadOnly);
    Card card;
    qint32 version = 0;
    in >> card.id >> version >> card.fromStageId;
    if (in.status() != QDataStream::Ok || card.id <= 0)
        return std::nullopt;
    card.version = version;
    return card;
}

Qt::DropActions StageColumnModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions StageColumnModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

bool StageColumnModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &) const
{
    if (action != Qt::MoveAction)
        return false;
    const auto card = decode(data);
    return card && card->fromStageId != m_stage.id;
}

bool StageColumnModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const Card card = *decode(data);
    Q_EMIT moveRequested(card.id, card.version, card.fromStageId, m_stage.id);
    // The source view removes nothing (this model has no removeRows): the card stays where it is
    // until the core has moved it, and goes nowhere when the move is refused.
    return true;
}

} // namespace crm
