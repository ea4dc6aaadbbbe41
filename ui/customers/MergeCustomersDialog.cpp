#include "ui/customers/MergeCustomersDialog.h"

#include "core/ErrorText.h"
#include "core/domain/CustomField.h"
#include "core/security/Permission.h"
#include "core/services/CustomerService.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QJsonValue>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <functional>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("customer");
constexpr int kSurvivorRow = 1; // the grid's rows: 0 names, 1 survivor choice, then facts and choices

// How a record's value of a scalar field reads on screen.
QString displayValue(const Customer &c, const QString &field)
{
    if (field == QLatin1String("kind")) return DisplayFormat::customerKind(c.kind);
    if (field == QLatin1String("status")) return DisplayFormat::customerStatus(c.status);
    if (field == QLatin1String("gender")) return c.gender.isEmpty() ? QString() : DisplayFormat::gender(c.gender);
    if (field == QLatin1String("birthday"))
        return c.birthday.isValid() ? QLocale().toString(c.birthday, QLocale::ShortFormat) : QString();
    if (field == QLatin1String("ownerId"))
        return c.ownerId ? c.ownerName : MergeCustomersDialog::tr("Public pool");
    const QVariant v = CustomerService::snapshot(c).value(field);
    QString text = v.toString().simplified(); // notes: one line
    return text.size() > 80 ? text.left(79) + QStringLiteral("…") : text;
}

QString displayJson(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? MergeCustomersDialog::tr("Yes") : MergeCustomersDialog::tr("No");
    if (v.isNull() || v.isUndefined())
        return QString();
    return v.toVariant().toString();
}

// The survivor by default: more history first, then the older record, then the lower id.
bool firstIsDefaultSurvivor(const CustomerMergePreview &p)
{
    const qint64 a = p.firstLinks.activities + p.firstLinks.opportunities;
    const qint64 b = p.secondLinks.activities + p.secondLinks.opportunities;
    if (a != b)
        return a > b;
    if (p.first.createdAt != p.second.createdAt)
        return p.first.createdAt < p.second.createdAt;
    return p.first.id < p.second.id;
}

} // namespace

MergeCustomersDialog::MergeCustomersDialog(Session &session, qint64 firstId, qint64 secondId, QWidget *parent)
    : QDialog(parent), m_session(session), m_firstId(firstId), m_secondId(secondId)
{
    setWindowTitle(tr("Merge customers"));
    setObjectName(QStringLiteral("mergeCustomersDialog"));
    resize(760, 600);

    auto *intro = new QLabel(tr("Choose the record that stays and, where the two differ, which value it keeps. "
                                "Phones, emails, addresses, tags and groups of both are kept. "
                                "The other record is deleted."),
                             this);
    intro->setWordWrap(true);

    auto *sheet = new QWidget;
    m_grid = new QGridLayout(sheet);
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(2, 1);
    m_survivor = new QButtonGroup(this);
    m_firstSurvives = new QRadioButton(tr("Keep this record"), sheet);
    m_firstSurvives->setObjectName(QStringLiteral("firstSurvives"));
    m_secondSurvives = new QRadioButton(tr("Keep this record"), sheet);
    m_secondSurvives->setObjectName(QStringLiteral("secondSurvives"));
    m_survivor->addButton(m_firstSurvives);
    m_survivor->addButton(m_secondSurvives);
    m_grid->addWidget(new QLabel(tr("Survives"), sheet), kSurvivorRow, 0);
    m_grid->addWidget(m_firstSurvives, kSurvivorRow, 1);
    m_grid->addWidget(m_secondSurvives, kSurvivorRow, 2);
    m_grid->setRowStretch(100, 1);
    connect(m_survivor, &QButtonGroup::buttonToggled, this, [this](QAbstractButton *, bool on) {
        if (!on || !m_loaded)
            return;
        applyDefaults();
        updateSummary();
    });

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(sheet);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_mergeButton = buttons->addButton(tr("Merge"), QDialogButtonBox::AcceptRole);
    m_mergeButton->setObjectName(QStringLiteral("merge"));
    m_mergeButton->setEnabled(false);
    connect(m_mergeButton, &QPushButton::clicked, this, &MergeCustomersDialog::merge);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    m_summary->setText(tr("Loading…"));
    load();
}

