#pragma once

#include "core/domain/Organization.h"

#include <QVector>
#include <QWidget>

class QComboBox;
class QListWidget;
class QPushButton;

namespace crm {

class Session;

// Roles and what they grant (administrators only): each role's data scope and permissions, and new
// custom roles. A saved change applies at once: the services resolve roles per request, and the
// session re-resolves the signed-in user's actor on the change feed.
class RolesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RolesPanel(Session &session, QWidget *parent = nullptr);

    void setRoles(const QVector<Role> &roles);
    // Selects a role by name for editing (tests and the UI).
    bool selectRole(const QString &name);
    // The editor's state: what Save would write.
    DataScope scope() const;
    QStringList permissions() const;
    void setScope(DataScope scope);
    void setPermission(const QString &code, bool granted);
    // Writes the editor's scope and permissions to the selected role; creates a role (rep defaults).
    void save();
    void createRole(const QString &name);

Q_SIGNALS:
    void changed(bool ok, const QString &message);

private:
    void showRole(int row);
    void askAndCreate();

    Session &m_session;
    QVector<Role> m_roles;
    QListWidget *m_list;
    QComboBox *m_scope;
    QListWidget *m_permissions;
    QPushButton *m_save;
};

} // namespace crm
