#pragma once

#include "core/Result.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace crm {

// A new password typed twice. The submission (a service call off the GUI thread) is given by the
// caller; the service's strength rules answer with a message shown under the fields.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT
public:
    using Submit = std::function<void(const QString &password, std::function<void(const Status &)> done)>;

    explicit ChangePasswordDialog(QWidget *parent = nullptr);
    void setExplanation(const QString &text);
    void setSubmit(Submit submit) { m_submit = std::move(submit); }
    QString password() const;

private:
    void submit();

    Submit m_submit;
    QLabel *m_explanation;
    QLineEdit *m_first;
    QLineEdit *m_second;
    QLabel *m_message;
};

} // namespace crm
