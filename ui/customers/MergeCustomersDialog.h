#pragma once

#include "core/Error.h"
#include "core/services/CustomerMerge.h"

#include <QDialog>
#include <QVector>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QPushButton;
class QRadioButton;

namespace crm {

class Session;

// Merges two duplicate customers: the two side by side, which one survives, a choice per field whose
// values differ, and what moves from the other one. Reading and merging run on the session's worker
// (CustomerMerge); the list refreshes through the change feed.
//
// The default survivor is the record with more history (activities and opportunities), and among
// equals the older one: that is the record the team has been working with and other systems have
// most likely linked to, and the fewest rows move. A field's default is the survivor's value unless
// it is empty and the other one's is not. Fields the user may not edit keep the survivor's value.
class MergeCustomersDialog : public QDialog
{
    Q_OBJECT
public:
    MergeCustomersDialog(Session &session, qint64 firstId, qint64 secondId, QWidget *parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    qint64 survivorId() const;
    void setSurvivor(qint64 id);
    // The fields with a choice ("status", "customFields.budget"), in display order.
    QStringList choiceFields() const;
    // Which record's value a field takes (a customer id); 0 for a field without a choice.
    qint64 valueSource(const QString &field) const;
    void setValueSource(const QString &field, qint64 customerId);
    bool isChoiceEnabled(const QString &field) const;
    // What the Merge button would ask of the core.
    CustomerMergeRequest request() const;
    QString summary() const;
    QString errorMessage() const;
    QPushButton *mergeButton() const { return m_mergeButton; }

public Q_SLOTS:
    void merge();

Q_SIGNALS:
    void loaded();
    void merged(qint64 survivorId);
    void mergeFailed(const crm::Error &error);

private:
    struct Choice
    {
        QString field; // "status" or "customFields.<key>"
        QButtonGroup *group = nullptr;
        QRadioButton *first = nullptr, *second = nullptr;
        bool locked = false; // the user may not edit it: the survivor's value stays
        bool firstEmpty = false, secondEmpty = false;
    };

    void load();
    void display(const CustomerMergePreview &preview);
    void clearGrid();
    void addChoice(int row, const QString &field, const QString &label, const QString &first, const QString &second,
                   bool locked);
    void applyDefaults();
    void updateSummary();
    void showError(const Error &error);
    static QString linksText(const CustomerLinkCounts &counts);

    Session &m_session;
    qint64 m_firstId, m_secondId;
    CustomerMergePreview m_preview;
    bool m_loaded = false;
    QGridLayout *m_grid;
    QButtonGroup *m_survivor;
    QRadioButton *m_firstSurvives, *m_secondSurvives;
    QVector<Choice> m_choices;
    QList<QWidget *> m_rowWidgets; // the rows below the survivor choice, rebuilt on each load
    QLabel *m_summary;
    QLabel *m_error;
    QPushButton *m_mergeButton;
};

} // namespace crm
