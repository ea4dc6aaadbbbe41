#pragma once

#include "core/Result.h"
#include "core/domain/Organization.h"

#include <QTimer>
#include <QVector>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTableView;
class QToolButton;

namespace crm {

class CustomerTableModel;
class Database;
class ExportDialog;
class MergeCustomersDialog;
class ImportDialog;
class LastContactFilter;
class Session;

// The customer base as a table over CustomerTableModel: a debounced search box (Chinese substring
// search), filters, sortable columns, a column chooser, and bulk actions on the selected rows.
// Keys: Ctrl+F search, Ctrl+N new customer, Enter opens, Delete asks, then deletes.
class CustomersView : public QWidget
{
    Q_OBJECT
public:
    explicit CustomersView(Session &session, QWidget *parent = nullptr);
    ~CustomersView() override;

    CustomerTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // Ids of the selected rows that are loaded; nullopt (with a message shown) when the selection
    // is too large or reaches rows that are not loaded.
    std::optional<QVector<qint64>> selectedIds();

    // The search debounce, shortened by tests.
    void setSearchDelay(int ms) { m_debounce.setInterval(ms); }

    // Drill-downs (a dashboard bar): every other filter cleared, then only the customers created in
    // [from, to) UTC ms, shown as a removable chip "Created <label> ×"; or only one owner's customers.
    void showCreatedIn(qint64 from, qint64 to, const QString &label);
    void showOwnedBy(qint64 ownerId);
    // Search, filters and any drill-down chip back to "everything in scope".
    void clearFilters();
    LastContactFilter *lastContactFilter() const { return m_lastContact; }

public Q_SLOTS:
    void newCustomer();
    void openCustomer(qint64 id);
    void deleteSelected();
    void assignSelected();
    void addTagToSelected();
    void moveSelectedToPool();
    // Asks which planned or running campaign, then adds the selected customers to it.
    void chooseCampaignForSelected();
    void addSelectedToCampaign(qint64 campaignId);
    void applyFilter();
    // Exports the current filter (file dialog, then a progress dialog); null when the user cancelled.
    ExportDialog *exportList();
    // Opens the merge dialog for exactly two selected customers; null otherwise.
    MergeCustomersDialog *mergeSelected();
    // Opens the import dialog (users with customer.write only).
    ImportDialog *importCustomers();

Q_SIGNALS:
    // A bulk action or deletion finished (ok or not), for tests and the status line.
    void actionFinished(bool ok, const QString &message);

private:
    void buildFilters();
    void resetFilterWidgets();
    void buildColumnMenu(QMenu *menu);
    void loadUsers();
    void onHeaderClicked(int column);
    void updateCount();
    void updateActions();
    void runBulk(const QString &doneText, std::function<Status(Database &, const QVector<qint64> &)> action);
    void report(bool ok, const QString &message);

    Session &m_session;
    CustomerTableModel *m_model;
    QTableView *m_table;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_owner;
    QLineEdit *m_tag;
    QLineEdit *m_source;
    QLineEdit *m_region;
    QLineEdit *m_group;
    LastContactFilter *m_lastContact;
    QToolButton *m_createdChip; // visible while a created range narrows the list
    std::optional<qint64> m_createdFrom, m_createdTo;
    QLabel *m_count;
    QLabel *m_notice;
    QToolButton *m_bulk;
    QAction *m_merge = nullptr;
    QTimer m_debounce;
    QVector<User> m_users;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace crm
