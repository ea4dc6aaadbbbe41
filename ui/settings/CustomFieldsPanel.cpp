#include "ui/settings/CustomFieldsPanel.h"

#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/CustomFieldService.h"
#include "ui/Session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace crm {

namespace {

enum Column { Label, Key, Type, Required, ColumnCount };

QString typeLabel(const QString &type)
{
    if (type == QLatin1String("number"))
        return CustomFieldsPanel::tr("Number");
    if (type == QLatin1String("date"))
        return CustomFieldsPanel::tr("Date");
    if (type == QLatin1String("bool"))
        return CustomFieldsPanel::tr("Yes / no");
    if (type == QLatin1String("choice"))
        return CustomFieldsPanel::tr("Choice");
    return CustomFieldsPanel::tr("Text");
}

// Options as people type them: separated by commas (ASCII or Chinese), 、 or semicolons.
QStringList splitOptions(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,，、;；]")), Qt::SkipEmptyParts);
}

} // namespace

CustomFieldsPanel::CustomFieldsPanel(Session &session, QWidget *parent)
    : QGroupBox(tr("Custom fields"), parent), m_session(session), m_table(new QTableWidget(0, ColumnCount, this)),
      m_label(new QLineEdit(this)), m_key(new QLineEdit(this)), m_options(new QLineEdit(this)), m_type(new QComboBox(this)),
      m_required(new QCheckBox(tr("Required"), this)), m_add(new QPushButton(tr("Add field"), this)),
      m_save(new QPushButton(tr("Save changes"), this)), m_up(new QPushButton(tr("Move up"), this)),
      m_down(new QPushButton(tr("Move down"), this)), m_remove(new QPushButton(tr("Remove"), this)),
      m_new(new QPushButton(tr("New field"), this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("customFieldsPanel"));
    m_admin = session.actor().can(Permission::SettingsAdmin);
    m_table->setObjectName(QStringLiteral("customFieldsTable"));
    m_table->setHorizontalHeaderLabels({tr("Label"), tr("Key"), tr("Type"), tr("Required")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(Label, QHeaderView::Stretch);
    m_table->setMinimumHeight(140);

    m_label->setObjectName(QStringLiteral("fieldLabel"));
    m_key->setObjectName(QStringLiteral("fieldKey"));
    m_key->setPlaceholderText(tr("contract_no"));
    m_key->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[a-z][a-z0-9_]{0,39}")), m_key));
    m_type->setObjectName(QStringLiteral("fieldType"));
    for (const QString &t : CustomFieldService::types())
        m_type->addItem(typeLabel(t), t);
    m_options->setObjectName(QStringLiteral("fieldOptions"));
    m_options->setPlaceholderText(tr("Options, separated by commas"));
    m_options->setEnabled(false);
    connect(m_type, &QComboBox::currentIndexChanged, this,
            [this] { m_options->setEnabled(m_type->currentData().toString() == QLatin1String("choice")); });
    m_required->setObjectName(QStringLiteral("fieldRequired"));
    m_add->setObjectName(QStringLiteral("addField"));
    m_save->setObjectName(QStringLiteral("saveField"));
    m_up->setObjectName(QStringLiteral("moveFieldUp"));
    m_down->setObjectName(QStringLiteral("moveFieldDown"));
    m_remove->setObjectName(QStringLiteral("removeField"));
    m_new->setObjectName(QStringLiteral("newField"));
    connect(m_add, &QPushButton::clicked, this, &CustomFieldsPanel::addFromForm);
    connect(m_save, &QPushButton::clicked, this, &CustomFieldsPanel::saveSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(1); });
    connect(m_remove, &QPushButton::clicked, this, &CustomFieldsPanel::removeSelected);
    connect(m_new, &QPushButton::clicked, this, &CustomFieldsPanel::newField);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CustomFieldsPanel::selectionChanged);
    m_message->setObjectName(QStringLiteral("customFieldsMessage"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Label"), m_label);
    form->addRow(tr("Key"), m_key);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Options"), m_options);
    form->addRow(QString(), m_required);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_save, m_up, m_down, m_remove, m_new})
        buttons->addWidget(b);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Fields the company adds to every customer's page."), this));
    layout->addWidget(m_table);
    if (m_admin) {
        layout->addLayout(form);
        layout->addLayout(buttons);
    } else {
        for (QWidget *w : {static_cast<QWidget *>(m_label), static_cast<QWidget *>(m_key), static_cast<QWidget *>(m_type),
                           static_cast<QWidget *>(m_options), static_cast<QWidget *>(m_required)})
            w->hide();
        for (QPushButton *b : {m_add, m_save, m_up, m_down, m_remove, m_new})
            b->hide();
    }
    layout->addWidget(m_message);
    selectionChanged();
    reload();
}

void CustomFieldsPanel::reload()
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor](Database &db) { return CustomFieldService(db).list(actor); },
        [this](Result<QVector<CustomFieldDef>> fields) {
            if (fields)
                show(*fields, std::exchange(m_selectAfterReload, QString()));
            else
                m_message->setText(ErrorText::message(fields.error()));
            Q_EMIT changed();
        });
}

