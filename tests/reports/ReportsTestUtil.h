#pragma once

// Helpers shared by the import/export tests: fixtures, Debian's python3 with openpyxl as an
// independent XLSX reader/writer, CSV files read back through CsvReader, actors with custom roles.
#include "core/services/OrgService.h"
#include "reports/Progress.h"
#include "reports/csv/CsvReader.h"
#include "reports/table/RowSource.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace crm::test {

// Stops the import once `after` rows have been read, as the desktop's cancel button would mid-way.
class CancellingSource final : public RowSource
{
public:
    CancellingSource(RowSource &inner, CancelFlag &flag, int after) : m_inner(inner), m_flag(flag), m_after(after) {}
    Result<bool> next(QStringList &cells) override
    {
        if (++m_read > m_after)
            m_flag = true;
        return m_inner.next(cells);
    }
    qint64 rowNumber() const override { return m_inner.rowNumber(); }
    double fraction() const override { return m_inner.fraction(); }

private:
    RowSource &m_inner;
    CancelFlag &m_flag;
    int m_after;
    int m_read = 0;
};

inline QString fixture(const QString &name)
{
    return QStringLiteral(CRM_FIXTURES "/") + name;
}

inline QString script(const QString &name)
{
    return QStringLiteral(CRM_REPORT_TESTS "/") + name;
}

// Runs /usr/bin/python3 (Debian's, which has python3-openpyxl; the python3 first on PATH may not).
inline QByteArray python(const QStringList &args, int *exitCode = nullptr)
{
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), args);
    p.waitForFinished(120000);
    if (exitCode)
        *exitCode = p.exitCode();
    if (p.exitCode() != 0)
        qWarning("python3 %s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

inline QJsonObject dumpXlsx(const QString &path)
{
    return QJsonDocument::fromJson(python({script(QStringLiteral("xlsx_dump.py")), path})).object();
}

inline QList<QStringList> readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    CsvReader reader(&f);
    QList<QStringList> rows;
    QStringList cells;
    while (true) {
        auto r = reader.next(cells);
        if (!r || !*r)
            break;
        rows << cells;
    }
    return rows;
}

// Gives `user` a new role (its permissions, its scope) and returns the re-resolved actor.
inline Actor withRole(Database &db, const Actor &admin, const Actor &user, const QString &roleName, DataScope scope,
                      const QStringList &permissions)
{
    OrgService org(db);
    auto role = org.createRole(admin, roleName, scope, permissions);
    if (!role)
        qFatal("createRole: %s", qPrintable(role.error().message));
    if (Status st = org.setRole(admin, user.userId, role->id); !st)
        qFatal("setRole: %s", qPrintable(st.error().message));
    return org.actorFor(user.userId).value();
}

} // namespace crm::test