void MergeCustomersDialog::load()
{
    m_loaded = false;
    m_mergeButton->setEnabled(false);
    const Actor actor = m_session.actor();
    const qint64 a = m_firstId, b = m_secondId;
    m_session.worker().run(
        this, [actor, a, b](Database &db) { return CustomerMerge(db).preview(actor, a, b); },
        [this](Result<CustomerMergePreview> preview) {
            if (!preview) {
                m_summary->clear();
                showError(preview.error());
                return;
            }
            display(*preview);
            Q_EMIT loaded();
        });
}

void MergeCustomersDialog::clearGrid()
{
    qDeleteAll(m_rowWidgets);
    m_rowWidgets.clear();
    for (Choice &c : m_choices)
        delete c.group;
    m_choices.clear();
}

void MergeCustomersDialog::display(const CustomerMergePreview &p)
{
    clearGrid();
    m_preview = p;
    QWidget *sheet = m_firstSurvives->parentWidget();
    auto fact = [&](int row, const QString &label, const QString &first, const QString &second, bool bold = false) {
        auto *l = new QLabel(label, sheet);
        auto *a = new QLabel(first, sheet);
        auto *b = new QLabel(second, sheet);
        for (QLabel *w : {a, b}) {
            w->setWordWrap(true);
            w->setTextInteractionFlags(Qt::TextSelectableByMouse);
            if (bold) {
                QFont f = w->font();
                f.setBold(true);
                w->setFont(f);
            }
        }
        m_grid->addWidget(l, row, 0);
        m_grid->addWidget(a, row, 1);
        m_grid->addWidget(b, row, 2);
        m_rowWidgets << l << a << b;
    };
    fact(0, QString(), p.first.name, p.second.name, true);
    int row = kSurvivorRow + 1;
    fact(row++, tr("Created"), DisplayFormat::dateTime(p.first.createdAt), DisplayFormat::dateTime(p.second.createdAt));
    fact(row++, tr("Last contact"), DisplayFormat::dateTime(p.first.lastContactAt), DisplayFormat::dateTime(p.second.lastContactAt));
    fact(row++, tr("Attached"), linksText(p.firstLinks), linksText(p.secondLinks));
    // The lists are united, not chosen: shown so the user sees what the survivor will hold.
    const auto phones = [](const Customer &c) {
        QStringList out;
        for (const Phone &x : c.phones)
            out << x.number;
        return out.join(QStringLiteral(", "));
    };
    const auto emails = [](const Customer &c) {
        QStringList out;
        for (const Email &x : c.emails)
            out << x.address;
        return out.join(QStringLiteral(", "));
    };
    const std::pair<QString, std::function<QString(const Customer &)>> lists[] = {
        {QStringLiteral("phones"), phones},
        {QStringLiteral("emails"), emails},
        {QStringLiteral("tags"), [](const Customer &c) { return c.tags.join(QStringLiteral(", ")); }},
        {QStringLiteral("groups"), [](const Customer &c) { return c.groups.join(QStringLiteral(", ")); }},
    };
    for (const auto &[field, text] : lists) {
        const QString a = text(p.first), b = text(p.second);
        if (p.first.hiddenFields.contains(field) || (a.isEmpty() && b.isEmpty()))
            continue;
        fact(row++, ErrorText::fieldLabel(field), a, b);
    }

    auto *rule = new QFrame(sheet);
    rule->setFrameShape(QFrame::HLine);
    m_grid->addWidget(rule, row++, 0, 1, 3);
    m_rowWidgets << rule;

    // A choice for each field whose values differ and that the user may see.
    const Actor &actor = m_session.actor();
    const QVariantMap a = CustomerService::snapshot(p.first), b = CustomerService::snapshot(p.second);
    for (const QString &field : CustomerMerge::scalarFields()) {
        if (p.first.hiddenFields.contains(field) || p.second.hiddenFields.contains(field) || a.value(field) == b.value(field))
            continue;
        bool locked = actor.fieldRule(kEntity, field) != FieldRule::Editable;
        if (field == QLatin1String("ownerId"))
            locked = locked || !actor.can(Permission::CustomerAssign);
        addChoice(row++, field, ErrorText::fieldLabel(field), displayValue(p.first, field), displayValue(p.second, field), locked);
    }
    if (!p.first.hiddenFields.contains(QStringLiteral("customFields"))) {
        QStringList keys = p.first.customFields.keys() + p.second.customFields.keys();
        keys.sort();
        keys.removeDuplicates();
        const bool locked = actor.fieldRule(kEntity, QStringLiteral("customFields")) != FieldRule::Editable;
        for (const QString &key : keys) {
            const QJsonValue x = p.first.customFields.value(key), y = p.second.customFields.value(key);
            if (x == y)
                continue;
            addChoice(row++, CustomFieldDef::fieldName(key), tr("Custom field “%1”").arg(key), displayJson(x), displayJson(y), locked);
        }
    }
    if (m_choices.isEmpty()) {
        auto *same = new QLabel(tr("The other fields are the same in both records."), sheet);
        m_grid->addWidget(same, row++, 0, 1, 3);
        m_rowWidgets << same;
    }

    m_loaded = true;
    QSignalBlocker block(m_survivor);
    (firstIsDefaultSurvivor(p) ? m_firstSurvives : m_secondSurvives)->setChecked(true);
    applyDefaults();
    updateSummary();
    m_mergeButton->setEnabled(true);
}

