#include "ui/customers/CustomFieldsEditor.h"
#include "ui/FieldMessages.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace crm {

CustomFieldsEditor::CustomFieldsEditor(QWidget *parent) : QWidget(parent), m_form(new QFormLayout(this))
{
    setObjectName(QStringLiteral("customFields"));
}

void CustomFieldsEditor::setDefinitions(const QVector<CustomFieldDef> &defs)
{
    m_defs = defs;
    for (const CustomFieldDef &d : defs) {
        QWidget *editor = nullptr;
        if (d.type == QLatin1String("date")) {
            auto *date = new QDateEdit(this);
            date->setCalendarPopup(true);
            date->setMinimumDate(QDate(1900, 1, 1));
            date->setSpecialValueText(tr("Not given")); // the minimum date stands for "none"
            date->setDate(date->minimumDate());
            date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
            editor = date;
        } else if (d.type == QLatin1String("bool") || d.type == QLatin1String("choice")) {
            auto *box = new QComboBox(this);
            box->addItem(QString(), QVariant()); // blank: no value
            if (d.type == QLatin1String("bool")) {
                box->addItem(tr("Yes"), true);
                box->addItem(tr("No"), false);
            } else {
                for (const QString &o : d.options)
                    box->addItem(o, o);
            }
            editor = box;
        } else {
            auto *line = new QLineEdit(this);
            if (d.type == QLatin1String("number"))
                line->setPlaceholderText(tr("A number, such as 12.5"));
            editor = line;
        }
        editor->setObjectName(CustomFieldDef::fieldName(d.key));
        QLabel *message = FieldMessages::makeLabel(this, CustomFieldDef::fieldName(d.key) + QStringLiteral("Message"));
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(editor);
        box->addWidget(message);
        m_form->addRow(d.required ? tr("%1 *").arg(d.label) : d.label, box);
        m_editors.insert(d.key, editor);
        m_messages.insert(d.key, message);
    }
}

void CustomFieldsEditor::setValues(const QJsonObject &values)
{
    for (const CustomFieldDef &d : std::as_const(m_defs)) {
        QWidget *editor = m_editors.value(d.key);
        const QJsonValue v = values.value(d.key);
        if (auto *date = qobject_cast<QDateEdit *>(editor)) {
            const QDate day = QDate::fromString(v.toString(), Qt::ISODate);
            date->setDate(day.isValid() ? day : date->minimumDate());
        } else if (auto *box = qobject_cast<QComboBox *>(editor)) {
            const int i = v.isBool() ? box->findData(v.toBool()) : v.isString() ? box->findData(v.toString()) : 0;
            box->setCurrentIndex(std::max(0, i));
        } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            line->setText(v.isDouble() ? QLocale::c().toString(v.toDouble(), 'g', 15) : v.toString());
        }
    }
}

QJsonObject CustomFieldsEditor::values(const QJsonObject &base) const
{
    QJsonObject out = base;
    for (const CustomFieldDef &d : m_defs) {
        QWidget *editor = m_editors.value(d.key);
        QJsonValue v;
        if (auto *date = qobject_cast<QDateEdit *>(editor)) {
            if (date->date() != date->minimumDate())
                v = date->date().toString(Qt::ISODate);
        } else if (auto *box = qobject_cast<QComboBox *>(editor)) {
            const QVariant data = box->currentData();
            if (data.isValid())
                v = QJsonValue::fromVariant(data);
        } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            const QString text = line->text().trimmed();
            if (!text.isEmpty()) {
                bool ok = false;
                const double number = QLocale::c().toDouble(text, &ok);
                // A number field keeps what was typed when it is not a number: the service then
                // says so under the field, rather than the value silently vanishing.
                v = d.type == QLatin1String("number") && ok ? QJsonValue(number) : QJsonValue(text);
            }
        }
        if (v.isUndefined())
            out.remove(d.key);
        else
            out.insert(d.key, v);
    }
    return out;
}

QWidget *CustomFieldsEditor::editorFor(const QString &errorField) const
{
    const QString key = CustomFieldDef::keyOf(errorField);
    return key.isEmpty() ? nullptr : m_editors.value(key);
}

QHash<QString, QLabel *> CustomFieldsEditor::messageLabels() const
{
    QHash<QString, QLabel *> out;
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it)
        out.insert(CustomFieldDef::fieldName(it.key()), it.value());
    return out;
}

} // namespace crm
