#pragma once

#include "core/domain/Organization.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace crm {

class ReloadSoon;

class DepartmentsPanel;
class RolesPanel;
class Session;

// The people: user name, name, role, department, manager and whether the account is active, the
// department tree and (administrators) the roles. Administrators add users, move them (role,
// department, manager), reset passwords, (de)activate accounts, add departments and edit roles'
// scope and permissions, through OrgService; a change applies at once to the desktop and the API
// (the services read roles per request).
class TeamView : public QWidget
{
    Q_OBJECT
public:
    explicit TeamView(Session &session, QWidget *parent = nullptr);

    RolesPanel *rolesPanel() const { return m_rolesPanel; }
    DepartmentsPanel *departmentsPanel() const { return m_departmentsPanel; }
    const QVector<User> &users() const { return m_users; }
    const QVector<Department> &departments() const { return m_departments; }
    // Sets a user's role, department and manager in one transaction (what the edit dialog does).
    void applyUser(qint64 userId, qint64 roleId, std::optional<qint64> departmentId, std::optional<qint64> managerId);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void loaded();
    void actionFinished(bool ok, const QString &message);

private:
    void fill();
    const User *currentUser() const;
    void addUser();
    void toggleActive();
    void resetPassword();
    void editUser();
    void onPanelChanged(bool ok, const QString &message);

    Session &m_session;
    QTableWidget *m_table;
    QLabel *m_notice;
    QPushButton *m_add, *m_edit, *m_toggle, *m_reset;
    QTabWidget *m_tabs;
    DepartmentsPanel *m_departmentsPanel;
    RolesPanel *m_rolesPanel = nullptr; // administrators only
    QVector<User> m_users;
    QVector<Department> m_departments;
    QVector<Role> m_roles;
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads once
};

} // namespace crm
