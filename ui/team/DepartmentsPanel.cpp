#include "ui/team/DepartmentsPanel.h"

#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/OrgService.h"
#include "ui/Session.h"

#include <QHash>
#include <QInputDialog>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace crm {

DepartmentsPanel::DepartmentsPanel(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_tree(new QTreeWidget(this)), m_add(new QPushButton(tr("Add department…"), this))
{
    m_tree->setHeaderLabels({tr("Department")});
    m_add->setVisible(session.actor().can(Permission::UserAdmin));
    connect(m_add, &QPushButton::clicked, this, &DepartmentsPanel::askAndAdd);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    layout->addWidget(m_tree, 1);
}

void DepartmentsPanel::setDepartments(const QVector<Department> &departments)
{
    m_tree->clear();
    QHash<qint64, QTreeWidgetItem *> items;
    for (const Department &d : departments) {
        auto *item = new QTreeWidgetItem(QStringList{d.name});
        item->setData(0, Qt::UserRole, d.id);
        items.insert(d.id, item);
    }
    for (const Department &d : departments) {
        QTreeWidgetItem *parent = d.parentId ? items.value(*d.parentId) : nullptr;
        if (parent)
            parent->addChild(items.value(d.id));
        else
            m_tree->addTopLevelItem(items.value(d.id));
    }
    m_tree->expandAll();
}

void DepartmentsPanel::askAndAdd()
{
    const QTreeWidgetItem *selected = m_tree->currentItem();
    const QString label = selected ? tr("Name of the new department under %1:").arg(selected->text(0)) : tr("Name of the new department:");
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add department"), label, QLineEdit::Normal, {}, &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    addDepartment(name, selected ? std::optional<qint64>(selected->data(0, Qt::UserRole).toLongLong()) : std::nullopt);
}

void DepartmentsPanel::addDepartment(const QString &name, std::optional<qint64> parentId)
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor, name, parentId](Database &db) { return OrgService(db).createDepartment(actor, name, parentId); },
        [this](Result<Department> created) {
            if (created)
                Q_EMIT changed(true, tr("Department %1 added.").arg(created->name));
            else
                Q_EMIT changed(false, ErrorText::message(created.error()));
        });
}

} // namespace crm
