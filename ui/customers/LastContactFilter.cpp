#include "ui/customers/LastContactFilter.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>

namespace crm {

namespace {
constexpr qint64 kDay = 86'400'000;
} // namespace

LastContactFilter::LastContactFilter(QWidget *parent)
    : QWidget(parent), m_choice(new QComboBox(this)), m_first(new QDateEdit(this)), m_last(new QDateEdit(this))
{
    m_choice->setObjectName(QStringLiteral("lastContactChoice"));
    m_first->setObjectName(QStringLiteral("lastContactFirst"));
    m_last->setObjectName(QStringLiteral("lastContactLast"));
    m_choice->addItem(tr("Any last contact"), int(Any));
    m_choice->addItem(tr("Not contacted for 7 days"), int(Days7));
    m_choice->addItem(tr("Not contacted for 30 days"), int(Days30));
    m_choice->addItem(tr("Not contacted for 90 days"), int(Days90));
    m_choice->addItem(tr("Never contacted"), int(Never));
    m_choice->addItem(tr("Contacted between…"), int(Between));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_choice->setToolTip(tr("\"Not contacted for N days\" includes customers never contacted"));
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_first, m_last}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(today);
        edit->setVisible(false);
        connect(edit, &QDateEdit::dateChanged, this, &LastContactFilter::changed);
    }
    m_first->setDate(today.addDays(-30));
    m_first->setToolTip(tr("First day"));
    m_last->setToolTip(tr("Last day (included)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choice);
    layout->addWidget(m_first);
    layout->addWidget(m_last);
    connect(m_choice, &QComboBox::currentIndexChanged, this, [this] {
        const bool between = choice() == Between;
        m_first->setVisible(between);
        m_last->setVisible(between);
        Q_EMIT changed();
    });
}

LastContactFilter::Choice LastContactFilter::choice() const
{
    return Choice(m_choice->currentData().toInt());
}

void LastContactFilter::setChoice(Choice choice)
{
    m_choice->setCurrentIndex(m_choice->findData(int(choice)));
}

void LastContactFilter::setRange(const QDate &first, const QDate &last)
{
    const QSignalBlocker a(m_first), b(m_last);
    m_first->setDate(first);
    m_last->setDate(last);
    if (choice() == Between)
        Q_EMIT changed();
    else
        setChoice(Between);
}

std::pair<std::optional<qint64>, std::optional<qint64>> LastContactFilter::bounds(qint64 nowMs) const
{
    switch (choice()) {
    case Any: return {};
    // last_contact_at is 0 for never contacted, so "before a moment" keeps them as well.
    case Days7:
    case Days30:
    case Days90: return {std::nullopt, nowMs - qint64(choice()) * kDay};
    case Never: return {std::nullopt, 1};
    case Between: {
        QDate first = m_first->date(), last = m_last->date();
        if (last < first)
            std::swap(first, last);
        // Local days, as the table shows last contact in local time.
        return {QDateTime(first, QTime(0, 0)).toMSecsSinceEpoch(), QDateTime(last.addDays(1), QTime(0, 0)).toMSecsSinceEpoch()};
    }
    }
    return {};
}

} // namespace crm
