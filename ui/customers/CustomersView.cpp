#include "ui/customers/CustomersView.h"

#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/CampaignService.h"
#include "core/services/CustomerService.h"
#include "core/services/OrgService.h"
#include "core/services/PoolService.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/UiSettings.h"
#include "ui/campaigns/CampaignTableModel.h"
#include "ui/customers/CustomerDialog.h"
#include "ui/customers/CustomerTableModel.h"
#include "ui/customers/LastContactFilter.h"
#include "ui/customers/MergeCustomersDialog.h"
#include "ui/exchange/ExportDialog.h"
#include "ui/exchange/ImportDialog.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <tuple>

namespace crm {

namespace {
// Bulk actions name their rows; more than this is a job for an export/import, not a click.
constexpr int kMaxBulk = 5000;
const QString kPool = QStringLiteral("pool");
const QString kMine = QStringLiteral("mine");
} // namespace

CustomersView::CustomersView(Session &session, QWidget *parent) : QWidget(parent), m_session(session)
{
    m_model = new CustomerTableModel(session.prototype(), session.actor(), this);
    m_model->setFeed(session.feed());

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("customerTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Fixed row heights: the view never measures a million rows. Tall enough for CJK glyphs.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 12);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(false);
    header->setHighlightSections(false);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setStretchLastSection(false);
    const int widths[] = {220, 80, 50, 100, 120, 180, 180, 110, 160, 140, 100, 110};
    for (int c = 0; c < CustomerTableModel::ColumnCount; ++c)
        header->resizeSection(c, widths[c]);
    header->hideSection(CustomerTableModel::Email);
    header->hideSection(CustomerTableModel::Level);
    header->restoreState(UiSettings().tableState(QStringLiteral("customers")));
    header->setSortIndicatorShown(false); // the saved state may carry an old indicator
    // The custom field columns arrive from the worker after this: the saved layout, which covers them
    // when it was saved with them, is applied again once they are there (first time only).
    connect(m_model, &CustomerTableModel::customFieldsChanged, this, [this, header, restored = false]() mutable {
        if (restored || m_model->customFields().isEmpty())
            return;
        restored = true;
        header->restoreState(UiSettings().tableState(QStringLiteral("customers")));
        header->setSortIndicatorShown(m_sortColumn >= 0);
        if (m_sortColumn >= 0)
            header->setSortIndicator(m_sortColumn, m_sortOrder);
    });
    connect(header, &QHeaderView::sectionClicked, this, &CustomersView::onHeaderClicked);
    connect(header, &QHeaderView::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu menu;
        buildColumnMenu(&menu);
        menu.exec(header->mapToGlobal(pos));
    });

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search name, company, phone, email or tag (Ctrl+F)"));
    m_search->setMinimumWidth(280);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    connect(&m_debounce, &QTimer::timeout, this, &CustomersView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce.stop();
        applyFilter();
    });

    buildFilters();

    auto *newButton = new QPushButton(QIcon(QStringLiteral(":/icons/add.svg")), tr("New customer"), this);
    newButton->setObjectName(QStringLiteral("newCustomer"));
    newButton->setToolTip(tr("Ctrl+N"));
    newButton->setEnabled(session.actor().can(Permission::CustomerWrite));
    connect(newButton, &QPushButton::clicked, this, &CustomersView::newCustomer);

