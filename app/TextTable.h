#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace crm {

// A plain-text table for terminals, aligned by display width so Chinese names (two columns per
// character) line up with Latin ones.
class TextTable
{
public:
    explicit TextTable(QStringList headers) : m_headers(std::move(headers)) {}
    void addRow(const QStringList &cells) { m_rows.append(cells); }
    // One string per line: the header, a rule, then the rows.
    QStringList lines() const;

    static int displayWidth(const QString &text);

private:
    QStringList m_headers;
    QVector<QStringList> m_rows;
};

} // namespace crm
