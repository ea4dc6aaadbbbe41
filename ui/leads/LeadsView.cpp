#include "ui/leads/LeadsView.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/CustomerService.h"
#include "core/services/LeadService.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"
#include "ui/DbWorker.h"
#include "ui/Session.h"
#include "ui/leads/LeadDialog.h"
#include "ui/leads/LeadTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace crm {

namespace {
const QString kOpen = QStringLiteral("open");
const QString kAll = QStringLiteral("all");
const QStringList kOpenStatuses = {QStringLiteral("new"), QStringLiteral("contacted"), QStringLiteral("qualified")};

QString userLabel(const User &u)
{
    return u.displayName.isEmpty() ? u.username : u.displayName + QStringLiteral(" (") + u.username + QLatin1Char(')');
}
} // namespace

LeadsView::LeadsView(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new LeadTableModel(session.worker(), this)), m_table(new QTableView(this))
{
    m_table->setObjectName(QStringLiteral("leadTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows at once for handing out the queue; editing, converting and deleting take one.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Fixed row heights, tall enough for CJK glyphs: the view never measures the rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    const int widths[] = {120, 200, 120, 180, 110, 80, 100, 150};
    for (int c = 0; c < LeadTableModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c]);

    auto *title = new QLabel(tr("Leads"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);

    buildFilters();
    buildActions();

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("leadCount"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    for (QAction *a : {m_new, m_edit, m_assign, m_convert, m_delete}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(a);
        button->setObjectName(a->objectName() + QStringLiteral("Button"));
        button->setToolButtonStyle(a->icon().isNull() ? Qt::ToolButtonTextOnly : Qt::ToolButtonTextBesideIcon);
        top->addWidget(button);
    }
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Owner:"), this));
    filters->addWidget(m_owner);
    filters->addStretch();
    filters->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_notice);

    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (!index.isValid())
            return;
        const Lead &lead = m_model->leadAt(index.row());
        // A converted lead is a record of where a customer came from: open what it became.
        if (lead.status == QLatin1String("converted")) {
            if (lead.convertedCustomerId > 0 && m_session.actor().can(Permission::CustomerRead))
                Q_EMIT openCustomer(lead.convertedCustomerId);
            return;
        }
        editSelected();
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_table->indexAt(pos).isValid())
            return;
        QMenu menu;
        menu.addActions({m_edit, m_assign, m_convert});
        menu.addSeparator();
        menu.addAction(m_delete);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LeadsView::updateActions);
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        if (!m_keepSelected)
            if (const auto lead = selectedLead())
                m_keepSelected = lead->id;
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // The same lead stays selected across a reload (the feed reloads after every write).
        if (m_keepSelected)
            if (const int row = m_model->rowOf(std::exchange(m_keepSelected, 0)); row >= 0)
                m_table->selectRow(row);
        updateActions();
    });
    connect(m_model, &LeadTableModel::loaded, this, [this] {
        updateCount();
        if (!m_model->lastError().isEmpty())
            m_notice->setText(tr("Loading failed: %1").arg(m_model->lastError()));
    });

    m_reloadSoon = new ReloadSoon(
        session.feed(), 250, [](const Change &c) { return c.entity == QLatin1String("lead"); }, [this] { m_model->reload(); }, this);
    // A new scope (role or department changed): the same filters over what the user now sees. A
    // change of permissions rebuilds the whole view (MainWindow).
    connect(&session, &Session::actorChanged, this, [this] {
        applyFilter();
        loadUsers();
    });

    auto *create = new QShortcut(QKeySequence::New, this);
    connect(create, &QShortcut::activated, this, &LeadsView::newLead);
    auto *del = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &LeadsView::deleteSelected);

    loadUsers();
    applyFilter();
    updateActions();
}

void LeadsView::buildFilters()
{
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("Open"), kOpen);
    for (const QString &code : LeadService::statuses())
        m_status->addItem(LeadTableModel::statusLabel(code), code);
    m_status->addItem(tr("All statuses"), kAll);
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_status->setToolTip(tr("Open: new, contacted and qualified leads"));

    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("ownerFilter"));
    m_owner->addItem(tr("All I can see"), int(OwnerFilter::All));
    if (seesQueue())
        m_owner->addItem(tr("Unassigned"), int(OwnerFilter::Unassigned));
    m_owner->addItem(tr("Mine"), int(OwnerFilter::Mine));
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    connect(m_status, &QComboBox::currentIndexChanged, this, &LeadsView::applyFilter);
    connect(m_owner, &QComboBox::currentIndexChanged, this, &LeadsView::applyFilter);
}