    m_bulk = new QToolButton(this);
    m_bulk->setObjectName(QStringLiteral("bulkActions"));
    m_bulk->setText(tr("Selected"));
    m_bulk->setPopupMode(QToolButton::InstantPopup);
    m_bulk->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *bulkMenu = new QMenu(m_bulk);
    const Actor &actor = session.actor();
    QAction *assign = bulkMenu->addAction(tr("Assign to…"), this, &CustomersView::assignSelected);
    assign->setEnabled(actor.can(Permission::CustomerAssign));
    QAction *tag = bulkMenu->addAction(tr("Add tag…"), this, &CustomersView::addTagToSelected);
    tag->setEnabled(actor.can(Permission::CustomerWrite));
    QAction *pool = bulkMenu->addAction(tr("Move to public pool"), this, &CustomersView::moveSelectedToPool);
    pool->setEnabled(actor.can(Permission::CustomerAssign));
    QAction *campaign = bulkMenu->addAction(tr("Add to campaign…"), this, &CustomersView::chooseCampaignForSelected);
    campaign->setEnabled(actor.can(Permission::CampaignWrite));
    m_merge = bulkMenu->addAction(tr("Merge…"), this, &CustomersView::mergeSelected);
    m_merge->setObjectName(QStringLiteral("mergeCustomers"));
    bulkMenu->addSeparator();
    QAction *remove = bulkMenu->addAction(tr("Delete…"), this, &CustomersView::deleteSelected);
    remove->setEnabled(actor.can(Permission::CustomerDelete));
    m_bulk->setMenu(bulkMenu);

    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("export"));
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Export the customers of the current filter to Excel, CSV or JSON"));
    exportButton->setEnabled(actor.can(Permission::CustomerExport));
    connect(exportButton, &QToolButton::clicked, this, &CustomersView::exportList);

    // Importing creates customers: only for users who may write them (the importer checks again).
    auto *importButton = new QToolButton(this);
    importButton->setObjectName(QStringLiteral("import"));
    importButton->setText(tr("Import…"));
    importButton->setToolTip(tr("Import customers from a CSV or Excel file"));
    importButton->setVisible(actor.can(Permission::CustomerWrite));
    connect(importButton, &QToolButton::clicked, this, &CustomersView::importCustomers);

    auto *columns = new QToolButton(this);
    columns->setObjectName(QStringLiteral("columns"));
    columns->setText(tr("Columns"));
    columns->setPopupMode(QToolButton::InstantPopup);
    auto *columnMenu = new QMenu(columns);
    connect(columnMenu, &QMenu::aboutToShow, this, [this, columnMenu] {
        columnMenu->clear();
        buildColumnMenu(columnMenu);
    });
    columns->setMenu(columnMenu);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("count"));
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);

    // The actions share the search's row so the filters below keep room for their text at 1400 px
    // (with the last-contact dates shown the boxes were squeezed to "S…").
    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 2);
    top->addWidget(newButton);
    top->addWidget(m_bulk);
    top->addWidget(importButton);
    top->addWidget(exportButton);
    top->addWidget(columns);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_status);
    filters->addWidget(m_owner);
    filters->addWidget(m_tag);
    filters->addWidget(m_source);
    filters->addWidget(m_region);
    filters->addWidget(m_group);
    filters->addWidget(m_lastContact);
    filters->addWidget(m_createdChip);
    filters->addStretch();
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count);
    bottom->addWidget(m_notice, 1);

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Customers"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);
    layout->addLayout(top);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 id = m_model->idAt(index.row()))
            openCustomer(id);
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, [this, bulkMenu](const QPoint &pos) {
        if (m_table->selectionModel()->hasSelection())
            bulkMenu->exec(m_table->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &CustomerTableModel::countChanged, this, &CustomersView::updateCount);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CustomersView::updateCount);
    connect(m_model, &CustomerTableModel::loadFailed, this, [this](const QString &message) {
        m_notice->setText(tr("Loading failed: %1").arg(message));
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CustomersView::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CustomersView::updateActions);
    connect(&session, &Session::actorChanged, this, [this] { m_model->setActor(m_session.actor()); });

    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *create = new QShortcut(QKeySequence::New, this);
    connect(create, &QShortcut::activated, this, &CustomersView::newCustomer);
    auto *del = new QShortcut(QKeySequence::Delete, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &CustomersView::deleteSelected);

    loadUsers();
    updateCount();
    updateActions();
}

CustomersView::~CustomersView()
{
    UiSettings().setTableState(QStringLiteral("customers"), m_table->horizontalHeader()->saveState());
}

