#pragma once

#include "core/Error.h"
#include "core/domain/Lead.h"
#include "core/domain/Organization.h"

#include <QVector>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QTableView;

namespace crm {

class ReloadSoon;

class LeadDialog;
class LeadTableModel;
class Session;

// The leads in the signed-in user's scope (LeadService applies it: the unassigned queue only for
// those who see all or hold customer.assign), newest first, paged on demand. Filters: status (open =
// new, contacted, qualified; each status; all) and owner (all visible, unassigned, mine), with the
// total. With lead.write: new lead, edit (LeadDialog, only the changed fields with the version it
// loaded), assign to a user in scope or back to the queue, convert into a customer (and an
// opportunity), delete. Every write runs on the session's worker; the list follows lead changes from
// anywhere (this desktop, the API, other processes) through the change feed.
class LeadsView : public QWidget
{
    Q_OBJECT
public:
    enum class OwnerFilter { All, Unassigned, Mine };

    explicit LeadsView(Session &session, QWidget *parent = nullptr);

    LeadTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // "open" (new, contacted, qualified), "all", or one status code.
    void setStatusFilter(const QString &value);
    void setOwnerFilter(OwnerFilter owner);
    void selectLead(qint64 leadId);
    // The selected lead when exactly one is selected.
    std::optional<Lead> selectedLead() const;
    // Every selected lead, in table order.
    QVector<Lead> selectedLeads() const;
    // The last outcome shown under the table.
    QString notice() const;

    void newLead();
    void editSelected();
    // Asks for the new owner of the selected leads: a user in the actor's scope, or (for those who
    // see it) the queue.
    void assignSelected();
    void convertSelected();
    void deleteSelected();
    // Gives `lead` (as loaded: its version goes with the update) to ownerId, or none: the queue.
    void assign(const Lead &lead, std::optional<qint64> ownerId);
    // The same for several leads, in one transaction: all of them or, if one was changed meanwhile, none.
    void assign(const QVector<Lead> &leads, std::optional<qint64> ownerId);

Q_SIGNALS:
    void openCustomer(qint64 customerId);
    // A write finished (ok or refused), with what the notice line says.
    void actionFinished(bool ok, const QString &message);

private:
    void buildFilters();
    void buildActions();
    void applyFilter();
    void loadUsers();
    void updateActions();
    void updateCount();
    void openDialog(const Lead &lead);
    void save(LeadDialog *dialog);
    void convert(const Lead &lead);
    void remove(const Lead &lead);
    void report(bool ok, const QString &message);
    bool seesQueue() const;

    Session &m_session;
    LeadTableModel *m_model;
    QTableView *m_table;
    QComboBox *m_status = nullptr;
    QComboBox *m_owner = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_notice = nullptr;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_assign = nullptr;
    QAction *m_convert = nullptr;
    QAction *m_delete = nullptr;
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads once
    QVector<User> m_users; // whom leads may be assigned to
    qint64 m_keepSelected = 0; // reselected when the rows come back
};

} // namespace crm
