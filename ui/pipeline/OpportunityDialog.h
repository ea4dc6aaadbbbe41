#pragma once

#include "core/Error.h"
#include "core/Result.h"
#include "core/domain/Opportunity.h"
#include "core/domain/Organization.h"
#include "core/domain/Task.h"
#include "ui/FieldMessages.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTreeWidget;

namespace crm {

class CustomerTimeline;
class Session;

// A deal's page: name, pipeline and stage (a lost stage asks for its reason on the form), amount
// and currency as exact money, probability, expected close date, owner, notes; then what happened
// to it (the stage history with the days spent in each stage), its activities (log a call, visit or
// note on it there) and its tasks. New (for a customer
// the caller names) or existing. Reads and writes run on the session's worker through
// OpportunityService, so the scope, field rules and validation are the core's; a refused save shows
// the service's message under the field it names. Saving sends only what was edited, with the
// version it read, so a change made meanwhile elsewhere is refused rather than overwritten; a stage
// change and the edited fields are one transaction, and Edit > Undo takes both back.
class OpportunityDialog : public QDialog
{
    Q_OBJECT
public:
    // An existing opportunity.
    OpportunityDialog(Session &session, qint64 opportunityId, QWidget *parent = nullptr);
    // A new one for draft.customerId (its customerName is shown); a pipelineId or stageId in the
    // draft is chosen first, else the default pipeline's first stage.
    OpportunityDialog(Session &session, const Opportunity &draft, QWidget *parent = nullptr);

    const Opportunity &opportunity() const { return m_opportunity; }
    // The message shown for a field ("name", "amountMinor", ...), empty when none.
    QString fieldMessage(const QString &field) const;
    QString generalMessage() const;
    const QVector<StageChange> &history() const { return m_history; }
    const QVector<Task> &tasks() const { return m_tasks; }
    // The activities tab of an existing deal, once loaded; null before, for a new one, or without activity.read.
    CustomerTimeline *activities() const { return m_activities; }
    // "Open customer" is pointless where the dialog was opened from the customer's own page.
    void setCustomerLinkVisible(bool visible);
    // Tests answer the delete question without a message box.
    void setConfirmProvider(std::function<bool()> confirm) { m_confirm = std::move(confirm); }

public Q_SLOTS:
    void save();
    // Asks (unless a provider answers), then deletes the opportunity.
    void remove();

Q_SIGNALS:
    void loaded();
    void saved(qint64 id);
    void saveFailed(const Error &error);
    void removed(qint64 id);
    void openCustomer(qint64 customerId);

private:
    struct Loaded;

    void build();
    void load(const Opportunity &draft);
    void showLoaded(const Loaded &loaded);
    void display(const Opportunity &o);
    void fillStages(qint64 pipelineId, qint64 stageId);
    void stageChosen();
    const Stage *chosenStage() const;
    // The fields whose values on the form differ from the loaded record and the role may edit.
    QSet<QString> editedFields(const Opportunity &values) const;
    Result<Opportunity> collect() const;
    void applyFieldRules();
    void showError(const Error &error);

    Session &m_session;
    Opportunity m_opportunity; // as loaded (or the draft of a new one)
    QVector<Pipeline> m_pipelines;
    QVector<User> m_users;
    QVector<StageChange> m_history;
    QVector<Task> m_tasks;
    bool m_probabilityEdited = false; // by the user: a stage change then keeps it
    std::function<bool()> m_confirm;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_customer = nullptr;
    QComboBox *m_pipeline = nullptr;
    QComboBox *m_stage = nullptr;
    QLineEdit *m_lossReason = nullptr;
    QFormLayout *m_form = nullptr;
    int m_lossReasonRow = -1; // shown for a lost stage only
    QLineEdit *m_amount = nullptr;
    QComboBox *m_currency = nullptr;
    QSpinBox *m_probability = nullptr;
    QDateEdit *m_expectedClose = nullptr;
    QComboBox *m_owner = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_info = nullptr;
    QTreeWidget *m_historyList = nullptr;
    QTreeWidget *m_taskList = nullptr;
    CustomerTimeline *m_activities = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_openCustomer = nullptr;
    FieldMessages m_messages; // under the fields, and the general line
    QHash<QString, QWidget *> m_fieldWidgets;
};

} // namespace crm
