#include "ui/settings/SettingsView.h"

#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "ui/DisplayFormat.h"
#include "ui/EmbeddedServer.h"
#include "ui/Session.h"
#include "ui/UiSettings.h"
#include "ui/settings/CompanySettingsPanel.h"
#include "ui/settings/CustomFieldsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace crm {

namespace {
QString displayLocation(const QString &location)
{
    if (isPostgresLocation(location)) {
        QUrl url(location);
        url.setPassword(QString()); // never on screen
        return url.toString();
    }
    return QDir::toNativeSeparators(QFileInfo(location).absoluteFilePath());
}
} // namespace

SettingsView::SettingsView(Session &session, EmbeddedServer *server, QWidget *parent)
    : QWidget(parent), m_session(session), m_server(server)
{
    UiSettings settings;

    auto *title = new QLabel(tr("Settings"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);

    // Language
    auto *languageBox = new QGroupBox(tr("Language"), this);
    m_language = new QComboBox(languageBox);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("Same as the system"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));
    auto *languageLayout = new QFormLayout(languageBox);
    languageLayout->addRow(tr("Language"), m_language);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        const QString setting = m_language->currentData().toString();
        UiSettings().setLanguage(setting);
        Q_EMIT languageChosen(setting);
    });

    // The API server for the reps' phones
    auto *apiBox = new QGroupBox(tr("API server for the mobile app"), this);
    m_apiEnabled = new QCheckBox(tr("Serve the API while the workstation is open"), apiBox);
    m_apiEnabled->setObjectName(QStringLiteral("apiEnabled"));
    m_apiEnabled->setChecked(settings.apiEnabled());
    m_apiAddress = new QLineEdit(settings.apiAddress(), apiBox);
    m_apiAddress->setObjectName(QStringLiteral("apiAddress"));
    m_apiAddress->setToolTip(tr("127.0.0.1: this computer only; 0.0.0.0: every network interface"));
    m_apiPort = new QSpinBox(apiBox);
    m_apiPort->setObjectName(QStringLiteral("apiPort"));
    m_apiPort->setRange(1, 65535);
    m_apiPort->setValue(settings.apiPort());
    m_apiCert = new QLineEdit(settings.apiCertificate(), apiBox);
    m_apiCert->setPlaceholderText(tr("PEM certificate file (optional: HTTPS)"));
    m_apiKey = new QLineEdit(settings.apiKey(), apiBox);
    m_apiKey->setPlaceholderText(tr("PEM private key file"));
    m_apiStatus = new QLabel(apiBox);
    m_apiStatus->setObjectName(QStringLiteral("apiStatus"));
    m_apiStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_apiStatus->setWordWrap(true);
    auto *apply = new QPushButton(tr("Apply"), apiBox);
    apply->setObjectName(QStringLiteral("apiApply"));
    connect(apply, &QPushButton::clicked, this, &SettingsView::applyServer);
    auto *apiLayout = new QFormLayout(apiBox);
    apiLayout->addRow(QString(), m_apiEnabled);
    apiLayout->addRow(tr("Address"), m_apiAddress);
    apiLayout->addRow(tr("Port"), m_apiPort);
    apiLayout->addRow(tr("TLS certificate"), m_apiCert);
    apiLayout->addRow(tr("TLS key"), m_apiKey);
    apiLayout->addRow(tr("State"), m_apiStatus);
    apiLayout->addRow(QString(), apply);
    apiBox->setEnabled(m_server != nullptr);
    if (m_server)
        connect(m_server, &EmbeddedServer::stateChanged, this, &SettingsView::updateServerStatus);

    // Database and account
    auto *dbBox = new QGroupBox(tr("Database and account"), this);
    auto *where = new QLabel(displayLocation(session.location()), dbBox);
    where->setObjectName(QStringLiteral("databaseLocation"));
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    where->setWordWrap(true);
    const Actor &actor = session.actor();
    auto *who = new QLabel(QStringLiteral("%1 (%2)").arg(actor.displayName.isEmpty() ? actor.username : actor.displayName,
                                                         DisplayFormat::roleName(actor.roleName)),
                           dbBox);
    auto *dbLayout = new QFormLayout(dbBox);
    dbLayout->addRow(tr("Database"), where);
    dbLayout->addRow(tr("Signed in as"), who);
    dbLayout->addRow(QString(), new QLabel(tr("To work on another database, sign out (File menu) and choose it."), dbBox));

    // A readable width on wide screens: forms stretched over 2,000 pixels are hard to scan.
    auto *content = new QWidget(this);
    content->setMaximumWidth(760);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(title);
    column->addWidget(languageBox);
    column->addWidget(apiBox);
    column->addWidget(dbBox);
    column->addWidget(new CompanySettingsPanel(session, content), 1);
    if (actor.can(Permission::CustomerRead))
        column->addWidget(new CustomFieldsPanel(session, content));
    column->addStretch();
    // Scrolls when the window is lower than the groups (the company's stages and custom fields grow).
    auto *page = new QWidget(this);
    auto *pageLayout = new QHBoxLayout(page);
    pageLayout->addWidget(content, 1);
    pageLayout->addStretch(0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    updateServerStatus();
}

void SettingsView::applyServer()
{
    if (!m_server)
        return;
    UiSettings settings;
    settings.setApiEnabled(m_apiEnabled->isChecked());
    settings.setApiAddress(m_apiAddress->text().trimmed());
    settings.setApiPort(m_apiPort->value());
    settings.setApiTls(m_apiCert->text().trimmed(), m_apiKey->text().trimmed());
    if (!m_apiEnabled->isChecked()) {
        m_server->stop();
        updateServerStatus();
        return;
    }
    EmbeddedServer::Config config;
    config.address = m_apiAddress->text().trimmed();
    config.port = m_apiPort->value();
    config.certificateFile = m_apiCert->text().trimmed();
    config.keyFile = m_apiKey->text().trimmed();
    if (Status st = m_server->start(m_session.location(), m_session.feed(), config); !st) {
        m_apiStatus->setText(tr("Not running: %1").arg(ErrorText::message(st.error())));
        return;
    }
    updateServerStatus();
}

void SettingsView::updateServerStatus()
{
    if (!m_server)
        m_apiStatus->setText(tr("Not available in this process"));
    else if (m_server->isRunning() && !m_server->webAppUrl().isEmpty())
        m_apiStatus->setText(tr("Running at %1; the reps' app: %2").arg(m_server->url(), m_server->webAppUrl()));
    else if (m_server->isRunning())
        m_apiStatus->setText(tr("Running at %1").arg(m_server->url()));
    else
        m_apiStatus->setText(tr("Stopped"));
}

} // namespace crm
