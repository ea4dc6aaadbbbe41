#include "ui/tasks/ClosingDealsPanel.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/SeedNames.h"
#include "core/security/Permission.h"
#include "core/services/OpportunityService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"

#include <QColor>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace crm {

namespace {

enum Column { Name, Customer, StageColumn, Amount, Close, Owner, ColumnCount };

const QColor kOverdue(0xb3, 0x26, 0x1e); // the warning red of the other views' messages

bool overdue(const Opportunity &o, const QDate &today)
{
    return o.expectedCloseDate.isValid() && o.expectedCloseDate < today;
}

} // namespace

ClosingDealsPanel::ClosingDealsPanel(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_owners(new QComboBox(this)), m_table(new QTableWidget(0, ColumnCount, this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("closingDeals"));
    auto *heading = new QLabel(tr("Deals closing soon"), this);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    heading->setToolTip(tr("Open deals expected to close in the next %n day(s) or already past that date", nullptr, kDaysAhead));

    m_owners->setObjectName(QStringLiteral("closingDealsOwners"));
    m_owners->addItem(tr("Mine"), int(Owners::Mine));
    m_owners->addItem(tr("My team"), int(Owners::Team));
    m_owners->setItemData(1, tr("Everyone in your scope"), Qt::ToolTipRole);

    m_table->setObjectName(QStringLiteral("closingDealsTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("Opportunity"), tr("Customer"), tr("Stage"), tr("Amount"), tr("Expected close"), tr("Owner")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    // At most kLimit rows, as the task list: sizing the short columns to their contents is cheap.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_status->setObjectName(QStringLiteral("closingDealsStatus"));
    m_status->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(heading);
    top->addStretch();
    top->addWidget(m_owners);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    connect(m_owners, &QComboBox::currentIndexChanged, this, &ClosingDealsPanel::reload);
    // Enter and double-click (or a single click where the platform activates on one).
    connect(m_table, &QAbstractItemView::activated, this, &ClosingDealsPanel::openCurrent);
    m_reloadSoon = new ReloadSoon(
        session.feed(), 200, [](const Change &c) { return c.entity == QLatin1String("opportunity"); }, [this] { reload(); }, this);
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, &ClosingDealsPanel::reload);
    // A new scope may add or remove the team; a lost permission rebuilds the whole window.
    connect(&session, &Session::actorChanged, this, [this] {
        updateOwnersChoice();
        reload();
    });
    updateOwnersChoice();
    // A manager runs a team: their reps' deals first (they may own none themselves); "Mine" is a click away.
    if (offersTeam()) {
        const QSignalBlocker block(m_owners);
        m_owners->setCurrentIndex(m_owners->findData(int(Owners::Team)));
    }
    reload();
}

bool ClosingDealsPanel::offersTeam() const
{
    const Actor &a = m_session.actor();
    return a.seesAll() || std::any_of(a.visibleOwnerIds.begin(), a.visibleOwnerIds.end(), [&a](qint64 id) { return id != a.userId; });
}

void ClosingDealsPanel::updateOwnersChoice()
{
    const bool canRead = m_session.actor().can(Permission::OpportunityRead);
    m_table->setVisible(canRead);
    const bool team = canRead && offersTeam();
    if (!team && m_owners->currentIndex() != 0) {
        const QSignalBlocker block(m_owners);
        m_owners->setCurrentIndex(0);
    }
    m_owners->setVisible(team);
}

void ClosingDealsPanel::setOwners(Owners owners)
{
    m_owners->setCurrentIndex(m_owners->findData(int(owners)));
}

void ClosingDealsPanel::reload()
{
    const int generation = ++m_generation;
    const Actor actor = m_session.actor();
    if (!actor.can(Permission::OpportunityRead)) {
        m_loading = false;
        showDeals({});
        m_status->setText(tr("Deals closing soon are shown to users with the permission “%1”.")
                              .arg(DisplayFormat::permission(Permission::OpportunityRead)));
        Q_EMIT loaded();
        return;
    }
    m_loading = true;
    // The viewer's local day, as the task lists count "today".
    const QDate today = QDate::currentDate();
    OpportunityFilter filter;
    filter.statuses = {QStringLiteral("open")};
    if (Owners(m_owners->currentData().toInt()) == Owners::Mine || !offersTeam())
        filter.ownerId = actor.userId;
    filter.expectedCloseTo = today.addDays(kDaysAhead); // no lower bound: past dates are the overdue ones
    filter.sort = OpportunitySort::ExpectedClose;
    filter.limit = kLimit;
    m_status->setText(tr("Loading…"));
    reloadAtMidnight();
    m_session.worker().run(
        this, [actor, filter](Database &db) { return OpportunityService(db).list(actor, filter); },
        [this, generation, today](Result<OpportunityPage> page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!page) {
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(page.error())));
                Q_EMIT loaded();
                return;
            }
            m_today = today;
            m_capped = page->hasMore;
            showDeals(page->opportunities);
            const int late = int(std::count_if(m_deals.begin(), m_deals.end(), [today](const Opportunity &o) { return overdue(o, today); }));
            if (m_deals.isEmpty())
                m_status->setText(tr("No open deals closing in the next %n day(s) or past their date", nullptr, kDaysAhead));
            else if (m_capped)
                m_status->setText(tr("Showing the first %n deal(s), %1 of them overdue", nullptr, kLimit).arg(late));
            else
                m_status->setText(tr("%n deal(s), %1 overdue", nullptr, int(m_deals.size())).arg(late));
            Q_EMIT loaded();
        });
}

void ClosingDealsPanel::reloadAtMidnight()
{
    // "Today", "in N days" and the window itself move with the day.
    const QDateTime now = QDateTime::currentDateTime();
    const QDateTime midnight(now.date().addDays(1), QTime(0, 0));
    const qint64 ms = midnight.isValid() ? now.msecsTo(midnight) + 1000 : 3600LL * 1000;
    m_midnight.start(int(std::clamp<qint64>(ms, 1000, 25LL * 3600 * 1000)));
}

QString ClosingDealsPanel::closeText(const QDate &close, const QDate &today)
{
    if (!close.isValid())
        return QString();
    const qint64 days = today.daysTo(close);
    if (days < 0)
        return tr("Overdue by %n day(s)", nullptr, int(-days));
    if (days == 0)
        return tr("Today");
    return tr("In %n day(s)", nullptr, int(days));
}

void ClosingDealsPanel::showDeals(const QVector<Opportunity> &deals)
{
    m_deals = deals;
    m_table->setRowCount(int(deals.size()));
    for (int row = 0; row < deals.size(); ++row) {
        const Opportunity &o = deals[row];
        const QString amount = DisplayFormat::dealAmount(o);
        const QString close = o.expectedCloseDate.isValid() ? closeText(o.expectedCloseDate, m_today) : QStringLiteral("—");
        const QString cells[] = {o.name, o.customerName, SeedNames::stage(o.stageName), amount, close, o.ownerName};
        const bool isLate = overdue(o, m_today);
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == Amount)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == Close && o.expectedCloseDate.isValid())
                item->setToolTip(DisplayFormat::date(o.expectedCloseDate));
            if (isLate)
                item->setForeground(kOverdue);
            m_table->setItem(row, c, item);
        }
    }
}

void ClosingDealsPanel::openCurrent()
{
    const int row = m_table->currentRow();
    if (row >= 0 && row < m_deals.size())
        Q_EMIT openOpportunity(m_deals[row].id);
}

} // namespace crm
