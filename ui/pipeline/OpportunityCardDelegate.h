#pragma once

#include <QStyledItemDelegate>

namespace crm {

// Paints an opportunity card of a board column (StageColumnModel roles): customer, opportunity name,
// amount, probability, owner and days in the stage. Every card has the same size, so a QListView
// with uniformItemSizes lays out thousands of them without asking each one. Long names (Chinese
// included) are elided at character boundaries by QFontMetrics, never cut inside a character.
class OpportunityCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int kWidth = 220;
    static constexpr int kHeight = 88;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "3 days in stage" for a stage entered at `enteredAtMs`, as of `nowMs`.
    static QString daysInStage(qint64 enteredAtMs, qint64 nowMs);
};

} // namespace crm
