#include "ui/customers/CustomerFeedback.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/CampaignService.h"
#include "core/services/FeedbackService.h"
#include "ui/DbWorker.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/customers/FeedbackDialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crm {

namespace {

struct Loaded
{
    QVector<Feedback> feedback;
    ScoreSummary summary;
    QVector<Campaign> campaigns;
};

// Campaigns are few (a company runs dozens a year); the newest hundred name the scores and fill the
// dialog's choice.
constexpr int kCampaigns = 100;

} // namespace

CustomerFeedback::CustomerFeedback(Session &session, qint64 customerId, QWidget *parent)
    : QWidget(parent), m_session(session), m_customerId(customerId), m_summaryLabel(new QLabel(this)),
      m_status(new QLabel(this)), m_list(new QTreeWidget(this)), m_add(new QPushButton(tr("Record feedback…"), this))
{
    m_summaryLabel->setObjectName(QStringLiteral("feedbackSummary"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("recordFeedback"));
    m_add->setEnabled(session.actor().can(Permission::FeedbackWrite));
    connect(m_add, &QPushButton::clicked, this, &CustomerFeedback::openDialog);

    m_list->setHeaderLabels({tr("When"), tr("Score"), tr("Comment"), tr("Campaign"), tr("By")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setUniformRowHeights(false);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summaryLabel, 1);
    top->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    m_reloadSoon = new ReloadSoon(
        session.feed(), 300,
        [](const Change &c) { return c.entity == QLatin1String("feedback") || c.entity == QLatin1String("campaign"); },
        [this] { reload(); }, this);
    reload();
}

void CustomerFeedback::reload()
{
    const int generation = ++m_generation;
    const Actor actor = m_session.actor();
    m_status->setText(tr("Loading…"));
    m_session.worker().run(
        this,
        [actor, customerId = m_customerId](Database &db) -> Result<Loaded> {
            Loaded out;
            FeedbackService svc(db);
            auto list = svc.list(actor, customerId, kLimit);
            if (!list)
                return list.error();
            out.feedback = *list;
            auto summary = svc.averageForCustomer(actor, customerId);
            if (!summary)
                return summary.error();
            out.summary = *summary;
            if (actor.can(Permission::CampaignRead)) {
                CampaignFilter filter;
                filter.limit = kCampaigns;
                auto page = CampaignService(db).list(actor, filter);
                if (!page)
                    return page.error();
                out.campaigns = page->campaigns;
            }
            return out;
        },
        [this, generation](Result<Loaded> result) {
            if (generation != m_generation)
                return;
            m_list->clear();
            if (!result) {
                m_status->setText(tr("Loading failed: %1").arg(ErrorText::message(result.error())));
                Q_EMIT loaded();
                return;
            }
            m_feedback = result->feedback;
            m_summary = result->summary;
            m_campaigns.clear();
            m_campaignNames.clear();
            for (const Campaign &c : std::as_const(result->campaigns)) {
                m_campaignNames.insert(c.id, c.name);
                if (c.status != QLatin1String("cancelled"))
                    m_campaigns << c;
            }
            for (const Feedback &f : std::as_const(m_feedback)) {
                const QString campaign = f.campaignId ? m_campaignNames.value(*f.campaignId) : QString();
                auto *item = new QTreeWidgetItem(m_list, {DisplayFormat::dateTime(f.createdAt), FeedbackDialog::stars(f.score),
                                                          f.comment, campaign, f.userName});
                item->setToolTip(1, QString::number(f.score));
                item->setToolTip(2, f.comment);
            }
            m_summaryLabel->setText(summaryText());
            m_status->setText(m_feedback.isEmpty() ? tr("No feedback yet") : QString());
            Q_EMIT loaded();
        });
}

QString CustomerFeedback::summaryText() const
{
    if (m_summary.count == 0)
        return tr("No satisfaction score yet");
    const QString average = DisplayFormat::money(m_summary.averageX100); // kept in hundredths: "4.67", never through a double
    QStringList perScore;
    for (int s = 5; s >= 1; --s)
        perScore << QStringLiteral("%1 × %2").arg(QString::number(s), QString::number(m_summary.perScore[s - 1]));
    return tr("Average %1 from %n score(s)", nullptr, int(m_summary.count)).arg(average) + QStringLiteral("  (")
        + perScore.join(QStringLiteral(", ")) + QLatin1Char(')');
}

void CustomerFeedback::openDialog()
{
    FeedbackDialog dialog(m_campaigns, this);
    if (dialog.exec() == QDialog::Accepted)
        record(dialog.score(), dialog.comment(), dialog.campaignId());
}

void CustomerFeedback::record(int score, const QString &comment, std::optional<qint64> campaignId)
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this,
        [actor, customerId = m_customerId, score, comment, campaignId](Database &db) {
            return FeedbackService(db).add(actor, customerId, score, comment, campaignId);
        },
        [this](Result<Feedback> added) {
            if (!added) {
                const QString message = ErrorText::message(added.error());
                m_status->setText(message);
                Q_EMIT actionFinished(false, message);
                return;
            }
            // The change feed reloads the list.
            Q_EMIT actionFinished(true, tr("Feedback recorded"));
        });
}

} // namespace crm