void LeadsView::buildActions()
{
    m_new = new QAction(QIcon(QStringLiteral(":/icons/add.svg")), tr("New lead"), this);
    m_new->setObjectName(QStringLiteral("newLead"));
    m_new->setToolTip(tr("New lead (Ctrl+N)"));
    m_edit = new QAction(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editLead"));
    m_assign = new QAction(tr("Assign to…"), this);
    m_assign->setObjectName(QStringLiteral("assignLead"));
    m_convert = new QAction(tr("Convert to customer…"), this);
    m_convert->setObjectName(QStringLiteral("convertLead"));
    m_delete = new QAction(tr("Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteLead"));
    connect(m_new, &QAction::triggered, this, &LeadsView::newLead);
    connect(m_edit, &QAction::triggered, this, &LeadsView::editSelected);
    connect(m_assign, &QAction::triggered, this, &LeadsView::assignSelected);
    connect(m_convert, &QAction::triggered, this, &LeadsView::convertSelected);
    connect(m_delete, &QAction::triggered, this, &LeadsView::deleteSelected);
}

bool LeadsView::seesQueue() const
{
    // The rule LeadService applies to unowned leads.
    const Actor &a = m_session.actor();
    return a.seesAll() || a.can(Permission::CustomerAssign);
}

void LeadsView::setStatusFilter(const QString &value)
{
    if (const int i = m_status->findData(value); i >= 0)
        m_status->setCurrentIndex(i);
}

void LeadsView::setOwnerFilter(OwnerFilter owner)
{
    if (const int i = m_owner->findData(int(owner)); i >= 0)
        m_owner->setCurrentIndex(i);
}

void LeadsView::applyFilter()
{
    LeadFilter f;
    const QString status = m_status->currentData().toString();
    if (status == kOpen)
        f.statuses = kOpenStatuses;
    else if (status != kAll)
        f.statuses = {status};
    switch (OwnerFilter(m_owner->currentData().toInt())) {
    case OwnerFilter::Unassigned: f.unownedOnly = true; break;
    case OwnerFilter::Mine: f.ownerId = m_session.actor().userId; break;
    case OwnerFilter::All: break;
    }
    m_count->setText(tr("Loading…"));
    m_model->setQuery(m_session.actor(), f);
}

void LeadsView::loadUsers()
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor](Database &db) { return OrgService(db).users(actor, false); },
        [this](Result<QVector<User>> users) {
            if (!users)
                return;
            // Owners in scope only: LeadService refuses anyone else.
            m_users.clear();
            const Actor &a = m_session.actor();
            for (const User &u : users.value())
                if (u.active && a.canSeeOwner(u.id))
                    m_users << u;
            updateActions();
        });
}

void LeadsView::updateCount()
{
    if (m_model->isLoading() && m_model->rowCount() == 0)
        return;
    m_count->setText(tr("%n lead(s)", nullptr, int(m_model->total())));
}

std::optional<Lead> LeadsView::selectedLead() const
{
    const QVector<Lead> leads = selectedLeads();
    if (leads.size() != 1)
        return std::nullopt;
    return leads.first();
}

QVector<Lead> LeadsView::selectedLeads() const
{
    QVector<Lead> leads;
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows))
        if (index.row() < m_model->rowCount())
            leads << m_model->leadAt(index.row());
    return leads;
}

void LeadsView::selectLead(qint64 leadId)
{
    if (const int row = m_model->rowOf(leadId); row >= 0)
        m_table->selectRow(row);
}

QString LeadsView::notice() const
{
    return m_notice->text();
}

void LeadsView::updateActions()
{
    const Actor &a = m_session.actor();
    const bool write = a.can(Permission::LeadWrite);
    const auto lead = selectedLead();
    const bool open = lead && lead->status != QLatin1String("converted");
    const QVector<Lead> selected = selectedLeads();
    const bool allOpen = !selected.isEmpty() && std::none_of(selected.begin(), selected.end(), [](const Lead &l) {
        return l.status == QLatin1String("converted");
    });
    m_new->setEnabled(write);
    m_edit->setEnabled(write && open);
    m_assign->setEnabled(write && allOpen && (!m_users.isEmpty() || seesQueue()));
    m_convert->setEnabled(write && open && a.can(Permission::CustomerWrite));
    // Also for a converted lead: the service says why it is kept.
    m_delete->setEnabled(write && lead.has_value());
}

