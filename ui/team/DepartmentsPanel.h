#pragma once

#include "core/domain/Organization.h"

#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace crm {

class Session;

// The department tree; administrators add departments (under the selected one, or at the top).
// Data scopes "own department" and "department and its sub-departments" follow this tree.
class DepartmentsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit DepartmentsPanel(Session &session, QWidget *parent = nullptr);

    void setDepartments(const QVector<Department> &departments);
    // Adds a department under parentId (none: at the top); public for tests.
    void addDepartment(const QString &name, std::optional<qint64> parentId);

Q_SIGNALS:
    void changed(bool ok, const QString &message);

private:
    void askAndAdd();

    Session &m_session;
    QTreeWidget *m_tree;
    QPushButton *m_add;
};

} // namespace crm
