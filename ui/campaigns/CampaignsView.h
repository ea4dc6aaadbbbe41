#pragma once

#include "core/domain/Analytics.h"
#include "core/domain/Campaign.h"
#include "core/domain/Organization.h"

#include <QVector>
#include <QWidget>

#include <optional>
#include <utility>

class QAction;
class QComboBox;
class QLabel;
class QTableView;

namespace crm {

class ReloadSoon;

class CampaignDialog;
class CampaignTableModel;
class ParticipantTableModel;
class Session;

// Marketing campaigns (company-wide: everyone with campaign.read sees them all), newest first, paged
// on demand, filtered by status. With campaign.write: new campaign and edit (CampaignDialog: only the
// changed fields with the version it loaded; a stale copy is refused and read again), delete, and
// adding the customers of the campaign's saved target. The details pane shows the selected campaign's
// participant counts and feedback score, and its participants (customers in the user's scope only)
// 200 at a time with a status filter; a participant's answer is recorded with campaign.write, or with
// customer.write (a rep who talked to their own customer), as CampaignService allows. Every read and
// write runs on the session's worker; the list and the pane follow campaign, feedback and customer
// changes from anywhere (this desktop, the API, other processes) through the change feed.
class CampaignsView : public QWidget
{
    Q_OBJECT
public:
    explicit CampaignsView(Session &session, QWidget *parent = nullptr);
    ~CampaignsView() override;

    CampaignTableModel *model() const { return m_model; }
    ParticipantTableModel *participantModel() const { return m_participants; }
    QTableView *table() const { return m_table; }
    QTableView *participantTable() const { return m_participantTable; }
    // A campaign status code, or empty for all.
    void setStatusFilter(const QString &status);
    // A participant status code, or empty for all.
    void setParticipantStatusFilter(const QString &status);
    void selectCampaign(qint64 campaignId);
    std::optional<Campaign> selectedCampaign() const;
    void selectParticipant(qint64 customerId);
    std::optional<CampaignParticipant> selectedParticipant() const;
    // The last outcome shown under the table.
    QString notice() const;
    // The details pane's figures, as last read for the selected campaign.
    const CampaignStats &stats() const { return m_stats; }
    // Unset without feedback.read (or before the first read).
    const std::optional<ScoreSummary> &feedback() const { return m_feedback; }
    // Deals won by participants after they joined, since the campaign began; unset without
    // report.read or before it began.
    const std::optional<CampaignEffect> &effect() const { return m_effect; }
    // The pane's counts or its participants are being read.
    bool isLoadingDetails() const;

    void newCampaign();
    void editSelected();
    void deleteSelected();
    // Adds the in-scope customers matching the selected campaign's saved target.
    void addFromTarget();
    // Asks for the selected participant's answer (status and what they said).
    void recordResponseForSelected();
    void openSelectedCustomer();

Q_SIGNALS:
    void openCustomer(qint64 customerId);
    // A write finished (ok or refused), with what the notice line says.
    void actionFinished(bool ok, const QString &message);
    // The details pane's counts were read (or the pane was cleared).
    void detailsLoaded();

private:
    void buildActions();
    QWidget *buildDetails();
    void applyFilter();
    void loadUsers();
    void onCampaignSelected();
    void showCampaign(const std::optional<Campaign> &campaign);
    void loadDetails();
    void reloadDetails();
    void updateActions();
    void updateCount();
    void openDialog(const Campaign &campaign);
    void save(CampaignDialog *dialog);
    void remove(const Campaign &campaign);
    void addParticipants(const Campaign &campaign);
    void recordResponse(const CampaignParticipant &participant);
    void report(bool ok, const QString &message);
    QString targetText(const CampaignTarget &target) const;

    Session &m_session;
    CampaignTableModel *m_model;
    ParticipantTableModel *m_participants;
    QTableView *m_table;
    QTableView *m_participantTable;
    QComboBox *m_status = nullptr;
    QComboBox *m_participantStatus = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_notice = nullptr;
    QWidget *m_details = nullptr;
    QLabel *m_detailsTitle = nullptr;
    QLabel *m_detailsInfo = nullptr;
    QLabel *m_detailsTarget = nullptr;
    QLabel *m_statParticipants = nullptr;
    QLabel *m_statInvited = nullptr;
    QLabel *m_statResponded = nullptr;
    QLabel *m_statConverted = nullptr;
    QLabel *m_statDeclined = nullptr;
    QLabel *m_feedbackLabel = nullptr;
    QLabel *m_effectLabel = nullptr;
    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_addFromTarget = nullptr;
    QAction *m_record = nullptr;
    QAction *m_openCustomer = nullptr;
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads the list once
    ReloadSoon *m_detailsSoon = nullptr; // ... and the details pane once
    QVector<User> m_users; // in scope: names for a target's owner
    qint64 m_keepSelected = 0; // reselected when the rows come back
    std::pair<qint64, qint64> m_keepParticipant{0, 0}; // campaign and customer id of the selected participant
    qint64 m_detailsId = 0; // the campaign the pane shows
    int m_detailsGeneration = 0;
    bool m_detailsLoading = false;
    CampaignStats m_stats;
    std::optional<ScoreSummary> m_feedback;
    std::optional<CampaignEffect> m_effect;
};

} // namespace crm
