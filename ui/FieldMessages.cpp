#include "ui/FieldMessages.h"

#include <QLabel>

namespace crm {

QLabel *FieldMessages::makeLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b3261e"));
    label->hide();
    return label;
}

FieldMessages::FieldMessages(QWidget *form) : m_form(form), m_general(makeLabel(form, QStringLiteral("generalMessage"))) {}

QLabel *FieldMessages::add(const QString &field)
{
    QLabel *label = makeLabel(m_form, field + QStringLiteral("Message"));
    m_labels.insert(field, label);
    return label;
}

void FieldMessages::insert(const QHash<QString, QLabel *> &labels)
{
    m_labels.insert(labels);
}

bool FieldMessages::show(const QString &field, const QString &text)
{
    if (QLabel *l = m_labels.value(field)) {
        l->setText(text);
        l->show();
        return true;
    }
    showGeneral(text);
    return false;
}

void FieldMessages::showGeneral(const QString &text)
{
    m_general->setText(text);
    m_general->show();
}

void FieldMessages::clear()
{
    for (QLabel *l : std::as_const(m_labels))
        l->hide();
    m_general->hide();
}

QString FieldMessages::text(const QString &field) const
{
    QLabel *l = m_labels.value(field);
    return l && !l->isHidden() ? l->text() : QString();
}

QString FieldMessages::generalText() const
{
    return m_general->isHidden() ? QString() : m_general->text();
}

} // namespace crm
