#pragma once

#include "core/domain/Organization.h"

#include <QVector>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace crm {

class Session;

// The people: user name, name, role, department, manager and whether the account is active.
// Administrators also add users, reset passwords and (de)activate accounts, through OrgService;
// the change applies at once to the desktop and the API (the services read roles per request).
class TeamView : public QWidget
{
    Q_OBJECT
public:
    explicit TeamView(Session &session, QWidget *parent = nullptr);

public Q_SLOTS:
    void reload();

private:
    void fill();
    const User *currentUser() const;
    void addUser();
    void toggleActive();
    void resetPassword();

    Session &m_session;
    QTableWidget *m_table;
    QLabel *m_notice;
    QPushButton *m_add, *m_toggle, *m_reset;
    QVector<User> m_users;
    QVector<Department> m_departments;
    bool m_reloadPending = false;
};

} // namespace crm
