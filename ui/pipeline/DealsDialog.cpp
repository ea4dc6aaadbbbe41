#include "ui/pipeline/DealsDialog.h"

#include "core/ErrorText.h"
#include "core/SeedNames.h"
#include "core/services/OpportunityService.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace crm {

namespace {
enum Column { Date, Name, Customer, Amount, Owner, StageName, ColumnCount };
constexpr int kPage = 200;
} // namespace

DealsDialog::DealsDialog(Session &session, const OpportunityFilter &filter, const QString &heading, DateColumn date,
                         QWidget *parent)
    : QDialog(parent), m_session(session), m_filter(filter), m_date(date), m_table(new QTableWidget(0, ColumnCount, this)),
      m_status(new QLabel(this)), m_more(new QPushButton(tr("Load more"), this))
{
    setObjectName(QStringLiteral("closedDeals"));
    setWindowTitle(heading);
    m_filter.sort = OpportunitySort::Newest;
    m_filter.limit = kPage;
    m_filter.afterId = 0;
    m_filter.offset = 0;

    auto *title = new QLabel(heading, this);
    title->setObjectName(QStringLiteral("heading"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    title->setFont(f);

    m_table->setObjectName(QStringLiteral("dealsTable"));
    m_table->setHorizontalHeaderLabels({date == DateColumn::Closed ? tr("Closed") : tr("Created"), tr("Opportunity"), tr("Customer"), tr("Amount"), tr("Owner"), tr("Stage")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    const int widths[] = {110, 200, 220, 130, 100, 100};
    for (int c = 0; c < ColumnCount; ++c)
        m_table->horizontalHeader()->resizeSection(c, widths[c]);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_ids.size())
            Q_EMIT openOpportunity(m_ids[row]);
    });

    m_status->setObjectName(QStringLiteral("dealsStatus"));
    m_more->setObjectName(QStringLiteral("loadMore"));
    m_more->setEnabled(false);
    connect(m_more, &QPushButton::clicked, this, &DealsDialog::loadMore);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_buttons = new QHBoxLayout;
    m_buttons->addWidget(m_status, 1);
    m_buttons->addWidget(m_more);
    m_buttons->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
    layout->addLayout(m_buttons);
    resize(900, 520);

    // The count of the whole filter, then the first page.
    const Actor actor = session.actor();
    const OpportunityFilter counted = m_filter;
    ++m_pending;
    m_session.worker().run(
        this, [actor, counted](Database &db) { return OpportunityService(db).count(actor, counted); },
        [this](Result<qint64> n) {
            --m_pending;
            if (n)
                m_total = *n;
            else
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(n.error())));
            updateStatus();
        });
    loadMore();
}

QPushButton *DealsDialog::addButton(const QString &text)
{
    auto *button = new QPushButton(text, this);
    m_buttons->insertWidget(m_buttons->indexOf(m_more), button);
    return button;
}

void DealsDialog::loadMore()
{
    m_more->setEnabled(false);
    const Actor actor = m_session.actor();
    const OpportunityFilter f = m_filter;
    ++m_pending;
    m_session.worker().run(
        this, [actor, f](Database &db) { return OpportunityService(db).list(actor, f); },
        [this](Result<OpportunityPage> page) {
            --m_pending;
            if (!page) {
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(page.error())));
                Q_EMIT loaded();
                return;
            }
            append(*page);
            updateStatus();
        });
}

void DealsDialog::append(const OpportunityPage &page)
{
    for (const Opportunity &o : page.opportunities) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QString amount = DisplayFormat::dealAmount(o);
        const qint64 when = m_date == DateColumn::Closed ? o.closedAt : o.createdAt;
        const QString cells[] = {when ? DisplayFormat::date(when) : QString(), o.name, o.customerName, amount,
                                 o.ownerName, SeedNames::stage(o.stageName)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c == Amount)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, c, item);
        }
        m_ids << o.id;
    }
    m_hasMore = page.hasMore;
    if (!page.opportunities.isEmpty())
        m_filter.afterId = page.opportunities.last().id;
    m_more->setEnabled(m_hasMore);
}

void DealsDialog::updateStatus()
{
    if (m_pending > 0)
        return;
    if (m_total == 0)
        m_status->setText(tr("No deals in this period"));
    else if (m_total > 0)
        m_status->setText(tr("Showing %1 of %Ln deal(s)", nullptr, int(std::min<qint64>(m_total, INT_MAX))).arg(m_ids.size()));
    Q_EMIT loaded();
}

} // namespace crm
