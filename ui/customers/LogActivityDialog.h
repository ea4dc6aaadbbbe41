#pragma once

#include "core/domain/Activity.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;

namespace crm {

// Asks what happened: kind (call, visit, note, ...), direction, when, subject, content and outcome.
// Only collects: the caller logs it through ActivityService, which validates.
class LogActivityDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LogActivityDialog(const QString &kind = QStringLiteral("call"), QWidget *parent = nullptr);

    // A draft for ActivityService::log (customerId is the caller's).
    Activity activity() const;

private:
    QComboBox *m_kind, *m_direction;
    QDateTimeEdit *m_when;
    QLineEdit *m_subject, *m_outcome;
    QPlainTextEdit *m_content;
};

} // namespace crm
