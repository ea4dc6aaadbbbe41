#include "ui/team/UserDialog.h"

#include "ui/DisplayFormat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>

namespace crm {

namespace {

std::optional<qint64> optionalId(const QComboBox *box)
{
    const qint64 id = box->currentData().toLongLong();
    return id ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

UserDialog::UserDialog(const User &user, const QVector<Role> &roles, const QVector<Department> &departments,
                       const QVector<User> &users, QWidget *parent)
    : QDialog(parent), m_role(new QComboBox(this)), m_department(new QComboBox(this)), m_manager(new QComboBox(this))
{
    setWindowTitle(tr("Edit %1").arg(user.displayName.isEmpty() ? user.username : user.displayName));
    for (const Role &r : roles)
        m_role->addItem(DisplayFormat::roleName(r.name), r.id);
    m_role->setCurrentIndex(qMax(0, m_role->findData(user.roleId)));
    m_department->addItem(tr("None"), 0);
    for (const Department &d : departments)
        m_department->addItem(d.name, d.id);
    m_department->setCurrentIndex(qMax(0, m_department->findData(user.departmentId.value_or(0))));
    m_manager->addItem(tr("None"), 0);
    for (const User &u : users)
        if (u.active && u.id != user.id)
            m_manager->addItem(u.displayName.isEmpty() ? u.username : u.displayName, u.id);
    m_manager->setCurrentIndex(qMax(0, m_manager->findData(user.managerId.value_or(0))));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(tr("User name"), new QLabel(user.username, this));
    form->addRow(tr("Role"), m_role);
    form->addRow(tr("Department"), m_department);
    form->addRow(tr("Manager"), m_manager);
    form->addRow(buttons);
}

qint64 UserDialog::roleId() const
{
    return m_role->currentData().toLongLong();
}

std::optional<qint64> UserDialog::departmentId() const
{
    return optionalId(m_department);
}

std::optional<qint64> UserDialog::managerId() const
{
    return optionalId(m_manager);
}

} // namespace crm
