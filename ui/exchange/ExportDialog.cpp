#include "ui/exchange/ExportDialog.h"

#include "core/ErrorText.h"
#include "reports/export/CustomerExporter.h"
#include "ui/DbWorker.h"
#include "ui/LanguageLoader.h"
#include "ui/Session.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace crm {

ExportDialog::ExportDialog(Session &session, const CustomerFilter &filter, QWidget *parent)
    : QDialog(parent), m_session(session), m_filter(filter), m_cancel(std::make_shared<CancelFlag>(false)),
      m_label(new QLabel(this)), m_bar(new QProgressBar(this)), m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(tr("Export customers"));
    setMinimumWidth(420);
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_label->setText(tr("Preparing…"));
    connect(m_cancelButton, &QPushButton::clicked, this, &ExportDialog::cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancelButton, 0, Qt::AlignRight);
}

ExportDialog::~ExportDialog()
{
    // Stop the export and join its thread before the members it reports to go away.
    m_cancel->store(true);
    m_worker.reset();
}

ExportFormat ExportDialog::formatForPath(const QString &path)
{
    return CustomerExporter::formatFromName(QFileInfo(path).suffix().toLower()).value_or(ExportFormat::Csv);
}

bool ExportDialog::chooseFileAndStart()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = tr("customers") + QStringLiteral("-") + QDate::currentDate().toString(Qt::ISODate);
    QString selected;
    const QString path = QFileDialog::getSaveFileName(parentWidget(), tr("Export customers"), QDir(dir).filePath(name + QStringLiteral(".xlsx")),
                                                      tr("Excel (*.xlsx);;CSV for Excel (*.csv);;JSON (*.json)"), &selected);
    if (path.isEmpty())
        return false;
    start(path, formatForPath(path));
    return true;
}

void ExportDialog::start(const QString &path, ExportFormat format)
{
    m_running = true;
    m_worker = m_session.openWorker(QStringLiteral("crm-export"));
    CustomerExportOptions options;
    options.format = format;
    options.filter = m_filter;
    options.chineseHeaders = !LanguageLoader::isEnglish();
    options.cancel = m_cancel.get();
    // Called on the worker thread: hand the figures to the dialog's thread.
    options.progress = [this](const TaskProgress &p) {
        QMetaObject::invokeMethod(this, [this, p] { onProgress(p); }, Qt::QueuedConnection);
    };
    const Actor actor = m_session.actor();
    const QString fileName = QFileInfo(path).fileName();
    m_label->setText(tr("Exporting to %1…").arg(fileName));
    m_worker->run(
        this,
        [actor, path, options, cancel = m_cancel](Database &db) {
            return CustomerExporter(db).exportTo(actor, path, options);
        },
        [this, fileName](Result<CustomerExportSummary> summary) {
            m_running = false;
            if (!summary) {
                const bool cancelled = m_cancel->load();
                const QString message = cancelled ? tr("Export cancelled; no file was written.")
                                                  : tr("Export failed: %1").arg(ErrorText::message(summary.error()));
                Q_EMIT finished(false, message);
                done(QDialog::Rejected);
                return;
            }
            QString message = tr("Exported %n customer(s) to %1.", nullptr, int(summary->rows)).arg(fileName);
            if (summary->masked)
                message += QLatin1Char(' ') + tr("Phones and emails are masked.");
            Q_EMIT finished(true, message);
            done(QDialog::Accepted);
        });
}

void ExportDialog::onProgress(const TaskProgress &p)
{
    m_bar->setValue(int(p.fraction * 1000));
    if (p.total > 0)
        m_label->setText(tr("Exported %1 of %2 customers…").arg(p.done).arg(p.total));
    else
        m_label->setText(tr("Exported %1 customers…").arg(p.done));
}

void ExportDialog::cancel()
{
    if (!m_running) {
        QDialog::reject();
        return;
    }
    m_cancel->store(true);
    m_cancelButton->setEnabled(false);
    m_label->setText(tr("Cancelling…"));
    // The dialog closes when the export has stopped and removed its partial file.
}

void ExportDialog::reject()
{
    cancel(); // Esc and the window's close button cancel too
}

} // namespace crm
