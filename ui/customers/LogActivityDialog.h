#pragma once

#include "core/domain/Activity.h"
#include "core/domain/Opportunity.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;

namespace crm {

// Asks what happened: kind (call, visit, note, ...), direction, when, subject, content and outcome,
// and, when the caller offers the customer's open deals, which one it was about (none by default).
// Only collects: the caller logs it through ActivityService, which validates.
class LogActivityDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LogActivityDialog(const QString &kind = QStringLiteral("call"), QWidget *parent = nullptr);

    // Offers these deals in an "Opportunity" row (hidden while there are none).
    void setOpportunities(const QVector<Opportunity> &deals);
    // A draft for ActivityService::log (customerId is the caller's).
    Activity activity() const;

private:
    QComboBox *m_kind, *m_direction;
    QDateTimeEdit *m_when;
    QLineEdit *m_subject, *m_outcome;
    QPlainTextEdit *m_content;
    QComboBox *m_opportunity;
    QFormLayout *m_form;
};

} // namespace crm
