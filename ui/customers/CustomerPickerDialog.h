#pragma once

#include "core/domain/Customer.h"

#include <QDialog>
#include <QString>
#include <QTimer>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace crm {

class Session;

// "Choose a customer": a small modal dialog that answers "which customer?" for an action that starts
// from somewhere without one, such as the pipeline board's "New opportunity…" (the board then opens
// the deal dialog for the customer chosen). A search box over a short list: what is typed is searched
// by the core (CustomerService::list with the keyword: name, company, phones, emails, tags; Chinese
// substrings included) in the user's scope, a quarter of a second after the last keystroke so a word
// typed quickly is one query. The empty box lists the first customers in the order the customers view
// shows by default. Only the first kLimit matches are listed: a picker is for finding one customer by
// typing more, not for paging through thousands.
//
// Reads run on the session's worker; every query carries a generation and an answer to an older one
// (a slow search overtaken by a keystroke) is dropped, so the list always matches the box.
//
// Keyboard: Down in the box moves to the list, Up on its first row moves back; Enter or a
// double-click on a row chooses it. OK is enabled only while a row is selected.
class CustomerPickerDialog : public QDialog
{
    Q_OBJECT
public:
    // Enough to recognise the one meant; more is a sign to type more.
    static constexpr int kLimit = 20;
    static constexpr int kDebounceMs = 250;

    explicit CustomerPickerDialog(Session &session, QWidget *parent = nullptr);

    // Runs the query for `text` now, without the debounce (the box's timer and tests call it).
    void search(const QString &text);

    // The selected row's customer: 0 and an empty name when no row is selected.
    qint64 customerId() const;
    QString customerName() const;
    // A query is waiting for its debounce or for the worker's answer.
    bool isSearching() const;
    QListWidget *results() const { return m_results; }

Q_SIGNALS:
    // An answer (rows, none, or an error) has been shown.
    void searched();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showPage(const QString &keyword, const CustomerPage &page);
    void updateOk();
    QString rowText(const Customer &c) const;

    Session &m_session;
    QLineEdit *m_search;
    QListWidget *m_results;
    QLabel *m_status;
    QPushButton *m_ok;
    QTimer m_debounce;
    int m_generation = 0;
    bool m_running = false; // a query has been posted and its answer is not in yet
};

} // namespace crm
