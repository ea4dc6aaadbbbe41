#include "ui/reports/ReportsView.h"

#include "core/ErrorText.h"
#include "core/services/OrgService.h"
#include "reports/report/PdfReportWriter.h"
#include "reports/report/ReportBuilder.h"
#include "reports/report/ReportPainter.h"
#include "reports/report/ReportPeriod.h"
#include "reports/report/XlsxReportWriter.h"
#include "ui/DbWorker.h"
#include "ui/Session.h"
#include "ui/dashboard/DashboardPeriod.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace crm {

namespace {

const QString kCustom = QStringLiteral("custom");

struct Built
{
    ReportData report;
    QVector<QImage> pages;
};

} // namespace

ReportsView::ReportsView(Session &session, QWidget *parent)
    : QWidget(parent), m_session(session), m_worker(session.openWorker(QStringLiteral("crm-reports"))),
      m_reportBox(new QComboBox(this)), m_periodBox(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_ownerBox(new QComboBox(this)), m_previewButton(new QPushButton(tr("Preview"), this)),
      m_pdfButton(new QPushButton(tr("Save as PDF…"), this)), m_xlsxButton(new QPushButton(tr("Save as Excel…"), this)),
      m_status(new QLabel(this)), m_scroll(new QScrollArea(this))
{
    m_reportBox->setObjectName(QStringLiteral("reportBox"));
    for (const QString &name : ReportBuilder::names())
        m_reportBox->addItem(ReportBuilder::title(name), name);
    m_periodBox->setObjectName(QStringLiteral("periodBox"));
    m_periodBox->addItem(tr("Last 30 days"), QStringLiteral("30d"));
    m_periodBox->addItem(tr("Last 90 days"), QStringLiteral("90d"));
    m_periodBox->addItem(tr("Last 365 days"), QStringLiteral("365d"));
    m_periodBox->addItem(tr("This month"), QStringLiteral("this-month"));
    m_periodBox->addItem(tr("Last month"), QStringLiteral("last-month"));
    m_periodBox->addItem(tr("Custom dates"), kCustom);
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setVisible(false);
    }
    m_from->setDate(today.addDays(-29));
    m_to->setDate(today);
    m_ownerBox->setObjectName(QStringLiteral("ownerBox"));
    m_ownerBox->addItem(tr("Everyone I can see"), qint64(0));
    m_ownerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pdfButton->setEnabled(false);
    m_xlsxButton->setEnabled(false);
    m_status->setText(tr("Choose a report and a period, then Preview."));

    // The pages, centred on a grey desk like a print preview.
    auto *desk = new QWidget;
    desk->setAutoFillBackground(true);
    desk->setBackgroundRole(QPalette::Dark);
    m_pagesLayout = new QVBoxLayout(desk);
    m_pagesLayout->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_pagesLayout->setSpacing(12);
    m_scroll->setWidget(desk);
    m_scroll->setWidgetResizable(true);
    m_scroll->setBackgroundRole(QPalette::Dark);

    auto *top = new QHBoxLayout;
    top->addWidget(m_reportBox);
    top->addWidget(m_periodBox);
    top->addWidget(m_from);
    top->addWidget(m_to);
    top->addWidget(m_ownerBox);
    top->addWidget(m_previewButton);
    top->addStretch();
    top->addWidget(m_pdfButton);
    top->addWidget(m_xlsxButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_scroll, 1);

    connect(m_periodBox, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_periodBox->currentData().toString() == kCustom;
        m_from->setVisible(custom);
        m_to->setVisible(custom);
    });
    // Overdue tasks are a state now, not something that happened in a period.
    connect(m_reportBox, &QComboBox::currentIndexChanged, this, [this] {
        const bool periodic = m_reportBox->currentData().toString() != QLatin1String("tasks");
        for (QWidget *w : {static_cast<QWidget *>(m_periodBox), static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to)})
            w->setEnabled(periodic);
    });
    connect(m_previewButton, &QPushButton::clicked, this, &ReportsView::preview);
    connect(m_pdfButton, &QPushButton::clicked, this, [this] { askAndSave(true); });
    connect(m_xlsxButton, &QPushButton::clicked, this, [this] { askAndSave(false); });
    loadUsers();
}

ReportsView::~ReportsView() = default;

void ReportsView::setReport(const QString &name)
{
    if (const int i = m_reportBox->findData(name); i >= 0)
        m_reportBox->setCurrentIndex(i);
}

void ReportsView::setPeriod(const QString &word)
{
    if (const int i = m_periodBox->findData(word); i >= 0)
        m_periodBox->setCurrentIndex(i);
}

void ReportsView::setCustomPeriod(const QDate &first, const QDate &last)
{
    m_periodBox->setCurrentIndex(m_periodBox->findData(kCustom));
    m_from->setDate(first);
    m_to->setDate(last);
}

