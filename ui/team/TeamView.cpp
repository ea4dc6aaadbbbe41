#include "ui/team/TeamView.h"

#include "ui/ReloadSoon.h"
#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/OrgService.h"
#include "ui/DisplayFormat.h"
#include "ui/FieldMessages.h"
#include "ui/Session.h"
#include "ui/signin/ChangePasswordDialog.h"
#include "ui/team/DepartmentsPanel.h"
#include "ui/team/RolesPanel.h"
#include "ui/team/UserDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace crm {

TeamView::TeamView(Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    auto *title = new QLabel(tr("Team"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);

    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("userTable"));
    m_table->setHorizontalHeaderLabels({tr("User name"), tr("Name"), tr("Role"), tr("Department"), tr("Manager"), tr("State")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);

    const bool admin = session.actor().can(Permission::UserAdmin);
    m_add = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add user…"), this);
    m_edit = new QPushButton(tr("Edit…"), this);
    m_toggle = new QPushButton(tr("Deactivate"), this);
    m_reset = new QPushButton(tr("Reset password…"), this);
    for (QPushButton *b : {m_add, m_edit, m_toggle, m_reset})
        b->setVisible(admin);
    connect(m_add, &QPushButton::clicked, this, &TeamView::addUser);
    connect(m_edit, &QPushButton::clicked, this, &TeamView::editUser);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this, admin] {
        if (admin)
            editUser();
    });
    connect(m_toggle, &QPushButton::clicked, this, &TeamView::toggleActive);
    connect(m_reset, &QPushButton::clicked, this, &TeamView::resetPassword);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const User *u = currentUser();
        m_toggle->setEnabled(u && u->id != m_session.actor().userId);
        m_edit->setEnabled(u != nullptr);
        m_reset->setEnabled(u != nullptr);
        m_toggle->setText(u && !u->active ? tr("Activate") : tr("Deactivate"));
    });
    m_notice = new QLabel(this);
    m_notice->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_toggle);
    buttons->addWidget(m_reset);
    buttons->addStretch();
    auto *usersPage = new QWidget(this);
    auto *usersLayout = new QVBoxLayout(usersPage);
    usersLayout->addLayout(buttons);
    usersLayout->addWidget(m_table, 1);

    m_departmentsPanel = new DepartmentsPanel(session, this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(usersPage, tr("Users"));
    m_tabs->addTab(m_departmentsPanel, tr("Departments"));
    if (admin) {
        m_rolesPanel = new RolesPanel(session, this);
        m_tabs->addTab(m_rolesPanel, tr("Roles"));
        connect(m_rolesPanel, &RolesPanel::changed, this, &TeamView::onPanelChanged);
    }
    connect(m_departmentsPanel, &DepartmentsPanel::changed, this, &TeamView::onPanelChanged);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_notice);

    // Someone else's change to the team shows here too.
    m_reloadSoon = new ReloadSoon(
        session.feed(), 300,
        [](const Change &c) {
            return c.entity == QLatin1String("user") || c.entity == QLatin1String("department") || c.entity == QLatin1String("role");
        },
        [this] { reload(); }, this);
    reload();
}

void TeamView::reload()
{
    m_reloadSoon->cancel();
    struct Team
    {
        QVector<User> users;
        QVector<Department> departments;
        QVector<Role> roles;
    };
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this,
        [actor](Database &db) -> Result<Team> {
            OrgService org(db);
            auto users = org.users(actor, true);
            if (!users)
                return users.error();
            auto departments = org.departments();
            auto roles = org.roles();
            return Team{users.value(), departments ? departments.value() : QVector<Department>(),
                        roles ? roles.value() : QVector<Role>()};
        },
        [this](Result<Team> team) {
            if (!team) {
                m_notice->setText(ErrorText::message(team.error()));
                return;
            }
            m_users = team->users;
            m_departments = team->departments;
            m_roles = team->roles;
            fill();
            m_departmentsPanel->setDepartments(m_departments);
            if (m_rolesPanel)
                m_rolesPanel->setRoles(m_roles);
            Q_EMIT loaded();
        });
}

void TeamView::fill()
{
    QHash<qint64, QString> names, departments;
    for (const User &u : std::as_const(m_users))
        names.insert(u.id, u.displayName.isEmpty() ? u.username : u.displayName);
    for (const Department &d : std::as_const(m_departments))
        departments.insert(d.id, d.name);
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(m_users.size()));
    for (int r = 0; r < m_users.size(); ++r) {
        const User &u = m_users.at(r);
        const QStringList texts{u.username, u.displayName, DisplayFormat::roleName(u.roleName),
                                u.departmentId ? departments.value(*u.departmentId) : QString(),
                                u.managerId ? names.value(*u.managerId) : QString(),
                                u.active ? tr("Active") : tr("Deactivated")};
        for (int c = 0; c < texts.size(); ++c) {
            auto *item = new QTableWidgetItem(texts[c]);
            item->setData(Qt::UserRole, u.id);
            m_table->setItem(r, c, item);
        }
    }
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(m_table->horizontalHeader()->sortIndicatorSection(), m_table->horizontalHeader()->sortIndicatorOrder());
    m_table->resizeColumnsToContents();
    m_notice->setText(tr("%Ln user(s)", nullptr, int(m_users.size())));
}

