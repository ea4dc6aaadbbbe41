#pragma once

#include "core/Result.h"
#include "core/domain/Organization.h"
#include "reports/report/ReportData.h"

#include <QImage>
#include <QVector>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace crm {

class DbWorker;
class Session;

// Reports in the desktop: a report (ReportBuilder::names()), a period (the words `crm report` and the
// API take: the last 30/90/365 days, this or last month, or two dates) and whose data (the user's whole
// scope, or one user in it). Preview builds the report on the view's own worker and shows its pages as
// the PDF prints them (ReportPainter::pages); "Save as PDF" and "Save as Excel" write that report with
// the writers `crm report` and the API use. The main window shows the view to users with report.read
// and report.export, the permissions ReportBuilder checks.
class ReportsView : public QWidget
{
    Q_OBJECT
public:
    static constexpr double kPreviewDpi = 110;

    explicit ReportsView(Session &session, QWidget *parent = nullptr);
    ~ReportsView() override;

    void setReport(const QString &name);
    // "30d", "90d", "365d", "this-month", "last-month", or a custom range of local days.
    void setPeriod(const QString &word);
    void setCustomPeriod(const QDate &first, const QDate &last);
    // One user's data (within the scope); 0: the whole scope.
    void setOwner(qint64 userId);
    // Builds the chosen report and shows its pages (previewed() when done, or an error in the status).
    void preview();
    // Writes the previewed report (saved() when done); `pdf` false: XLSX.
    void saveAs(const QString &path, bool pdf);

    bool isBusy() const { return m_busy; }
    const std::optional<ReportData> &report() const { return m_report; }
    const QVector<QImage> &pages() const { return m_pages; }
    QString statusText() const;

Q_SIGNALS:
    void previewed();
    void saved(const QString &path, bool ok);

private:
    void loadUsers();
    void showUsers(const QVector<User> &users);
    void showPages();
    void setBusy(bool busy);
    void askAndSave(bool pdf);

    Session &m_session;
    std::unique_ptr<DbWorker> m_worker;
    QComboBox *m_reportBox;
    QComboBox *m_periodBox;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_ownerBox;
    QPushButton *m_previewButton;
    QPushButton *m_pdfButton;
    QPushButton *m_xlsxButton;
    QLabel *m_status;
    QScrollArea *m_scroll;
    QVBoxLayout *m_pagesLayout;
    std::optional<ReportData> m_report;
    QVector<QImage> m_pages;
    bool m_busy = false;
};

} // namespace crm
