#include "ui/campaigns/CampaignDialog.h"

#include "core/ErrorText.h"
#include "core/domain/Money.h"
#include "core/security/Permission.h"
#include "core/services/CampaignService.h"
#include "core/services/CustomerService.h"
#include "core/services/OrgService.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/campaigns/CampaignTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace crm {

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// Equal targets whatever order their statuses were saved in (the API may save them in any order).
bool sameTarget(const CampaignTarget &a, const CampaignTarget &b)
{
    CampaignTarget x = a, y = b;
    x.statuses = sorted(x.statuses);
    y.statuses = sorted(y.statuses);
    return x == y;
}

} // namespace

CampaignDialog::CampaignDialog(Session &session, const Campaign &campaign, QWidget *parent)
    : QDialog(parent), m_session(session), m_name(new QLineEdit(this)), m_goal(new QLineEdit(this)),
      m_description(new QPlainTextEdit(this)), m_hasStart(new QCheckBox(tr("Start:"), this)), m_start(new QDateEdit(this)),
      m_hasEnd(new QCheckBox(tr("End:"), this)), m_end(new QDateEdit(this)), m_status(new QComboBox(this)),
      m_budget(new QLineEdit(this)), m_currency(new QComboBox(this)), m_tag(new QLineEdit(this)), m_group(new QLineEdit(this)),
      m_source(new QLineEdit(this)), m_province(new QLineEdit(this)), m_city(new QLineEdit(this)), m_owner(new QComboBox(this)),
      m_reachLabel(new QLabel(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("campaignDialog"));
    setWindowTitle(campaign.id ? tr("Edit campaign") : tr("New campaign"));

    m_name->setObjectName(QStringLiteral("name"));
    m_goal->setObjectName(QStringLiteral("goal"));
    m_goal->setPlaceholderText(tr("e.g. 50 sign-ups for the spring fair"));
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(fontMetrics().lineSpacing() * 4 + 12);
    m_hasStart->setObjectName(QStringLiteral("hasStart"));
    m_hasStart->setToolTip(tr("Leave unchecked for no start date"));
    m_start->setObjectName(QStringLiteral("startDate"));
    m_hasEnd->setObjectName(QStringLiteral("hasEnd"));
    m_hasEnd->setToolTip(tr("Leave unchecked for no end date"));
    m_end->setObjectName(QStringLiteral("endDate"));
    for (QDateEdit *edit : {m_start, m_end}) {
        edit->setCalendarPopup(true);
        edit->setDate(QDate::currentDate());
        edit->setEnabled(false);
    }
    connect(m_hasStart, &QCheckBox::toggled, m_start, &QWidget::setEnabled);
    connect(m_hasEnd, &QCheckBox::toggled, m_end, &QWidget::setEnabled);
    m_status->setObjectName(QStringLiteral("status"));
    for (const QString &code : CampaignService::statuses())
        m_status->addItem(CampaignTableModel::statusLabel(code), code);
    m_budget->setObjectName(QStringLiteral("budget"));
    m_budget->setAlignment(Qt::AlignRight);
    m_budget->setPlaceholderText(QStringLiteral("0.00"));
    // Digits with at most two decimals: Money::parseMinor reads it exactly, never through a double.
    m_budget->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,13}(\\.\\d{0,2})?")), m_budget));
    m_currency->setObjectName(QStringLiteral("currency"));
    m_currency->setEditable(true);
    m_currency->addItems({QStringLiteral("CNY"), QStringLiteral("USD"), QStringLiteral("EUR"), QStringLiteral("HKD"),
                          QStringLiteral("JPY"), QStringLiteral("GBP")});
    m_currency->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z]{0,3}")), m_currency));
    m_currency->setToolTip(tr("A three-letter currency code such as CNY"));

    // The target group: the customers "Add customers from target" adds.
    auto *statuses = new QWidget(this);
    statuses->setObjectName(QStringLiteral("targetStatuses"));
    auto *statusGrid = new QGridLayout(statuses);
    statusGrid->setContentsMargins(0, 0, 0, 0);
    const QStringList codes = DisplayFormat::customerStatuses();
    for (int i = 0; i < codes.size(); ++i) {
        auto *box = new QCheckBox(DisplayFormat::customerStatus(codes[i]), statuses);
        box->setObjectName(QStringLiteral("targetStatus_") + codes[i]);
        statusGrid->addWidget(box, i / 3, i % 3);
        m_targetStatuses.insert(codes[i], box);
        connect(box, &QCheckBox::toggled, this, &CampaignDialog::targetEdited);
    }
    statuses->setToolTip(tr("None checked: customers of any status"));
    const std::pair<QLineEdit *, const char *> texts[] = {{m_tag, "targetTag"},       {m_group, "targetGroup"},
                                                          {m_source, "targetSource"}, {m_province, "targetProvince"},
                                                          {m_city, "targetCity"}};
    for (const auto &[edit, name] : texts) {
        edit->setObjectName(QLatin1String(name));
        edit->setPlaceholderText(tr("Any"));
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, this, &CampaignDialog::targetEdited);
    }
    m_province->setToolTip(tr("As written in the address, e.g. 广东省"));
    m_city->setToolTip(tr("As written in the address, e.g. 深圳市"));
    m_owner->setObjectName(QStringLiteral("targetOwner"));
    m_owner->addItem(tr("Any owner"), QVariant());
    m_owner->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_owner, &QComboBox::currentIndexChanged, this, &CampaignDialog::targetEdited);
    m_reachLabel->setObjectName(QStringLiteral("reach"));
    m_reachLabel->setWordWrap(true);
    m_reachLabel->setToolTip(tr("Customers you can see that match the target now"));
    QFont bold = m_reachLabel->font();
    bold.setBold(true);
    m_reachLabel->setFont(bold);
    // Without customer.read there is nothing to count with.
    m_reachLabel->setVisible(session.actor().can(Permission::CustomerRead));

    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *period = new QHBoxLayout;
    period->addWidget(m_hasStart);
    period->addWidget(m_start);
    period->addSpacing(12);
    period->addWidget(m_hasEnd);
    period->addWidget(m_end);
    period->addStretch();
    auto *budget = new QHBoxLayout;
    budget->addWidget(m_budget, 1);
    budget->addWidget(m_currency);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Goal:"), m_goal);
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("Period:"), period);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Budget:"), budget);

    auto *targetBox = new QGroupBox(tr("Target group"), this);
    auto *targetForm = new QFormLayout(targetBox);
    targetForm->addRow(tr("Customer status:"), statuses);
    targetForm->addRow(tr("Tag:"), m_tag);
    targetForm->addRow(tr("Group:"), m_group);
    targetForm->addRow(tr("Source:"), m_source);
    targetForm->addRow(tr("Province:"), m_province);
    targetForm->addRow(tr("City:"), m_city);
    targetForm->addRow(tr("Owner:"), m_owner);
    targetForm->addRow(m_reachLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(targetBox);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CampaignDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_reachSoon.setSingleShot(true);
    m_reachSoon.setInterval(300);
    connect(&m_reachSoon, &QTimer::timeout, this, &CampaignDialog::countReach);

    setCampaign(campaign);
    loadUsers();
    resize(std::max(560, sizeHint().width()), sizeHint().height());
}

