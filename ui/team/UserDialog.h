#pragma once

#include "core/domain/Organization.h"

#include <QDialog>
#include <QVector>

#include <optional>

class QComboBox;

namespace crm {

// An administrator's edit of a user's place in the company: role, department and manager.
// Only collects; the team view applies the three in one transaction.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    UserDialog(const User &user, const QVector<Role> &roles, const QVector<Department> &departments,
               const QVector<User> &users, QWidget *parent = nullptr);

    qint64 roleId() const;
    std::optional<qint64> departmentId() const;
    std::optional<qint64> managerId() const;

private:
    QComboBox *m_role, *m_department, *m_manager;
};

} // namespace crm