void CustomersView::buildFilters()
{
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("All statuses"), QString());
    for (const QString &s : DisplayFormat::customerStatuses())
        m_status->addItem(DisplayFormat::customerStatus(s), s);
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("ownerFilter"));
    m_owner->addItem(tr("Any owner"), QString());
    m_owner->addItem(tr("Mine"), kMine);
    m_owner->addItem(tr("Public pool"), kPool);
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    auto textFilter = [this](const char *name, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setPlaceholderText(placeholder);
        edit->setClearButtonEnabled(true);
        edit->setMinimumWidth(90);
        edit->setMaximumWidth(150);
        connect(edit, &QLineEdit::textChanged, &m_debounce, qOverload<>(&QTimer::start));
        return edit;
    };
    m_tag = textFilter("tagFilter", tr("Tag"));
    m_source = textFilter("sourceFilter", tr("Source"));
    m_region = textFilter("regionFilter", tr("Province or city"));
    m_region->setToolTip(tr("A province (广东省) or a city (深圳市), as written in the address"));
    m_group = textFilter("groupFilter", tr("Group"));
    m_group->setMaximumWidth(120);

    m_lastContact = new LastContactFilter(this);
    m_lastContact->setObjectName(QStringLiteral("lastContactFilter"));
    connect(m_lastContact, &LastContactFilter::changed, this, &CustomersView::applyFilter);

    // A drill-down's created range has no editor of its own: the chip shows it and removes it.
    m_createdChip = new QToolButton(this);
    m_createdChip->setObjectName(QStringLiteral("createdChip"));
    m_createdChip->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_createdChip->setToolTip(tr("Remove this filter"));
    m_createdChip->setStyleSheet(QStringLiteral("QToolButton { border: 1px solid palette(highlight); border-radius: 10px;"
                                                " padding: 2px 8px; background: palette(alternate-base); }"));
    m_createdChip->hide();
    connect(m_createdChip, &QToolButton::clicked, this, [this] {
        m_createdFrom.reset();
        m_createdTo.reset();
        m_createdChip->hide();
        applyFilter();
    });

    connect(m_status, &QComboBox::currentIndexChanged, this, &CustomersView::applyFilter);
    connect(m_owner, &QComboBox::currentIndexChanged, this, &CustomersView::applyFilter);
}

void CustomersView::loadUsers()
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor](Database &db) { return OrgService(db).users(actor, false); },
        [this](Result<QVector<User>> users) {
            if (!users)
                return;
            m_users.clear();
            const Actor &a = m_session.actor();
            for (const User &u : users.value())
                if (a.canSeeOwner(u.id))
                    m_users << u;
            // Owners in scope only: filtering by someone out of scope would always be empty.
            for (const User &u : std::as_const(m_users)) {
                if (u.id == a.userId)
                    continue;
                const QString name = u.displayName.isEmpty() ? u.username : u.displayName;
                if (const int index = m_owner->findData(u.id); index >= 0)
                    m_owner->setItemText(index, name); // chosen by showOwnedBy() before the names came
                else
                    m_owner->addItem(name, u.id);
            }
        });
}