void CampaignDialog::setCampaign(const Campaign &campaign)
{
    m_original = campaign;
    m_name->setText(campaign.name);
    m_goal->setText(campaign.goal);
    m_description->setPlainText(campaign.description);
    m_hasStart->setChecked(campaign.startDate.isValid());
    m_start->setDate(campaign.startDate.isValid() ? campaign.startDate : QDate::currentDate());
    m_hasEnd->setChecked(campaign.endDate.isValid());
    m_end->setDate(campaign.endDate.isValid() ? campaign.endDate : QDate::currentDate());
    m_status->setCurrentIndex(std::max(0, m_status->findData(campaign.status)));
    m_budget->setText(Money::formatMinor(campaign.budgetMinor));
    m_currency->setCurrentText(campaign.currency);
    const CampaignTarget &t = campaign.target;
    for (auto it = m_targetStatuses.cbegin(); it != m_targetStatuses.cend(); ++it)
        it.value()->setChecked(t.statuses.contains(it.key()));
    m_tag->setText(t.tag);
    m_group->setText(t.group);
    m_source->setText(t.source);
    m_province->setText(t.province);
    m_city->setText(t.city);
    selectOwner(t.ownerId);
    // The count for the target shown now, without waiting for the typing pause.
    m_reachSoon.stop();
    countReach();
}

void CampaignDialog::selectOwner(std::optional<qint64> ownerId)
{
    if (!ownerId) {
        m_owner->setCurrentIndex(0);
        return;
    }
    int i = m_owner->findData(*ownerId);
    if (i < 0) {
        // Until the users are loaded (or for an owner no longer in the user's scope): the id, so that
        // the target is kept as it is rather than widened to any owner.
        m_owner->addItem(tr("User #%1").arg(*ownerId), *ownerId);
        i = m_owner->count() - 1;
    }
    m_owner->setCurrentIndex(i);
}

