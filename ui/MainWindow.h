#pragma once

#include <QMainWindow>
#include <QSet>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QSystemTrayIcon;

namespace crm {

class EmbeddedServer;
class Session;
class TaskReminder;
struct DashboardLink;
struct Task;

// The workstation: a navigation list on the left and one view at a time. Only views that exist are
// listed. Window geometry and the last view come back on the next start.
//
// Extension point: views register in buildViews() with addView(), each only for users whose
// permissions allow it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // server may be null (no embedded API server in this process).
    MainWindow(Session &session, EmbeddedServer *server, QWidget *parent = nullptr);
    ~MainWindow() override;

    void addView(const QString &id, const QIcon &icon, const QString &title, QWidget *view);
    void showView(const QString &id);
    QString currentViewId() const;
    QStringList viewIds() const;
    QWidget *view(const QString &id) const;
    // A dashboard click: new customers of a bucket -> the customers narrowed to created in it (a chip);
    // a funnel stage -> the deals the funnel counted there (DealsDialog); won in a bucket -> a list
    // of the won deals closed then (DealsDialog); a rep's activities -> those activities (ActivitiesDialog).
    void openDashboardLink(const DashboardLink &link);

Q_SIGNALS:
    void signOutRequested();
    // Settings > Language changed: whoever owns the translators installs the new one (Desktop); the
    // window then follows the LanguageChange that brings.
    void languageChosen(const QString &setting);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildViews();
    // Rebuilds the views (after a change of permissions or of language); `why` goes to the status bar.
    void rebuildViews(const QString &why);
    // Every text of the window in the language just installed.
    void retranslate();
    void buildMenus();
    void updateStatus();
    void saveState();
    void startReminders();
    void openCustomer(qint64 customerId);
    void openOpportunity(qint64 opportunityId);
    // The board's "New opportunity…": which customer first, then the deal's page for it in that pipeline.
    void newOpportunity(qint64 pipelineId);
    void showReminders(const QVector<Task> &tasks);
    void showOverdueDeals(int count);

    Session &m_session;
    EmbeddedServer *m_server;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    QLabel *m_userLabel;
    QLabel *m_serverLabel;
    QStringList m_ids;
    QSet<QString> m_builtFor; // the permissions the views were built with
    QList<QMenu *> m_menus;
    bool m_retranslatePending = false;
    TaskReminder *m_reminder = nullptr;
    QSystemTrayIcon *m_tray = nullptr; // null where the desktop has no tray
};

} // namespace crm