void CustomersView::applyFilter()
{
    m_debounce.stop();
    CustomerFilter f = m_model->filter();
    f.keyword = m_search->text().trimmed();
    f.statuses.clear();
    if (!m_status->currentData().toString().isEmpty())
        f.statuses << m_status->currentData().toString();
    f.ownerId.reset();
    f.poolOnly = false;
    const QVariant owner = m_owner->currentData();
    if (owner.toString() == kPool)
        f.poolOnly = true;
    else if (owner.toString() == kMine)
        f.ownerId = m_session.actor().userId;
    else if (owner.toLongLong() > 0)
        f.ownerId = owner.toLongLong();
    f.tag = m_tag->text().trimmed();
    f.source = m_source->text().trimmed();
    // One box for the region: a name ending in 省/自治区 or a plain province is matched as the province,
    // anything else as the city.
    const QString region = m_region->text().trimmed();
    f.province.clear();
    f.city.clear();
    if (region.endsWith(QStringLiteral("省")) || region.endsWith(QStringLiteral("自治区")))
        f.province = region;
    else
        f.city = region;
    f.group = m_group->text().trimmed();
    // "Not contacted for N days" counts from now, to the minute so that re-applying the same choice
    // does not start a new query.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / 60'000 * 60'000;
    std::tie(f.lastContactFrom, f.lastContactTo) = m_lastContact->bounds(now);
    f.createdFrom = m_createdFrom;
    f.createdTo = m_createdTo;
    // A keyword search lists the newest matches first unless a column was chosen (see CustomerSort).
    const CustomerFilter &old = m_model->filter();
    if (f.keyword == old.keyword && f.statuses == old.statuses && f.ownerId == old.ownerId && f.poolOnly == old.poolOnly &&
        f.tag == old.tag && f.source == old.source && f.province == old.province && f.city == old.city &&
        f.group == old.group && f.lastContactFrom == old.lastContactFrom && f.lastContactTo == old.lastContactTo &&
        f.createdFrom == old.createdFrom && f.createdTo == old.createdTo)
        return; // nothing changed: no new query
    m_model->setFilter(f);
}

void CustomersView::clearFilters()
{
    resetFilterWidgets();
    applyFilter();
}

void CustomersView::resetFilterWidgets()
{
    // Without their signals: one query afterwards, not one per cleared box.
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_status, m_owner, m_tag, m_source, m_region, m_group, m_lastContact})
        w->blockSignals(true);
    m_search->clear();
    m_status->setCurrentIndex(0);
    m_owner->setCurrentIndex(0);
    m_tag->clear();
    m_source->clear();
    m_region->clear();
    m_group->clear();
    m_lastContact->setChoice(LastContactFilter::Any);
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_status, m_owner, m_tag, m_source, m_region, m_group, m_lastContact})
        w->blockSignals(false);
    m_createdFrom.reset();
    m_createdTo.reset();
    m_createdChip->hide();
}

void CustomersView::showCreatedIn(qint64 from, qint64 to, const QString &label)
{
    resetFilterWidgets();
    m_createdFrom = from;
    m_createdTo = to;
    m_createdChip->setText(tr("Created %1").arg(label) + QStringLiteral("  ×"));
    m_createdChip->show();
    applyFilter();
}

void CustomersView::showOwnedBy(qint64 ownerId)
{
    resetFilterWidgets();
    int index = m_owner->findData(ownerId);
    if (ownerId == m_session.actor().userId)
        index = m_owner->findData(kMine);
    if (index < 0) {
        // The names may not have arrived yet: list the id until they do; the scope still applies in SQL.
        m_owner->addItem(QString::number(ownerId), ownerId);
        index = m_owner->count() - 1;
    }
    {
        const QSignalBlocker block(m_owner);
        m_owner->setCurrentIndex(index);
    }
    applyFilter();
}

void CustomersView::onHeaderClicked(int column)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (!CustomerTableModel::isSortable(column)) {
        m_notice->setText(tr("Sorting is available by name, last contact, created and won value."));
        return;
    }
    m_notice->clear();
    if (column == m_sortColumn)
        m_sortOrder = m_sortOrder == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    else
        m_sortOrder = column == CustomerTableModel::Name ? Qt::AscendingOrder : Qt::DescendingOrder;
    m_sortColumn = column;
    header->setSortIndicatorShown(true);
    header->setSortIndicator(column, m_sortOrder);
    m_model->sort(column, m_sortOrder);
}

