#pragma once

// A real, empty, migrated database for one test: a SQLite file in a temporary directory, or a fresh
// database on the PostgreSQL server named by CRM_TEST_PG_URL (started by scripts/test), chosen by
// CRM_TEST_BACKEND. Never a mock.

#include "core/storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace crm::test {

inline bool usePostgres()
{
    return qEnvironmentVariable("CRM_TEST_BACKEND") == QLatin1String("postgres");
}

// The store's indexes and triggers ("index name", "trigger name"), sorted: a bulk load that drops
// some for its duration must leave the same set behind.
inline QStringList indexAndTriggerNames(Database &db)
{
    QSqlQuery q = db.prepare(db.isSqlite()
        ? QStringLiteral("SELECT type || ' ' || name FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY 1")
        : QStringLiteral("SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = current_schema() UNION ALL"
                         " SELECT 'trigger ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                         " WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace ORDER BY 1"));
    if (!db.exec(q))
        qFatal("index query failed");
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

class TestDatabase
{
public:
    // Creates the store; on failure `error` says why (the caller QFAILs or QSKIPs).
    explicit TestDatabase(const Clock *clock = nullptr, ChangeFeed *feed = nullptr, int schemaVersion = 0)
    {
        DatabaseOptions options;
        options.schemaVersion = schemaVersion;
        options.clock = clock;
        options.feed = feed;
        if (usePostgres()) {
            const QString base = qEnvironmentVariable("CRM_TEST_PG_URL");
            if (base.isEmpty()) {
                skip = QStringLiteral("SKIP: CRM_TEST_PG_URL is not set; run scripts/test, which starts PostgreSQL");
                return;
            }
            m_pgName = QStringLiteral("crm_t_") + QUuid::createUuid().toString(QUuid::Id128).left(16);
            if (!adminExec(base, QStringLiteral("CREATE DATABASE ") + m_pgName))
                return;
            m_pgBase = base;
            options.location = replaceDatabase(base, m_pgName);
        } else {
            options.location = m_dir.filePath(QStringLiteral("crm.sqlite"));
        }
        location = options.location;
        auto opened = Database::open(options);
        if (!opened) {
            error = opened.error().code + QStringLiteral(": ") + opened.error().message;
            return;
        }
        db = std::move(opened).value();
    }
    ~TestDatabase()
    {
        db.reset();
        if (!m_pgName.isEmpty() && !m_pgBase.isEmpty())
            adminExec(m_pgBase, QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName + QStringLiteral(" WITH (FORCE)"));
    }

    Database &operator*() { return *db; }
    Database *operator->() { return db.get(); }

    std::unique_ptr<Database> db;
    QString location;
    QString error;
    QString skip;

    static QString replaceDatabase(const QString &url, const QString &name)
    {
        QUrl u(url);
        u.setPath(QLatin1Char('/') + name);
        return u.toString();
    }

private:
    bool adminExec(const QString &baseUrl, const QString &sql)
    {
        const auto url = PostgresUrl::parse(baseUrl);
        if (!url) {
            error = QStringLiteral("bad CRM_TEST_PG_URL");
            return false;
        }
        const QString name = QStringLiteral("admin-") + QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            admin.setHostName(url->host);
            admin.setPort(url->port);
            admin.setUserName(url->user);
            admin.setDatabaseName(url->database);
            if (admin.open()) {
                QSqlQuery q(admin);
                ok = q.exec(sql);
                if (!ok)
                    error = q.lastError().text();
            } else {
                error = admin.lastError().text();
            }
            admin.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    QTemporaryDir m_dir;
    QString m_pgName;
    QString m_pgBase;
};

} // namespace crm::test

// Opens a fresh store into `var`, failing or skipping the test when it cannot.
#define CRM_OPEN_DB(var, ...)                                                                                            \
    crm::test::TestDatabase var{__VA_ARGS__};                                                                            \
    if (!var.skip.isEmpty())                                                                                             \
        QSKIP(qPrintable(var.skip));                                                                                     \
    QVERIFY2(var.db, qPrintable(var.error))