void ReportsView::setOwner(qint64 userId)
{
    int i = m_ownerBox->findData(userId);
    if (i < 0) { // chosen before the names came
        m_ownerBox->addItem(QString::number(userId), userId);
        i = m_ownerBox->count() - 1;
    }
    m_ownerBox->setCurrentIndex(i);
}

QString ReportsView::statusText() const
{
    return m_status->text();
}

void ReportsView::loadUsers()
{
    const Actor actor = m_session.actor();
    m_worker->run(
        this, [actor](Database &db) { return OrgService(db).users(actor, false); },
        [this](Result<QVector<User>> users) {
            if (users)
                showUsers(*users);
        });
}

void ReportsView::showUsers(const QVector<User> &users)
{
    const Actor &a = m_session.actor();
    for (const User &u : users) {
        if (!a.canSeeOwner(u.id)) // narrowing to someone out of scope is refused anyway
            continue;
        const QString name = u.displayName.isEmpty() ? u.username : u.displayName;
        if (const int i = m_ownerBox->findData(u.id); i >= 0)
            m_ownerBox->setItemText(i, name);
        else
            m_ownerBox->addItem(name, u.id);
    }
}

void ReportsView::setBusy(bool busy)
{
    m_busy = busy;
    m_previewButton->setEnabled(!busy);
    m_pdfButton->setEnabled(!busy && m_report.has_value());
    m_xlsxButton->setEnabled(!busy && m_report.has_value());
}

void ReportsView::preview()
{
    if (m_busy)
        return;
    QString word = m_periodBox->currentData().toString();
    if (word == kCustom)
        word = m_from->date().toString(Qt::ISODate) + QStringLiteral("..") + m_to->date().toString(Qt::ISODate);
    auto period = ReportPeriod::parse(word, QDateTime::currentMSecsSinceEpoch(), DashboardPeriod::systemOffsetMinutes());
    if (!period) {
        m_status->setText(ErrorText::message(period.error()));
        return;
    }
    const ReportRequest request{m_reportBox->currentData().toString(), *period, m_ownerBox->currentData().toLongLong()};
    const Actor actor = m_session.actor();
    const double dpi = kPreviewDpi * devicePixelRatioF();
    setBusy(true);
    m_status->setText(tr("Building the report…"));
    // The figures and the page images are both made on the worker: a report over a million
    // customers must not stop the window.
    m_worker->run(
        this,
        [actor, request, dpi](Database &db) -> Result<Built> {
            auto report = ReportBuilder(db).build(actor, request);
            if (!report)
                return report.error();
            return Built{*report, ReportPainter::pages(*report, dpi)};
        },
        [this](Result<Built> built) {
            if (!built) {
                m_report.reset();
                m_pages.clear();
                showPages();
                setBusy(false);
                m_status->setText(tr("The report could not be built: %1").arg(ErrorText::message(built.error())));
                return;
            }
            m_report = std::move(built->report);
            m_pages = std::move(built->pages);
            showPages();
            setBusy(false);
            m_status->setText(tr("%1 — %2 — %n page(s)", nullptr, int(m_pages.size())).arg(m_report->title, m_report->periodText));
            Q_EMIT previewed();
        });
}

void ReportsView::showPages()
{
    while (QLayoutItem *item = m_pagesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QImage &page : std::as_const(m_pages)) {
        auto *label = new QLabel;
        QPixmap pixmap = QPixmap::fromImage(page);
        pixmap.setDevicePixelRatio(devicePixelRatioF());
        label->setPixmap(pixmap);
        label->setFrameShape(QFrame::Box);
        m_pagesLayout->addWidget(label);
    }
}

void ReportsView::askAndSave(bool pdf)
{
    if (!m_report)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(m_report->title + QLatin1Char('-') + m_report->periodEnd.toString(Qt::ISODate) +
                                                    (pdf ? QStringLiteral(".pdf") : QStringLiteral(".xlsx")));
    const QString path = QFileDialog::getSaveFileName(this, pdf ? tr("Save the report as PDF") : tr("Save the report as Excel"),
                                                      suggested, pdf ? tr("PDF (*.pdf)") : tr("Excel workbook (*.xlsx)"));
    if (!path.isEmpty())
        saveAs(path, pdf);
}

void ReportsView::saveAs(const QString &path, bool pdf)
{
    if (!m_report || m_busy)
        return;
    setBusy(true);
    m_status->setText(tr("Saving %1…").arg(QDir::toNativeSeparators(path)));
    m_worker->run(
        this,
        [report = *m_report, path, pdf](Database &) -> Result<bool> {
            const Status written = pdf ? PdfReportWriter::write(report, path) : XlsxReportWriter::write(report, path);
            if (!written)
                return written.error();
            return true;
        },
        [this, path](Result<bool> done) {
            setBusy(false);
            m_status->setText(done ? tr("Saved %1").arg(QDir::toNativeSeparators(path))
                                   : tr("Could not save the report: %1").arg(ErrorText::message(done.error())));
            Q_EMIT saved(path, done.ok());
        });
}

} // namespace crm