void CustomersView::buildColumnMenu(QMenu *menu)
{
    QHeaderView *header = m_table->horizontalHeader();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        if (c == CustomerTableModel::ColumnCount)
            menu->addSection(tr("Custom fields"));
        QAction *a = menu->addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(c != CustomerTableModel::Name); // a row needs something to recognise it by
        connect(a, &QAction::toggled, this, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
}

void CustomersView::updateCount()
{
    if (!m_model->isCountKnown()) {
        m_count->setText(tr("Counting…"));
        return;
    }
    const qint64 n = m_model->totalCount();
    m_count->setText(n == 0 ? tr("No customers match") : tr("%Ln customer(s)", nullptr, int(std::min<qint64>(n, INT_MAX))));
}

void CustomersView::updateActions()
{
    m_bulk->setEnabled(m_table->selectionModel()->hasSelection());
    // Merging edits one record and deletes the other: exactly two rows, and both permissions.
    qint64 rows = 0;
    for (const QItemSelectionRange &r : m_table->selectionModel()->selection())
        rows += r.height();
    const Actor &actor = m_session.actor();
    m_merge->setEnabled(rows == 2 && actor.can(Permission::CustomerWrite) && actor.can(Permission::CustomerDelete));
}

std::optional<QVector<qint64>> CustomersView::selectedIds()
{
    const QItemSelection selection = m_table->selectionModel()->selection();
    qint64 rows = 0;
    for (const QItemSelectionRange &r : selection)
        rows += r.height();
    if (rows > kMaxBulk) {
        report(false, tr("Select at most %1 customers for one action.").arg(kMaxBulk));
        return std::nullopt;
    }
    QVector<qint64> ids;
    for (const QItemSelectionRange &r : selection)
        for (int row = r.top(); row <= r.bottom(); ++row) {
            const qint64 id = m_model->idAt(row);
            if (!id) {
                report(false, tr("Some selected rows are still loading; try again in a moment."));
                return std::nullopt;
            }
            if (!ids.contains(id))
                ids << id;
        }
    return ids;
}

ExportDialog *CustomersView::exportList()
{
    auto *dialog = new ExportDialog(m_session, m_model->filter(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::finished, this, &CustomersView::report);
    if (!dialog->chooseFileAndStart()) {
        dialog->close();
        return nullptr;
    }
    dialog->open();
    return dialog;
}

MergeCustomersDialog *CustomersView::mergeSelected()
{
    if (!m_merge->isEnabled())
        return nullptr;
    auto ids = selectedIds();
    if (!ids || ids->size() != 2)
        return nullptr;
    auto *dialog = new MergeCustomersDialog(m_session, ids->at(0), ids->at(1), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &MergeCustomersDialog::merged, this, [this] {
        m_table->clearSelection();
        report(true, tr("The customers were merged.")); // the table reloads itself from the change feed
    });
    dialog->open();
    return dialog;
}

ImportDialog *CustomersView::importCustomers()
{
    // Not modal: the list behind refreshes itself (change feed) as the import lands.
    auto *dialog = new ImportDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::finished, this, &CustomersView::report);
    dialog->show();
    return dialog;
}

void CustomersView::report(bool ok, const QString &message)
{
    m_notice->setText(message);
    Q_EMIT actionFinished(ok, message);
}

void CustomersView::runBulk(const QString &doneText, std::function<Status(Database &, const QVector<qint64> &)> action)
{
    auto ids = selectedIds();
    if (!ids || ids->isEmpty())
        return;
    m_notice->setText(tr("Working…"));
    const QVector<qint64> list = *ids;
    m_session.worker().run(
        this, [action, list](Database &db) { return action(db, list); },
        [this, doneText, n = list.size()](Status st) {
            if (st)
                report(true, doneText.arg(n));
            else
                report(false, ErrorText::message(st.error()));
            // The table reloads itself from the change feed.
        });
}

void CustomersView::assignSelected()
{
    if (m_users.isEmpty())
        return;
    QStringList names;
    for (const User &u : std::as_const(m_users))
        names << (u.displayName.isEmpty() ? u.username : u.displayName + QStringLiteral(" (") + u.username + QLatin1Char(')'));
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Assign customers"), tr("New owner:"), names, 0, false, &ok);
    if (!ok)
        return;
    const qint64 owner = m_users.at(names.indexOf(chosen)).id;
    const Actor actor = m_session.actor();
    runBulk(tr("Assigned %1 customer(s)."),
            [actor, owner](Database &db, const QVector<qint64> &ids) { return PoolService(db).assign(actor, ids, owner); });
}

void CustomersView::addTagToSelected()
{
    bool ok = false;
    const QString tag = QInputDialog::getText(this, tr("Add tag"), tr("Tag:"), QLineEdit::Normal, QString(), &ok).trimmed();
    if (!ok || tag.isEmpty())
        return;
    const Actor actor = m_session.actor();
    runBulk(tr("Tagged %1 customer(s)."), [actor, tag](Database &db, const QVector<qint64> &ids) {
        return CustomerService(db).addTags(actor, ids, {tag});
    });
}

void CustomersView::moveSelectedToPool()
{
    const Actor actor = m_session.actor();
    runBulk(tr("Moved %1 customer(s) to the public pool."), [actor](Database &db, const QVector<qint64> &ids) {
        return PoolService(db).assign(actor, ids, std::nullopt);
    });
}

void CustomersView::chooseCampaignForSelected()
{
    // Customers join campaigns still to come or under way; a company runs dozens, not thousands.
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this,
        [actor](Database &db) -> Result<QVector<Campaign>> {
            QVector<Campaign> open;
            CampaignService campaigns(db);
            for (const QString &status : {QStringLiteral("active"), QStringLiteral("planned")}) {
                CampaignFilter filter;
                filter.status = status;
                filter.limit = 100;
                auto page = campaigns.list(actor, filter);
                if (!page)
                    return page.error();
                open += page->campaigns;
            }
            return open;
        },
        [this](Result<QVector<Campaign>> open) {
            if (!open) {
                report(false, ErrorText::message(open.error()));
                return;
            }
            if (open->isEmpty()) {
                report(false, tr("No campaign is planned or running: create one in Campaigns first."));
                return;
            }
            const QStringList names = CampaignTableModel::choiceLabels(*open);
            bool ok = false;
            const QString chosen = QInputDialog::getItem(this, tr("Add to campaign"), tr("Campaign:"), names, 0, false, &ok);
            if (ok)
                addSelectedToCampaign(open->at(names.indexOf(chosen)).id);
        });
}