void CampaignDialog::loadUsers()
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor](Database &db) { return OrgService(db).users(actor, true); },
        [this](Result<QVector<User>> users) {
            if (!users)
                return;
            const Actor &a = m_session.actor();
            // Owners in scope only: CampaignService refuses a target naming anyone else.
            for (const User &u : users.value()) {
                if (!a.canSeeOwner(u.id))
                    continue;
                QString name = u.displayName.isEmpty() ? u.username : u.displayName;
                if (!u.active)
                    name = tr("%1 (inactive)").arg(name);
                if (const int i = m_owner->findData(u.id); i >= 0)
                    m_owner->setItemText(i, name);
                else
                    m_owner->addItem(name, u.id);
            }
        });
}

void CampaignDialog::targetEdited()
{
    if (!m_session.actor().can(Permission::CustomerRead))
        return;
    // The count shown is for the target as it was: gone at once (and an answer on its way for the
    // old target is dropped), counted anew after a pause in the typing.
    ++m_reachGeneration;
    m_reach.reset();
    m_reachLabel->setText(tr("Counting the customers this target reaches…"));
    m_reachSoon.start();
}

void CampaignDialog::countReach()
{
    if (!m_session.actor().can(Permission::CustomerRead))
        return;
    const int generation = ++m_reachGeneration;
    m_reach.reset();
    m_reachLabel->setText(tr("Counting the customers this target reaches…"));
    const Actor actor = m_session.actor();
    const CustomerFilter filter = target().toCustomerFilter();
    m_session.worker().run(
        this, [actor, filter](Database &db) { return CustomerService(db).count(actor, filter); },
        [this, generation](Result<qint64> count) {
            if (generation != m_reachGeneration)
                return; // the target changed since: its own count is on the way
            if (!count) {
                m_reachLabel->setText(tr("The reach could not be counted: %1").arg(ErrorText::message(count.error())));
                Q_EMIT reachCounted();
                return;
            }
            m_reach = *count;
            m_reachLabel->setText(tr("Reaches %n customer(s)", nullptr, int(std::min<qint64>(*count, INT_MAX))));
            Q_EMIT reachCounted();
        });
}

QString CampaignDialog::reachText() const
{
    return m_reachLabel->text();
}

CampaignTarget CampaignDialog::target() const
{
    CampaignTarget t;
    for (const QString &code : DisplayFormat::customerStatuses())
        if (m_targetStatuses.value(code)->isChecked())
            t.statuses << code;
    t.tag = m_tag->text();
    t.group = m_group->text();
    t.source = m_source->text();
    t.province = m_province->text();
    t.city = m_city->text();
    if (const QVariant owner = m_owner->currentData(); owner.isValid())
        t.ownerId = owner.toLongLong();
    // Unchanged: exactly as loaded, so that an edit does not rewrite the saved order of statuses.
    if (sameTarget(t, m_original.target))
        return m_original.target;
    return t;
}

std::optional<qint64> CampaignDialog::budgetMinor() const
{
    const QString text = m_budget->text().trimmed();
    if (text.isEmpty())
        return qint64(0);
    return Money::parseMinor(text);
}

Campaign CampaignDialog::values() const
{
    Campaign c = m_original;
    c.name = m_name->text();
    c.goal = m_goal->text();
    c.description = m_description->toPlainText();
    c.startDate = m_hasStart->isChecked() ? m_start->date() : QDate();
    c.endDate = m_hasEnd->isChecked() ? m_end->date() : QDate();
    c.status = m_status->currentData().toString();
    c.budgetMinor = budgetMinor().value_or(m_original.budgetMinor);
    c.currency = m_currency->currentText().trimmed().toUpper();
    c.target = target();
    return c;
}

QSet<QString> CampaignDialog::changedFields() const
{
    if (m_original.id == 0)
        return CampaignService::fieldNames();
    const Campaign now = values();
    QSet<QString> fields;
    auto check = [&](const char *field, bool changed) {
        if (changed)
            fields.insert(QLatin1String(field));
    };
    check("name", m_original.name != now.name);
    check("goal", m_original.goal != now.goal);
    check("description", m_original.description != now.description);
    check("startDate", m_original.startDate != now.startDate);
    check("endDate", m_original.endDate != now.endDate);
    check("status", m_original.status != now.status);
    check("budgetMinor", m_original.budgetMinor != now.budgetMinor);
    check("currency", m_original.currency != now.currency);
    check("target", !sameTarget(m_original.target, now.target));
    return fields;
}

void CampaignDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString CampaignDialog::errorText() const
{
    return m_error->text();
}

void CampaignDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

} // namespace crm
