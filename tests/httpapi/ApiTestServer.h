#pragma once

// The API server most API tests drive: a throwaway store (SQLite or PostgreSQL, as TestDatabase
// chooses) with makeTeam's company, its clock held at `now`, and a real ApiHost on a free loopback port
// whose export files go to a folder of its own.
#include "core/Clock.h"
#include "httpapi/ApiHost.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/httpapi/ApiClient.h"

#include <QDir>
#include <QTemporaryDir>

namespace crm::test {

struct ApiTestServer
{
    ManualClock clock;
    TestDatabase db{&clock};
    QTemporaryDir exports;
    Team team;
    ApiHost host;
    bool ok = false;

    explicit ApiTestServer(qint64 now) : clock(now)
    {
        if (!db.db)
            return;
        team = makeTeam(*db);
        ApiOptions options;
        options.port = 0;
        options.exportDirectory = exports.filePath(QStringLiteral("exports"));
        DatabaseOptions dbOptions = db->options();
        dbOptions.clock = &clock;
        ok = host.start(dbOptions, options).ok();
    }

    // A client signed in as one of makeTeam's users.
    ApiClient as(const QString &username)
    {
        ApiClient c(host.port());
        if (!c.login(username, QStringLiteral("s3cret-pass"))) // makeTeam's
            qWarning("login as %s failed", qPrintable(username));
        return c;
    }

    // The export and report files written so far.
    QStringList files() const { return QDir(exports.filePath(QStringLiteral("exports"))).entryList(QDir::Files); }
};

} // namespace crm::test