void LeadsView::report(bool ok, const QString &message)
{
    m_notice->setText(message);
    Q_EMIT actionFinished(ok, message);
}

void LeadsView::newLead()
{
    if (!m_session.actor().can(Permission::LeadWrite))
        return;
    openDialog(Lead{});
}

void LeadsView::editSelected()
{
    const auto lead = selectedLead();
    if (!lead || !m_edit->isEnabled())
        return;
    openDialog(*lead);
}

void LeadsView::openDialog(const Lead &lead)
{
    auto *dialog = new LeadDialog(lead, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LeadDialog::submitted, this, [this, dialog] { save(dialog); });
    dialog->open();
}

void LeadsView::save(LeadDialog *dialog)
{
    const Lead original = dialog->original();
    const Lead values = dialog->values();
    const QSet<QString> fields = dialog->changedFields();
    if (original.id && fields.isEmpty()) {
        dialog->accept();
        return;
    }
    dialog->setBusy(true);
    dialog->showError({});
    const Actor actor = m_session.actor();
    QPointer<LeadDialog> guard(dialog);
    m_session.worker().run(
        this,
        [actor, original, values, fields](Database &db) -> Result<Lead> {
            LeadService svc(db);
            if (!original.id)
                return svc.create(actor, values);
            // Only what the user changed, with the version the dialog loaded: a change made meanwhile
            // by someone else is refused, never overwritten.
            return svc.update(actor, original.id, values, fields, original.version);
        },
        [this, guard, actor, isNew = original.id == 0](Result<Lead> result) {
            if (!guard)
                return;
            guard->setBusy(false);
            if (result) {
                m_keepSelected = result->id;
                report(true, isNew ? tr("Lead “%1” created.").arg(result->name) : tr("Lead “%1” saved.").arg(result->name));
                guard->accept();
                return;
            }
            const Error error = result.error();
            if (error.code != QLatin1String("conflict.version")) {
                guard->showError(ErrorText::message(error));
                return;
            }
            // Stale: read the lead again so that the user sees what it is now and applies the change anew.
            guard->showError(ErrorText::message(error) + QLatin1Char('\n') + tr("The lead's current values are shown now."));
            report(false, ErrorText::message(error));
            m_model->reload();
            m_session.worker().run(
                this, [actor, id = guard->original().id](Database &db) { return LeadService(db).get(actor, id); },
                [guard](Result<Lead> fresh) {
                    if (guard && fresh)
                        guard->setLead(*fresh);
                });
        });
}

