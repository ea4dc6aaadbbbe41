#pragma once

// The API server most API tests drive: a throwaway store (SQLite or PostgreSQL, as TestDatabase
// chooses) with makeTeam's company, its clock held at `now`, and a real ApiHost on a free loopback port.
#include "core/Clock.h"
#include "httpapi/ApiHost.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/httpapi/ApiClient.h"

namespace crm::test {

struct ApiTestServer
{
    ManualClock clock;
    TestDatabase db{&clock};
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
};

} // namespace crm::test
