#include "ui/ScreenshotTour.h"

#include "ui/MainWindow.h"
#include "ui/campaigns/CampaignTableModel.h"
#include "ui/campaigns/CampaignsView.h"
#include "ui/customers/CustomerDialog.h"
#include "ui/customers/CustomerTableModel.h"
#include "ui/customers/CustomersView.h"
#include "ui/pipeline/OpportunityDialog.h"
#include "ui/pipeline/PipelineBoardView.h"
#include "ui/pipeline/StageColumnModel.h"
#include "ui/reports/ReportsView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPixmap>
#include <QTableView>
#include <QTimer>

namespace crm {

Q_LOGGING_CATEGORY(lcShots, "crm.ui.screenshots")

namespace {

// Waits (running the event loop) until `ready` or the timeout.
bool waitFor(const std::function<bool()> &ready, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!ready() && t.elapsed() < timeoutMs)
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    return ready();
}

void settle(int ms = 300)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

} // namespace

ScreenshotTour::ScreenshotTour(const QString &directory, QObject *parent) : QObject(parent), m_directory(directory) {}

bool ScreenshotTour::capture(QWidget *widget, const QString &name)
{
    if (m_directory.isEmpty() || !widget)
        return false;
    QDir().mkpath(m_directory);
    settle(200);
    const QString file = QDir(m_directory).filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(file);
    if (!ok) {
        m_failed = true;
        qCWarning(lcShots) << "cannot write" << file;
    }
    return ok;
}

void ScreenshotTour::tour(MainWindow *window)
{
    int n = 2;
    auto name = [&n](const QString &id) { return QStringLiteral("%1-%2").arg(n++, 2, 10, QLatin1Char('0')).arg(id); };
    for (const QString &id : window->viewIds()) {
        window->showView(id);
        if (auto *customers = qobject_cast<CustomersView *>(window->view(id))) {
            CustomerTableModel *model = customers->model();
            // The shot is meant to show data: wait for the count and the rows on screen.
            waitFor([model] { return model->isCountKnown() && !model->isLoading() && model->idAt(0) != 0; });
            settle(500);
            waitFor([model] { return !model->isLoading(); });
            capture(window, name(id));
            if (const qint64 first = model->idAt(0)) {
                customers->openCustomer(first);
                if (auto *dialog = customers->findChild<CustomerDialog *>()) {
                    bool loaded = false;
                    connect(dialog, &CustomerDialog::loaded, this, [&loaded] { loaded = true; });
                    waitFor([&loaded] { return loaded; });
                    capture(dialog, name(QStringLiteral("customer")));
                    dialog->close();
                }
            }
            continue;
        }
        if (auto *campaigns = qobject_cast<CampaignsView *>(window->view(id))) {
            // A running campaign selected, so the shot shows its answers and participants.
            CampaignTableModel *model = campaigns->model();
            waitFor([model] { return !model->isLoading() && model->rowCount() > 0; });
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->campaignAt(row).status == QLatin1String("active")) {
                    campaigns->selectCampaign(model->campaignAt(row).id);
                    break;
                }
            }
            waitFor([campaigns] { return !campaigns->isLoadingDetails(); });
        }
        if (auto *reports = qobject_cast<ReportsView *>(window->view(id))) {
            // A report with data: the sales of the last 365 days, previewed.
            reports->setPeriod(QStringLiteral("365d"));
            reports->preview();
            waitFor([reports] { return !reports->isBusy(); }, 60000);
        }
        settle(800);
        capture(window, name(id));
        if (auto *board = qobject_cast<PipelineBoardView *>(window->view(id))) {
            // A deal's page: the first card of the first column that has one.
            waitFor([board] { return !board->isLoading(); });
            for (int c = 0; c < board->columnCount(); ++c) {
                StageColumnModel *column = board->columnModel(c);
                if (column->rowCount() == 0)
                    continue;
                Q_EMIT board->openOpportunity(column->index(0).data(StageColumnModel::IdRole).toLongLong());
                if (auto *dialog = window->findChild<OpportunityDialog *>()) {
                    bool loaded = false;
                    connect(dialog, &OpportunityDialog::loaded, this, [&loaded] { loaded = true; });
                    waitFor([&loaded] { return loaded; });
                    capture(dialog, name(QStringLiteral("opportunity")));
                    dialog->close();
                }
                break;
            }
        }
    }
    window->close();
}

} // namespace crm
