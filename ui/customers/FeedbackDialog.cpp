#include "ui/customers/FeedbackDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>

namespace crm {

FeedbackDialog::FeedbackDialog(const QVector<Campaign> &campaigns, QWidget *parent)
    : QDialog(parent), m_score(new QComboBox(this)), m_campaign(new QComboBox(this)), m_comment(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Record feedback"));
    m_score->setObjectName(QStringLiteral("score"));
    m_campaign->setObjectName(QStringLiteral("campaign"));
    m_comment->setObjectName(QStringLiteral("comment"));
    const QStringList words = {tr("Very dissatisfied"), tr("Dissatisfied"), tr("Neutral"), tr("Satisfied"), tr("Very satisfied")};
    for (int s = 5; s >= 1; --s)
        m_score->addItem(stars(s) + QStringLiteral("  ") + words[s - 1], s);
    m_campaign->addItem(tr("None"));
    for (const Campaign &c : campaigns)
        m_campaign->addItem(c.name, c.id);
    m_comment->setPlaceholderText(tr("What the customer said"));
    m_comment->setTabChangesFocus(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Score"), m_score);
    form->addRow(tr("Comment"), m_comment);
    form->addRow(tr("In answer to"), m_campaign);
    form->addRow(buttons);
}

int FeedbackDialog::score() const
{
    return m_score->currentData().toInt();
}

QString FeedbackDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

std::optional<qint64> FeedbackDialog::campaignId() const
{
    const QVariant id = m_campaign->currentData();
    if (!id.isValid())
        return std::nullopt;
    return id.toLongLong();
}

QString FeedbackDialog::stars(int score)
{
    const int s = std::clamp(score, 0, 5);
    return QString(s, QChar(0x2605)) + QString(5 - s, QChar(0x2606));
}

} // namespace crm
