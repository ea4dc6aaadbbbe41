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

} // namespace

CustomFieldsPanel::CustomFieldsPanel(Session &session, QWidget *parent)
    : QGroupBox(tr("Custom fields"), parent), m_session(session), m_table(new QTableWidget(0, ColumnCount, this)),
      m_label(new QLineEdit(this)), m_key(new QLineEdit(this)), m_options(new QLineEdit(this)), m_type(new QComboBox(this)),
      m_required(new QCheckBox(tr("Required"), this)), m_add(new QPushButton(tr("Add field"), this)),
      m_remove(new QPushButton(tr("Remove"), this)), m_message(new QLabel(this))
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
    m_remove->setObjectName(QStringLiteral("removeField"));
    connect(m_add, &QPushButton::clicked, this, &CustomFieldsPanel::addFromForm);
    connect(m_remove, &QPushButton::clicked, this, &CustomFieldsPanel::removeSelected);
    m_message->setObjectName(QStringLiteral("customFieldsMessage"));
    m_message->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Label"), m_label);
    form->addRow(tr("Key"), m_key);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Options"), m_options);
    form->addRow(QString(), m_required);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Fields the company adds to every customer's page."), this));
    layout->addWidget(m_table);
    if (m_admin) {
        layout->addLayout(form);
        layout->addLayout(buttons);
    } else {
        for (QWidget *w : {static_cast<QWidget *>(m_label), static_cast<QWidget *>(m_key), static_cast<QWidget *>(m_type),
                           static_cast<QWidget *>(m_options), static_cast<QWidget *>(m_required), static_cast<QWidget *>(m_add),
                           static_cast<QWidget *>(m_remove)})
            w->hide();
    }
    layout->addWidget(m_message);
    reload();
}

void CustomFieldsPanel::reload()
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor](Database &db) { return CustomFieldService(db).list(actor); },
        [this](Result<QVector<CustomFieldDef>> fields) {
            if (fields)
                show(*fields);
            else
                m_message->setText(ErrorText::message(fields.error()));
            Q_EMIT changed();
        });
}

void CustomFieldsPanel::show(const QVector<CustomFieldDef> &fields)
{
    m_fields = fields;
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
    }
}

void CustomFieldsPanel::addFromForm()
{
    CustomFieldDef d;
    d.label = m_label->text();
    d.key = m_key->text();
    d.type = m_type->currentData().toString();
    d.options = m_options->text().split(QRegularExpression(QStringLiteral("[,，、;；]")), Qt::SkipEmptyParts);
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

void CustomFieldsPanel::removeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_fields.size())
        return;
    const CustomFieldDef field = m_fields[row];
    const Actor actor = m_session.actor();
    m_message->clear();
    m_session.worker().run(
        this, [actor, key = field.key](Database &db) { return CustomFieldService(db).remove(actor, key); },
        [this, field](Status st) {
            if (!st) {
                m_message->setText(st.error().code == QLatin1String("conflict.in_use")
                                       ? tr("Some customers have a value for \"%1\": clear those values first.").arg(field.label)
                                       : ErrorText::message(st.error()));
                Q_EMIT changed();
                return;
            }
            m_message->setText(tr("Removed \"%1\".").arg(field.label));
            reload();
        });
}

QString CustomFieldsPanel::message() const
{
    return m_message->text();
}

} // namespace crm
