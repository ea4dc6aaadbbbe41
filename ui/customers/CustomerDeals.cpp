#include "ui/customers/CustomerDeals.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/SeedNames.h"
#include "core/domain/Money.h"
#include "core/security/Permission.h"
#include "core/services/OpportunityService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>

namespace crm {

namespace {

enum Column { Name, StageColumn, Amount, Probability, ExpectedClose, Owner, StatusColumn, ColumnCount };

const QString kNone = QStringLiteral("—");

bool hidden(const Opportunity &o, const char *field)
{
    return o.hiddenFields.contains(QLatin1String(field));
}

// The count of deals with one status and, when it can be told, their sum.
struct Tally
{
    int count = 0;
    qint64 sumMinor = 0;
};

} // namespace

CustomerDeals::CustomerDeals(Session &session, qint64 customerId, QWidget *parent)
    : QWidget(parent), m_session(session), m_customerId(customerId), m_summaryLabel(new QLabel(this)),
      m_status(new QLabel(this)), m_list(new QTreeWidget(this)), m_newDeal(new QPushButton(tr("New deal…"), this))
{
    m_summaryLabel->setObjectName(QStringLiteral("dealsSummary"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("dealsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_newDeal->setObjectName(QStringLiteral("newDeal"));
    m_newDeal->setEnabled(session.actor().can(Permission::OpportunityWrite));
    connect(m_newDeal, &QPushButton::clicked, this, &CustomerDeals::newDealRequested);

    m_list->setObjectName(QStringLiteral("deals"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Name"), tr("Stage"), tr("Amount"), tr("Probability"), tr("Expected close"), tr("Owner"),
                             tr("Status")});
    m_list->setRootIsDecorated(false);
    m_list->setSortingEnabled(false); // the service's order (newest first) is the one that means something here
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->headerItem()->setTextAlignment(Amount, Qt::AlignRight | Qt::AlignVCenter);
    // Double-click and Enter (or a single click where the platform activates on one).
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item, int) {
        if (item)
            Q_EMIT openDealRequested(item->data(Name, Qt::UserRole).toLongLong());
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_summaryLabel, 1);
    top->addWidget(m_newDeal);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    // A burst of changes (a pipeline board drag, an import) is one reload. The change names an
    // opportunity, not its customer, so any deal's change reloads: one indexed query for one customer.
    // A renamed stage ("pipeline") changes the Stage column.
    m_reloadSoon = new ReloadSoon(
        session.feed(), 300,
        [](const Change &c) { return c.entity == QLatin1String("opportunity") || c.entity == QLatin1String("pipeline"); },
        [this] { reload(); }, this);
    // A new role may grant or take opportunity.write and hide or show fields.
    connect(&session, &Session::actorChanged, this, [this] {
        m_newDeal->setEnabled(m_session.actor().can(Permission::OpportunityWrite));
        reload();
    });
    reload();
}

void CustomerDeals::reload()
{
    m_reloadSoon->cancel();
    const int generation = ++m_generation;
    const Actor actor = m_session.actor();
    m_status->setText(tr("Loading…"));
    m_session.worker().run(
        this,
        [actor, customerId = m_customerId](Database &db) {
            OpportunityFilter f;
            f.customerId = customerId;
            f.sort = OpportunitySort::Newest;
            f.limit = kLimit;
            return OpportunityService(db).list(actor, f);
        },
        [this, generation](Result<OpportunityPage> page) {
            if (generation != m_generation)
                return;
            if (!page) {
                m_deals.clear();
                m_capped = false;
                m_list->clear();
                m_summaryLabel->clear();
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(page.error())));
                Q_EMIT loaded();
                return;
            }
            m_deals = page->opportunities;
            m_capped = page->hasMore;
            showDeals();
            m_summaryLabel->setText(summaryText());
            m_status->setText(m_capped ? tr("Showing the newest %1").arg(kLimit) : QString());
            Q_EMIT loaded();
        });
}

void CustomerDeals::showDeals()
{
    // The row the user was on stays current across a reload (the list reloads on every deal's change).
    const QTreeWidgetItem *current = m_list->currentItem();
    const qint64 currentId = current ? current->data(Name, Qt::UserRole).toLongLong() : 0;
    m_list->clear();
    const QString hiddenText = tr("Hidden");
    const QString hiddenTip = tr("Hidden by your role");
    QTreeWidgetItem *restore = nullptr;
    QList<QTreeWidgetItem *> items;
    items.reserve(m_deals.size());
    for (const Opportunity &o : std::as_const(m_deals)) {
        auto *item = new QTreeWidgetItem;
        item->setText(Name, o.name);
        item->setToolTip(Name, o.name);
        item->setData(Name, Qt::UserRole, o.id);
        item->setText(StageColumn, SeedNames::stage(o.stageName));

        if (hidden(o, "amountMinor")) {
            item->setText(Amount, hiddenText);
            item->setToolTip(Amount, hiddenTip);
        } else {
            item->setText(Amount, DisplayFormat::dealAmount(o));
        }
        item->setTextAlignment(Amount, Qt::AlignRight | Qt::AlignVCenter);

        if (hidden(o, "probability")) {
            item->setText(Probability, hiddenText);
            item->setToolTip(Probability, hiddenTip);
        } else {
            item->setText(Probability, QStringLiteral("%1%").arg(o.probability));
        }
        item->setTextAlignment(Probability, Qt::AlignRight | Qt::AlignVCenter);

        if (hidden(o, "expectedCloseDate")) {
            item->setText(ExpectedClose, hiddenText);
            item->setToolTip(ExpectedClose, hiddenTip);
        } else {
            item->setText(ExpectedClose, o.expectedCloseDate.isValid() ? DisplayFormat::date(o.expectedCloseDate) : kNone);
        }

        // Opportunities have no public pool: no owner means the owner's account is gone.
        item->setText(Owner, o.ownerId ? o.ownerName : kNone);

        item->setText(StatusColumn, DisplayFormat::dealStatus(o.status));
        if (o.status == QLatin1String("lost")) {
            // Why it was lost is what a rep wants to know before calling again.
            if (hidden(o, "lossReason"))
                item->setToolTip(StatusColumn, hiddenTip);
            else if (!o.lossReason.isEmpty())
                item->setToolTip(StatusColumn, tr("Lost: %1").arg(o.lossReason));
        }

        if (currentId && o.id == currentId)
            restore = item;
        items << item;
    }
    m_list->addTopLevelItems(items);
    if (restore)
        m_list->setCurrentItem(restore);
}

QString CustomerDeals::summaryText() const
{
    if (m_deals.isEmpty())
        return tr("No deals yet");
    Tally open, won;
    // Minor units of different currencies cannot be added, and a hidden amount reads 0: sums only
    // when every counted amount is visible and in one currency, and while they fit in 64 bits.
    bool summable = true;
    QString currency;
    for (const Opportunity &o : m_deals) {
        Tally *t = o.status == QLatin1String("open") ? &open : o.status == QLatin1String("won") ? &won : nullptr;
        if (!t)
            continue;
        ++t->count;
        if (currency.isEmpty())
            currency = o.currency;
        if (o.currency != currency || hidden(o, "amountMinor"))
            summable = false;
        if (summable) {
            const std::optional<qint64> sum = Money::add(t->sumMinor, o.amountMinor);
            if (sum)
                t->sumMinor = *sum;
            else
                summable = false;
        }
    }
    auto amount = [&currency](qint64 minor) -> QString { return DisplayFormat::money(minor) + QLatin1Char(' ') + currency; };
    if (summable && !currency.isEmpty()) // empty: only lost deals, nothing to sum
        return tr("%n open deal(s) worth %1", nullptr, open.count).arg(amount(open.sumMinor)) + QStringLiteral(" · ")
            + tr("%n won worth %1", nullptr, won.count).arg(amount(won.sumMinor));
    return tr("%n open deal(s)", nullptr, open.count) + QStringLiteral(" · ") + tr("%n won", nullptr, won.count);
}

} // namespace crm