void LeadsView::assignSelected()
{
    const QVector<Lead> leads = selectedLeads();
    if (leads.isEmpty() || !m_assign->isEnabled())
        return;
    // The customers view's owner picker: the users the actor may hand work to, and the queue first
    // for those who see it.
    QStringList names;
    QVector<std::optional<qint64>> owners;
    if (seesQueue()) {
        names << tr("Unassigned (back to the queue)");
        owners << std::nullopt;
    }
    for (const User &u : std::as_const(m_users)) {
        names << userLabel(u);
        owners << u.id;
    }
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("assignDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(leads.size() == 1 ? tr("Assign lead") : tr("Assign leads"));
    dialog->setLabelText(leads.size() == 1 ? tr("New owner of “%1”:").arg(leads.first().name)
                                           : tr("New owner of %n lead(s):", nullptr, int(leads.size())));
    dialog->setComboBoxItems(names);
    dialog->setComboBoxEditable(false);
    const std::optional<qint64> owner = leads.first().ownerId;
    const int current = owner ? int(owners.indexOf(owner)) : -1;
    if (current >= 0)
        dialog->setTextValue(names.at(current));
    else if (seesQueue() && names.size() > 1)
        dialog->setTextValue(names.at(1)); // from the queue: a person is what is wanted
    connect(dialog, &QDialog::accepted, this, [this, dialog, names, owners, leads] {
        const int i = int(names.indexOf(dialog->textValue()));
        if (i >= 0)
            assign(leads, owners.at(i));
    });
    dialog->open();
}

void LeadsView::assign(const QVector<Lead> &leads, std::optional<qint64> ownerId)
{
    if (leads.size() == 1) {
        assign(leads.first(), ownerId);
        return;
    }
    const Actor actor = m_session.actor();
    Lead values;
    values.ownerId = ownerId;
    m_session.worker().run(
        this,
        [actor, leads, values](Database &db) {
            // All or none, each with the version it was shown with: a lead changed meanwhile (taken
            // by a colleague, converted) refuses the whole hand-out rather than half of it.
            return db.write([&]() -> Result<qint64> {
                LeadService svc(db);
                for (const Lead &lead : leads) {
                    auto updated = svc.update(actor, lead.id, values, {QStringLiteral("ownerId")}, lead.version);
                    if (!updated)
                        return updated.error();
                }
                return qint64(leads.size());
            });
        },
        [this](Result<qint64> result) {
            if (!result) {
                report(false, ErrorText::message(result.error()));
                if (result.error().code == QLatin1String("conflict.version"))
                    m_model->reload();
                return;
            }
            // The list follows through the change feed.
            report(true, tr("%n lead(s) handed out.", nullptr, int(*result)));
        });
}

void LeadsView::assign(const Lead &lead, std::optional<qint64> ownerId)
{
    const Actor actor = m_session.actor();
    Lead values;
    values.ownerId = ownerId;
    m_keepSelected = lead.id;
    m_session.worker().run(
        this,
        [actor, id = lead.id, version = lead.version, values](Database &db) {
            return LeadService(db).update(actor, id, values, {QStringLiteral("ownerId")}, version);
        },
        [this](Result<Lead> result) {
            if (!result) {
                report(false, ErrorText::message(result.error()));
                if (result.error().code == QLatin1String("conflict.version"))
                    m_model->reload();
                return;
            }
            // The list follows through the change feed.
            report(true, result->ownerId ? tr("“%1” assigned to %2.").arg(result->name, result->ownerName)
                                         : tr("“%1” is back in the unassigned queue.").arg(result->name));
        });
}

void LeadsView::convertSelected()
{
    const auto lead = selectedLead();
    if (!lead || !m_convert->isEnabled())
        return;
    const bool opportunity = m_session.actor().can(Permission::OpportunityWrite);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Convert lead"),
                                opportunity ? tr("Convert “%1” into a customer with its contact and an opportunity?").arg(lead->name)
                                            : tr("Convert “%1” into a customer with its contact?").arg(lead->name),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmConvert"));
    box->setInformativeText(tr("A converted lead is kept as the record of where the customer came from; it cannot be changed afterwards."));
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, lead = *lead] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            convert(lead);
    });
    box->open();
}

void LeadsView::convert(const Lead &lead)
{
    const Actor actor = m_session.actor();
    struct Converted
    {
        LeadConversionResult ids;
        QString customerName;
    };
    m_session.worker().run(
        this,
        [actor, id = lead.id](Database &db) -> Result<Converted> {
            LeadConversion options;
            options.createOpportunity = actor.can(Permission::OpportunityWrite);
            auto result = LeadService(db).convert(actor, id, options);
            if (!result)
                return result.error();
            Converted done{*result, {}};
            if (auto customer = CustomerService(db).get(actor, result->customerId))
                done.customerName = customer->name;
            return done;
        },
        [this](Result<Converted> result) {
            if (!result) {
                report(false, ErrorText::message(result.error()));
                return;
            }
            const QString message = tr("Converted into customer “%1”.").arg(result->customerName);
            report(true, message);
            if (!m_session.actor().can(Permission::CustomerRead))
                return;
            auto *box = new QMessageBox(QMessageBox::Information, tr("Lead converted"), message, QMessageBox::Close, this);
            box->setObjectName(QStringLiteral("converted"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            QPushButton *open = box->addButton(tr("Open customer"), QMessageBox::AcceptRole);
            open->setObjectName(QStringLiteral("openCustomer"));
            box->setDefaultButton(open);
            connect(box, &QMessageBox::finished, this, [this, box, open, id = result->ids.customerId] {
                if (box->clickedButton() == open)
                    Q_EMIT openCustomer(id);
            });
            box->open();
        });
}

void LeadsView::deleteSelected()
{
    const auto lead = selectedLead();
    if (!lead || !m_delete->isEnabled())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete lead"),
                                tr("Delete the lead “%1”? This cannot be undone.").arg(lead->name),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, lead = *lead] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            remove(lead);
    });
    box->open();
}

void LeadsView::remove(const Lead &lead)
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor, id = lead.id](Database &db) { return LeadService(db).remove(actor, id); },
        [this, name = lead.name](Status status) {
            if (!status) {
                report(false, ErrorText::message(status.error()));
                return;
            }
            report(true, tr("Lead “%1” deleted.").arg(name));
        });
}

} // namespace crm
