#include "ui/dashboard/ActivitiesDialog.h"

#include "core/ErrorText.h"
#include "core/services/ActivityService.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace crm {

namespace {
enum Column { Time, Kind, Customer, Subject, Outcome, ColumnCount };
constexpr int kPage = 100;
} // namespace

ActivitiesDialog::ActivitiesDialog(Session &session, qint64 userId, const QString &kind, qint64 from, qint64 to,
                                   const QString &heading, QWidget *parent)
    : QDialog(parent), m_session(session), m_from(from), m_table(new QTableWidget(0, ColumnCount, this)),
      m_status(new QLabel(this)), m_more(new QPushButton(tr("Load more"), this))
{
    setObjectName(QStringLiteral("activitiesList"));
    setWindowTitle(heading);
    m_filter.userId = userId;
    m_filter.kind = kind;
    m_filter.limit = kPage;
    // Newest first from the end of the period: the cursor starts just after it.
    m_filter.after = ActivityCursor{to, 0};

    auto *title = new QLabel(heading, this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    title->setFont(f);

    m_table->setHorizontalHeaderLabels({tr("Time"), tr("Type"), tr("Customer"), tr("Subject"), tr("Outcome")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    const int widths[] = {140, 80, 220, 240, 160};
    for (int c = 0; c < ColumnCount; ++c)
        m_table->horizontalHeader()->resizeSection(c, widths[c]);
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_customerIds.size())
            Q_EMIT openCustomer(m_customerIds[row]);
    });

    m_more->setEnabled(false);
    connect(m_more, &QPushButton::clicked, this, &ActivitiesDialog::loadMore);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_more);
    bottom->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);
    resize(900, 520);
    loadMore();
}

void ActivitiesDialog::loadMore()
{
    m_more->setEnabled(false);
    m_loading = true;
    const Actor actor = m_session.actor();
    const ActivityFilter f = m_filter;
    m_session.worker().run(
        this, [actor, f](Database &db) { return ActivityService(db).listForUser(actor, f); },
        [this](Result<TimelinePage> page) {
            m_loading = false;
            if (!page)
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(page.error())));
            else
                append(*page);
            Q_EMIT loaded();
        });
}

void ActivitiesDialog::append(const TimelinePage &page)
{
    bool ended = !page.hasMore;
    for (const Activity &a : page.activities) {
        if (a.occurredAt < m_from) { // past the start of the period: the list is complete
            ended = true;
            break;
        }
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QString cells[] = {DisplayFormat::dateTime(a.occurredAt), DisplayFormat::activityKind(a.kind), a.customerName,
                                 a.subject, a.outcome};
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
        m_ids << a.id;
        m_customerIds << a.customerId;
    }
    if (page.next)
        m_filter.after = page.next;
    m_more->setEnabled(!ended);
    m_status->setText(m_ids.isEmpty() ? tr("No activities in this period") : tr("%n activit(y/ies) shown", nullptr, int(m_ids.size())));
}

} // namespace crm
