#include "ui/pipeline/OpportunityCardDelegate.h"

#include "ui/DisplayFormat.h"
#include "ui/pipeline/StageColumnModel.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

namespace crm {

namespace {

constexpr int kMargin = 4; // between cards
constexpr int kPadding = 8; // inside a card
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

} // namespace

QSize OpportunityCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    // The same for every card (four lines of the view's font), never measured from a card's text:
    // the view asks once (uniform item sizes at 5,000 cards).
    QFont bold = option.font;
    bold.setBold(true);
    const int lineH = std::max(option.fontMetrics.height(), QFontMetrics(bold).height());
    return {kWidth, std::max(kHeight, 4 * lineH + kPadding + kMargin + 2)};
}

QString OpportunityCardDelegate::daysInStage(qint64 enteredAtMs, qint64 nowMs)
{
    if (enteredAtMs <= 0)
        return QString();
    const int days = int(std::max<qint64>(0, nowMs - enteredAtMs) / kDayMs);
    return tr("%n day(s) in stage", nullptr, days);
}

void OpportunityCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = option.palette;
    const QRectF card = QRectF(option.rect).adjusted(kMargin, kMargin / 2.0, -kMargin, -kMargin / 2.0);
    const bool selected = option.state & QStyle::State_Selected;
    QPainterPath path;
    path.addRoundedRect(card, 6, 6);
    painter->fillPath(path, selected ? pal.color(QPalette::Highlight).lighter(180) : pal.color(QPalette::Base));
    painter->setPen(QPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid), 1));
    painter->drawPath(path);

    const QRect inner = card.toRect().adjusted(kPadding, kPadding / 2, -kPadding, -kPadding / 2);
    const QStringList hidden = index.data(StageColumnModel::HiddenFieldsRole).toStringList();
    const QString customer = index.data(StageColumnModel::CustomerNameRole).toString();
    const QString name = index.data(StageColumnModel::NameRole).toString();
    const QString amount = hidden.contains(QLatin1String("amountMinor"))
        ? QStringLiteral("—")
        : DisplayFormat::money(index.data(StageColumnModel::AmountMinorRole).toLongLong()) + QLatin1Char(' ') +
            index.data(StageColumnModel::CurrencyRole).toString();
    const QString probability = hidden.contains(QLatin1String("probability"))
        ? QStringLiteral("—")
        : QStringLiteral("%1%").arg(index.data(StageColumnModel::ProbabilityRole).toInt());
    const QString owner = index.data(StageColumnModel::OwnerNameRole).toString();
    const QString days = daysInStage(index.data(StageColumnModel::StageEnteredAtRole).toLongLong(),
                                     QDateTime::currentMSecsSinceEpoch());

    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    const QFontMetrics fm(option.font);
    const int lineH = std::max(fm.height(), boldFm.height());
    int y = inner.top();
    auto line = [&](const QString &left, const QString &right, const QFont &font, const QColor &color) {
        const QFontMetrics m(font);
        painter->setFont(font);
        painter->setPen(color);
        QRect row(inner.left(), y, inner.width(), lineH);
        int rightWidth = 0;
        if (!right.isEmpty()) {
            rightWidth = m.horizontalAdvance(right) + kPadding;
            painter->drawText(row, Qt::AlignRight | Qt::AlignVCenter, right);
        }
        // elidedText cuts between grapheme clusters, so CJK text stays whole characters.
        painter->drawText(row.adjusted(0, 0, -rightWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          m.elidedText(left, Qt::ElideRight, std::max(0, row.width() - rightWidth)));
        y += lineH;
    };
    const QColor text = pal.color(QPalette::Text);
    const QColor dim = pal.color(QPalette::PlaceholderText);
    line(customer, QString(), bold, text);
    line(name, QString(), option.font, text);
    line(amount, probability, option.font, text);
    line(owner, days, option.font, dim);
    painter->restore();
}

} // namespace crm
