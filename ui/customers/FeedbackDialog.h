#pragma once

#include "core/domain/Campaign.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QPlainTextEdit;

namespace crm {

// Asks for a satisfaction score (1 to 5), a comment and, optionally, the campaign it answers.
// Only collects: the caller records it through FeedbackService, which validates.
class FeedbackDialog : public QDialog
{
    Q_OBJECT
public:
    // `campaigns`: those the score may answer (the first choice is "none").
    explicit FeedbackDialog(const QVector<Campaign> &campaigns, QWidget *parent = nullptr);

    int score() const;
    QString comment() const;
    std::optional<qint64> campaignId() const;

    // Shows a score as five stars, e.g. 4 -> "★★★★☆".
    static QString stars(int score);

private:
    QComboBox *m_score, *m_campaign;
    QPlainTextEdit *m_comment;
};

} // namespace crm
