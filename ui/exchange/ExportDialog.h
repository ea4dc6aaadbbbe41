#pragma once

#include "core/domain/Customer.h"
#include "reports/Progress.h"
#include "reports/export/RecordSink.h"

#include <QDialog>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace crm {

class DbWorker;
class Session;

// Exports what a list shows (its current filter, within the user's scope, field rules and masking)
// to CSV, Excel or JSON, with progress and cancel. The export runs on a worker of its own, so the
// views keep their connection, and the window never waits. A cancelled export leaves no file.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    ExportDialog(Session &session, const CustomerFilter &filter, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // Asks for a file name and format, then starts; false when the user cancelled the file dialog.
    bool chooseFileAndStart();
    void start(const QString &path, ExportFormat format);
    // Stops a running export (nothing is left behind) and closes once it has stopped.
    void cancel();
    bool isRunning() const { return m_running; }

    // The file type for a file name's suffix (csv when none matches).
    static ExportFormat formatForPath(const QString &path);

Q_SIGNALS:
    // ok: the file is complete; message: what happened, for the status line.
    void finished(bool ok, const QString &message);

protected:
    void reject() override;

private:
    void onProgress(const TaskProgress &progress);

    Session &m_session;
    CustomerFilter m_filter;
    std::unique_ptr<DbWorker> m_worker;
    std::shared_ptr<CancelFlag> m_cancel;
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancelButton;
    bool m_running = false;
};

} // namespace crm