const User *TeamView::currentUser() const
{
    const QTableWidgetItem *item = m_table->currentItem();
    if (!item || !item->isSelected())
        return nullptr;
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    for (const User &u : m_users)
        if (u.id == id)
            return &u;
    return nullptr;
}

void TeamView::addUser()
{
    QDialog form(this);
    form.setWindowTitle(tr("Add user"));
    auto *username = new QLineEdit(&form);
    auto *name = new QLineEdit(&form);
    auto *role = new QComboBox(&form);
    role->addItem(tr("Sales rep"), QStringLiteral("rep"));
    role->addItem(tr("Manager"), QStringLiteral("manager"));
    role->addItem(tr("Administrator"), QStringLiteral("administrator"));
    auto *manager = new QComboBox(&form);
    manager->addItem(tr("None"), QString());
    for (const User &u : std::as_const(m_users))
        if (u.active)
            manager->addItem(u.displayName.isEmpty() ? u.username : u.displayName, u.username);
    auto *department = new QLineEdit(&form);
    auto *password = new QLineEdit(&form);
    password->setEchoMode(QLineEdit::Password);
    QLabel *message = FieldMessages::makeLabel(&form, QStringLiteral("message"));
    message->show(); // empty until a refusal
    auto *layout = new QFormLayout(&form);
    layout->addRow(tr("User name"), username);
    layout->addRow(tr("Name"), name);
    layout->addRow(tr("Role"), role);
    layout->addRow(tr("Manager"), manager);
    layout->addRow(tr("Department"), department);
    layout->addRow(tr("Password"), password);
    layout->addRow(message);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &form);
    layout->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &form, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &form, [&] {
        NewUser input{username->text().trimmed(), name->text().trimmed(), password->text(), role->currentData().toString(),
                      manager->currentData().toString(), department->text().trimmed(), {}, {}};
        const Actor actor = m_session.actor();
        form.setEnabled(false);
        m_session.worker().run(
            &form, [actor, input](Database &db) { return OrgService(db).createUser(actor, input); },
            [&form, message](Result<User> created) {
                form.setEnabled(true);
                if (created)
                    form.accept();
                else
                    message->setText(ErrorText::message(created.error()));
            });
    });
    if (form.exec() == QDialog::Accepted)
        reload();
}

void TeamView::toggleActive()
{
    const User *u = currentUser();
    if (!u)
        return;
    const Actor actor = m_session.actor();
    const QString username = u->username;
    const bool active = !u->active;
    m_session.worker().run(
        this, [actor, username, active](Database &db) { return OrgService(db).setActive(actor, username, active); },
        [this](Status st) {
            if (!st)
                m_notice->setText(ErrorText::message(st.error()));
            reload();
        });
}

void TeamView::resetPassword()
{
    const User *u = currentUser();
    if (!u)
        return;
    ChangePasswordDialog change(this);
    change.setWindowTitle(tr("Reset the password of %1").arg(u->username));
    const Actor actor = m_session.actor();
    const QString username = u->username;
    Session &session = m_session;
    change.setSubmit([&session, actor, username, &change](const QString &password, std::function<void(const Status &)> done) {
        session.worker().run(
            &change, [actor, username, password](Database &db) { return OrgService(db).setPassword(actor, username, password); },
            std::move(done));
    });
    if (change.exec() == QDialog::Accepted)
        m_notice->setText(tr("The password of %1 has been reset.").arg(username));
}

void TeamView::onPanelChanged(bool ok, const QString &message)
{
    m_notice->setText(message);
    if (ok)
        reload();
    Q_EMIT actionFinished(ok, message);
}

void TeamView::editUser()
{
    const User *u = currentUser();
    if (!u)
        return;
    UserDialog dialog(*u, m_roles, m_departments, m_users, this);
    if (dialog.exec() == QDialog::Accepted)
        applyUser(u->id, dialog.roleId(), dialog.departmentId(), dialog.managerId());
}

void TeamView::applyUser(qint64 userId, qint64 roleId, std::optional<qint64> departmentId, std::optional<qint64> managerId)
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this,
        [actor, userId, roleId, departmentId, managerId](Database &db) {
            // All three or none: a half-applied move (new manager, old department) would be worse than none.
            return db.write([&]() -> Status {
                OrgService org(db);
                if (Status st = org.setRole(actor, userId, roleId); !st)
                    return st;
                if (Status st = org.setDepartment(actor, userId, departmentId); !st)
                    return st;
                return org.setManager(actor, userId, managerId);
            });
        },
        [this](Status st) {
            const QString message = st ? tr("Saved; it applies at once.") : ErrorText::message(st.error());
            m_notice->setText(message);
            if (st)
                reload();
            Q_EMIT actionFinished(st.ok(), message);
        });
}

} // namespace crm
