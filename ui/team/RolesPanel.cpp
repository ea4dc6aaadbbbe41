#include "ui/team/RolesPanel.h"

#include "core/ErrorText.h"
#include "core/services/OrgService.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace crm {

RolesPanel::RolesPanel(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_list(new QListWidget(this)), m_scope(new QComboBox(this)),
      m_permissions(new QListWidget(this)), m_save(new QPushButton(tr("Save role"), this))
{
    for (DataScope s : {DataScope::Own, DataScope::OwnAndSubordinates, DataScope::Department, DataScope::DepartmentTree, DataScope::All})
        m_scope->addItem(DisplayFormat::dataScope(toString(s)), int(s));
    for (const QString &code : Permission::all()) {
        auto *item = new QListWidgetItem(DisplayFormat::permission(code), m_permissions);
        item->setData(Qt::UserRole, code);
        item->setToolTip(code);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    m_list->setMaximumWidth(220);
    auto *create = new QPushButton(tr("New role…"), this);
    connect(create, &QPushButton::clicked, this, &RolesPanel::askAndCreate);
    connect(m_save, &QPushButton::clicked, this, &RolesPanel::save);
    connect(m_list, &QListWidget::currentRowChanged, this, &RolesPanel::showRole);
    m_save->setEnabled(false);

    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(create);
    auto *editor = new QFormLayout;
    editor->addRow(tr("Sees"), m_scope);
    editor->addRow(tr("May"), m_permissions);
    auto *right = new QVBoxLayout;
    right->addLayout(editor, 1);
    right->addWidget(m_save, 0, Qt::AlignRight);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left);
    layout->addLayout(right, 1);
}

void RolesPanel::setRoles(const QVector<Role> &roles)
{
    const QString selected = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_roles = roles;
    m_list->blockSignals(true);
    m_list->clear();
    for (const Role &r : roles) {
        auto *item = new QListWidgetItem(DisplayFormat::roleName(r.name), m_list);
        item->setData(Qt::UserRole, r.name);
    }
    m_list->blockSignals(false);
    if (!selectRole(selected) && !roles.isEmpty())
        m_list->setCurrentRow(0);
}

bool RolesPanel::selectRole(const QString &name)
{
    for (int i = 0; i < m_roles.size(); ++i)
        if (m_roles[i].name == name) {
            m_list->setCurrentRow(i);
            showRole(i);
            return true;
        }
    return false;
}

void RolesPanel::showRole(int row)
{
    m_save->setEnabled(row >= 0 && row < m_roles.size());
    if (row < 0 || row >= m_roles.size())
        return;
    const Role &r = m_roles[row];
    setScope(r.scope);
    for (int i = 0; i < m_permissions->count(); ++i) {
        QListWidgetItem *item = m_permissions->item(i);
        item->setCheckState(r.permissions.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

DataScope RolesPanel::scope() const
{
    return DataScope(m_scope->currentData().toInt());
}

void RolesPanel::setScope(DataScope scope)
{
    m_scope->setCurrentIndex(qMax(0, m_scope->findData(int(scope))));
}

QStringList RolesPanel::permissions() const
{
    QStringList out;
    for (int i = 0; i < m_permissions->count(); ++i)
        if (m_permissions->item(i)->checkState() == Qt::Checked)
            out << m_permissions->item(i)->data(Qt::UserRole).toString();
    return out;
}

void RolesPanel::setPermission(const QString &code, bool granted)
{
    for (int i = 0; i < m_permissions->count(); ++i)
        if (m_permissions->item(i)->data(Qt::UserRole).toString() == code)
            m_permissions->item(i)->setCheckState(granted ? Qt::Checked : Qt::Unchecked);
}

void RolesPanel::save()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_roles.size())
        return;
    const Actor actor = m_session.actor();
    const Role role = m_roles[row];
    const DataScope scope = this->scope();
    const QStringList permissions = this->permissions();
    m_session.worker().run(
        this, [actor, id = role.id, scope, permissions](Database &db) { return OrgService(db).updateRole(actor, id, scope, permissions); },
        [this, name = DisplayFormat::roleName(role.name)](Status st) {
            if (st)
                Q_EMIT changed(true, tr("Role %1 saved; it applies at once.").arg(name));
            else
                Q_EMIT changed(false, ErrorText::message(st.error()));
        });
}

void RolesPanel::askAndCreate()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New role"), tr("Name of the new role (it starts with a sales rep's permissions):"),
                                               QLineEdit::Normal, {}, &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        createRole(name);
}

void RolesPanel::createRole(const QString &name)
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor, name](Database &db) { return OrgService(db).createRole(actor, name, DataScope::Own, Permission::repDefaults()); },
        [this](Result<Role> created) {
            if (created)
                Q_EMIT changed(true, tr("Role %1 created.").arg(created->name));
            else
                Q_EMIT changed(false, ErrorText::message(created.error()));
        });
}

} // namespace crm