void MergeCustomersDialog::addChoice(int row, const QString &field, const QString &label, const QString &first,
                                     const QString &second, bool locked)
{
    QWidget *sheet = m_firstSurvives->parentWidget();
    const QString empty = tr("(empty)");
    Choice c;
    c.field = field;
    c.locked = locked;
    c.firstEmpty = first.isEmpty();
    c.secondEmpty = second.isEmpty();
    c.group = new QButtonGroup(this);
    c.first = new QRadioButton(first.isEmpty() ? empty : first, sheet);
    c.second = new QRadioButton(second.isEmpty() ? empty : second, sheet);
    c.first->setObjectName(QStringLiteral("first:") + field);
    c.second->setObjectName(QStringLiteral("second:") + field);
    c.group->addButton(c.first);
    c.group->addButton(c.second);
    auto *name = new QLabel(label, sheet);
    if (locked) {
        const QString why = tr("You may not change this field: the surviving record keeps its value.");
        for (QWidget *w : {static_cast<QWidget *>(name), static_cast<QWidget *>(c.first), static_cast<QWidget *>(c.second)})
            w->setToolTip(why);
        c.first->setEnabled(false);
        c.second->setEnabled(false);
    }
    m_grid->addWidget(name, row, 0);
    m_grid->addWidget(c.first, row, 1);
    m_grid->addWidget(c.second, row, 2);
    m_rowWidgets << name << c.first << c.second;
    m_choices << c;
}

void MergeCustomersDialog::applyDefaults()
{
    const bool firstSurvives = m_firstSurvives->isChecked();
    for (Choice &c : m_choices) {
        const bool survivorEmpty = firstSurvives ? c.firstEmpty : c.secondEmpty;
        const bool otherEmpty = firstSurvives ? c.secondEmpty : c.firstEmpty;
        const bool takeOther = !c.locked && survivorEmpty && !otherEmpty;
        (firstSurvives != takeOther ? c.first : c.second)->setChecked(true);
    }
}

qint64 MergeCustomersDialog::survivorId() const
{
    if (!m_loaded)
        return 0;
    return m_firstSurvives->isChecked() ? m_preview.first.id : m_preview.second.id;
}

void MergeCustomersDialog::setSurvivor(qint64 id)
{
    if (id == m_preview.first.id)
        m_firstSurvives->setChecked(true);
    else if (id == m_preview.second.id)
        m_secondSurvives->setChecked(true);
}

QStringList MergeCustomersDialog::choiceFields() const
{
    QStringList out;
    for (const Choice &c : m_choices)
        out << c.field;
    return out;
}

qint64 MergeCustomersDialog::valueSource(const QString &field) const
{
    for (const Choice &c : m_choices)
        if (c.field == field)
            return c.first->isChecked() ? m_preview.first.id : m_preview.second.id;
    return 0;
}

