#pragma once

#include "core/domain/Campaign.h"
#include "core/domain/Organization.h"

#include <QDialog>
#include <QMap>
#include <QSet>
#include <QTimer>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace crm {

class Session;

// A campaign's fields for a new campaign or an edit: name, goal, description, start and end dates
// (each optional), status, budget (exact, two decimals) and currency, and the target group (customer
// statuses, tag, group, source, province, city, owner). While the target is edited the dialog counts
// how many customers in the user's scope it reaches (CustomerService::count on the session's worker,
// debounced). The dialog does not write: Save announces submitted() and the view writes through
// CampaignService, answering with accept() or showError().
class CampaignDialog : public QDialog
{
    Q_OBJECT
public:
    // campaign.id 0: a new campaign.
    CampaignDialog(Session &session, const Campaign &campaign, QWidget *parent = nullptr);

    // The campaign as loaded (its id and version go with the update).
    const Campaign &original() const { return m_original; }
    // Shows another copy of the campaign (read again after a conflict): the fields and the version.
    void setCampaign(const Campaign &campaign);
    Campaign values() const;
    CampaignTarget target() const;
    // The budget as typed, in minor units; nullopt when it is not an amount.
    std::optional<qint64> budgetMinor() const;
    // The fields whose values differ from the loaded campaign (all of them for a new campaign).
    QSet<QString> changedFields() const;
    void showError(const QString &message);
    QString errorText() const;
    void setBusy(bool busy);

    // The last reach counted for the target shown, or nullopt while counting (or after a failure).
    std::optional<qint64> reach() const { return m_reach; }
    QString reachText() const;

Q_SIGNALS:
    void submitted();
    // A reach count finished for the target currently shown.
    void reachCounted();

private:
    void loadUsers();
    void targetEdited();
    void countReach();
    void selectOwner(std::optional<qint64> ownerId);

    Session &m_session;
    Campaign m_original;
    QLineEdit *m_name;
    QLineEdit *m_goal;
    QPlainTextEdit *m_description;
    QCheckBox *m_hasStart;
    QDateEdit *m_start;
    QCheckBox *m_hasEnd;
    QDateEdit *m_end;
    QComboBox *m_status;
    QLineEdit *m_budget;
    QComboBox *m_currency;
    QMap<QString, QCheckBox *> m_targetStatuses; // by customer status code
    QLineEdit *m_tag;
    QLineEdit *m_group;
    QLineEdit *m_source;
    QLineEdit *m_province;
    QLineEdit *m_city;
    QComboBox *m_owner;
    QLabel *m_reachLabel;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QTimer m_reachSoon; // typing a tag counts once, after a pause
    int m_reachGeneration = 0;
    std::optional<qint64> m_reach;
};

} // namespace crm