void CustomersView::addSelectedToCampaign(qint64 campaignId)
{
    auto ids = selectedIds();
    if (!ids || ids->isEmpty())
        return;
    m_notice->setText(tr("Working…"));
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor, campaignId, list = *ids](Database &db) { return CampaignService(db).addParticipants(actor, campaignId, list); },
        [this, selected = ids->size()](Result<qint64> added) {
            if (!added) {
                report(false, ErrorText::message(added.error()));
                return;
            }
            if (*added == selected)
                report(true, tr("Added %n customer(s) to the campaign.", nullptr, int(*added)));
            else
                report(true, tr("Added %1 customer(s) to the campaign; %2 already took part.").arg(*added).arg(selected - *added));
        });
}

void CustomersView::deleteSelected()
{
    if (!m_session.actor().can(Permission::CustomerDelete))
        return;
    auto ids = selectedIds();
    if (!ids || ids->isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete customers"),
        tr("Delete %n customer(s) with their contacts and history? This cannot be undone.", nullptr, int(ids->size())),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    const Actor actor = m_session.actor();
    runBulk(tr("Deleted %1 customer(s)."), [actor](Database &db, const QVector<qint64> &ids) -> Status {
        // All or nothing, like the other bulk actions.
        return db.write([&]() -> Status {
            CustomerService svc(db);
            for (qint64 id : ids)
                if (Status st = svc.remove(actor, id); !st)
                    return st;
            return {};
        });
    });
}

void CustomersView::newCustomer()
{
    if (!m_session.actor().can(Permission::CustomerWrite))
        return;
    auto *dialog = new CustomerDialog(m_session, 0, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CustomersView::openCustomer(qint64 id)
{
    auto *dialog = new CustomerDialog(m_session, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace crm