void CustomFieldsPanel::show(const QVector<CustomFieldDef> &fields, const QString &selectKey)
{
    m_fields = fields;
    const QSignalBlocker quiet(m_table); // the selection is set once, below
    m_table->setRowCount(0);
    for (const CustomFieldDef &f : fields) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QString type = typeLabel(f.type);
        if (!f.options.isEmpty())
            type += QStringLiteral(": ") + f.options.join(QStringLiteral(", "));
        const QString cells[] = {f.label, f.key, type, f.required ? tr("Yes") : QString()};
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(row, c, new QTableWidgetItem(cells[c]));
        if (f.key == selectKey)
            m_table->selectRow(row);
    }
    selectionChanged();
}

// A selected field fills the form for changing it (its key and type are fixed); no selection leaves
// the form to a new field.
void CustomFieldsPanel::selectionChanged()
{
    const int row = m_table->selectionModel()->hasSelection() ? m_table->currentRow() : -1;
    const bool selected = row >= 0 && row < m_fields.size();
    if (selected) {
        const CustomFieldDef &f = m_fields[row];
        m_label->setText(f.label);
        m_key->setText(f.key);
        m_type->setCurrentIndex(m_type->findData(f.type));
        m_options->setText(f.options.join(QStringLiteral(", ")));
        m_required->setChecked(f.required);
    }
    m_key->setEnabled(!selected);
    m_type->setEnabled(!selected);
    m_options->setEnabled(m_type->currentData().toString() == QLatin1String("choice"));
    m_add->setEnabled(!selected);
    m_save->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_new->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_fields.size());
}

void CustomFieldsPanel::newField()
{
    m_table->clearSelection();
    m_table->setCurrentItem(nullptr);
    m_label->clear();
    m_key->clear();
    m_options->clear();
    m_required->setChecked(false);
    selectionChanged();
}

void CustomFieldsPanel::addFromForm()
{
    CustomFieldDef d;
    d.label = m_label->text();
    d.key = m_key->text();
    d.type = m_type->currentData().toString();
    d.options = splitOptions(m_options->text());
    d.required = m_required->isChecked();
    const Actor actor = m_session.actor();
    m_message->clear();
    m_session.worker().run(
        this, [actor, d](Database &db) { return CustomFieldService(db).add(actor, d); },
        [this](Result<CustomFieldDef> added) {
            if (!added) {
                m_message->setText(ErrorText::message(added.error()));
                Q_EMIT changed();
                return;
            }
            m_message->setText(tr("Added \"%1\".").arg(added->label));
            m_label->clear();
            m_key->clear();
            m_options->clear();
            m_required->setChecked(false);
            reload();
        });
}

template <typename Call>
void CustomFieldsPanel::change(Call call, const QString &done, const QString &selectKey, const QString &inUse)
{
    const Actor actor = m_session.actor();
    m_message->clear();
    m_session.worker().run(
        this,
        [actor, call](Database &db) {
            CustomFieldService svc(db);
            return call(svc, actor);
        },
        [this, done, selectKey, inUse](Status st) {
            if (!st) {
                const Error &e = st.error();
                if (e.code == QLatin1String("conflict.in_use"))
                    m_message->setText(inUse);
                else if (e.field == QLatin1String("required"))
                    m_message->setText(tr("Some customers have no value for this field yet: fill them in before making it required."));
                else
                    m_message->setText(ErrorText::message(e));
                Q_EMIT changed();
                return;
            }
            m_message->setText(done);
            m_selectAfterReload = selectKey;
            reload();
        });
}

void CustomFieldsPanel::saveSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_fields.size())
        return;
    CustomFieldDef changes = m_fields[row];
    changes.label = m_label->text();
    changes.options = splitOptions(m_options->text());
    changes.required = m_required->isChecked();
    change(
        [key = changes.key, changes](CustomFieldService &svc, const Actor &actor) -> Status {
            const auto r = svc.update(actor, key, changes);
            return r ? Status() : Status(r.error());
        },
        tr("Saved \"%1\".").arg(changes.label.trimmed()), changes.key,
        tr("Some customers hold an option you took out of \"%1\": change their values first.").arg(m_fields[row].label));
}

void CustomFieldsPanel::moveSelected(int delta)
{
    const int row = m_table->currentRow();
    const int to = row + delta;
    if (row < 0 || row >= m_fields.size() || to < 0 || to >= m_fields.size())
        return;
    QStringList keys;
    for (const CustomFieldDef &f : std::as_const(m_fields))
        keys << f.key;
    keys.move(row, to);
    const CustomFieldDef field = m_fields[row];
    change([keys](CustomFieldService &svc, const Actor &actor) { return svc.reorder(actor, keys); },
           tr("Moved \"%1\".").arg(field.label), field.key, QString());
}

void CustomFieldsPanel::removeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_fields.size())
        return;
    const CustomFieldDef field = m_fields[row];
    change([key = field.key](CustomFieldService &svc, const Actor &actor) { return svc.remove(actor, key); },
           tr("Removed \"%1\".").arg(field.label), QString(),
           tr("Some customers have a value for \"%1\": clear those values first.").arg(field.label));
}

QString CustomFieldsPanel::message() const
{
    return m_message->text();
}

} // namespace crm