void MergeCustomersDialog::setValueSource(const QString &field, qint64 customerId)
{
    for (Choice &c : m_choices)
        if (c.field == field && !c.locked)
            (customerId == m_preview.first.id ? c.first : c.second)->setChecked(true);
}

bool MergeCustomersDialog::isChoiceEnabled(const QString &field) const
{
    for (const Choice &c : m_choices)
        if (c.field == field)
            return !c.locked;
    return false;
}

CustomerMergeRequest MergeCustomersDialog::request() const
{
    CustomerMergeRequest r;
    const bool firstSurvives = m_firstSurvives->isChecked();
    const Customer &survivor = firstSurvives ? m_preview.first : m_preview.second;
    const Customer &duplicate = firstSurvives ? m_preview.second : m_preview.first;
    r.survivorId = survivor.id;
    r.duplicateId = duplicate.id;
    r.survivorVersion = survivor.version;
    r.duplicateVersion = duplicate.version;
    for (const Choice &c : m_choices) {
        if (c.locked || (firstSurvives ? c.first : c.second)->isChecked())
            continue;
        if (const QString key = CustomFieldDef::keyOf(c.field); !key.isEmpty())
            r.customFieldsFromDuplicate.insert(key);
        else
            r.fromDuplicate.insert(c.field);
    }
    return r;
}

QString MergeCustomersDialog::linksText(const CustomerLinkCounts &n)
{
    QStringList parts;
    if (n.activities) parts << tr("%n activity(s)", nullptr, int(n.activities));
    if (n.opportunities) parts << tr("%n opportunity(s)", nullptr, int(n.opportunities));
    if (n.contacts) parts << tr("%n contact(s)", nullptr, int(n.contacts));
    if (n.tasks) parts << tr("%n task(s)", nullptr, int(n.tasks));
    if (n.followUps) parts << tr("%n follow-up(s)", nullptr, int(n.followUps));
    if (n.campaigns) parts << tr("%n campaign(s)", nullptr, int(n.campaigns));
    if (n.feedback) parts << tr("%n feedback entry(s)", nullptr, int(n.feedback));
    if (n.leads) parts << tr("%n converted lead(s)", nullptr, int(n.leads));
    return parts.isEmpty() ? tr("nothing") : parts.join(tr(", "));
}

void MergeCustomersDialog::updateSummary()
{
    const bool firstSurvives = m_firstSurvives->isChecked();
    const Customer &survivor = firstSurvives ? m_preview.first : m_preview.second;
    const Customer &other = firstSurvives ? m_preview.second : m_preview.first;
    const CustomerLinkCounts &moving = firstSurvives ? m_preview.secondLinks : m_preview.firstLinks;
    const QString moves = moving.total() == 0 ? tr("Nothing else is attached to “%1”.").arg(other.name)
                                              : tr("Moves to “%1”: %2.").arg(survivor.name, linksText(moving));
    m_summary->setText(moves + QLatin1Char(' ') + tr("“%1” is then deleted.").arg(other.name));
}

void MergeCustomersDialog::showError(const Error &error)
{
    m_error->setText(ErrorText::message(error));
    m_error->show();
}

QString MergeCustomersDialog::summary() const
{
    return m_summary->text();
}

QString MergeCustomersDialog::errorMessage() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void MergeCustomersDialog::merge()
{
    if (!m_loaded)
        return;
    m_error->hide();
    const CustomerMergeRequest r = request();
    const Actor actor = m_session.actor();
    m_mergeButton->setEnabled(false);
    m_summary->setText(tr("Merging…"));
    // Many rows may move: on the worker, never on the GUI thread.
    m_session.worker().run(
        this, [actor, r](Database &db) { return CustomerMerge(db).merge(actor, r); },
        [this](Result<CustomerMergeResult> result) {
            if (!result) {
                showError(result.error());
                Q_EMIT mergeFailed(result.error());
                // A stale version means someone changed a record: show the current state to choose again.
                if (result.error().code == QLatin1String("conflict.version"))
                    load();
                else {
                    updateSummary();
                    m_mergeButton->setEnabled(true);
                }
                return;
            }
            Q_EMIT merged(result->survivor.id);
            accept();
        });
}

} // namespace crm
