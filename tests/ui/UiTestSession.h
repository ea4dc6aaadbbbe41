#pragma once

// A signed-in desktop Session on a test store, the way the sign-in dialog makes one.
#include "ui/Session.h"

#include <QTest>

#include <memory>

namespace crm::test {

inline std::unique_ptr<Session> signedInSession(const QString &location, const QString &username,
                                                const QString &password = QStringLiteral("s3cret-pass"))
{
    auto session = std::make_unique<Session>();
    bool done = false;
    Status status;
    session->signIn(location, username, password, [&](const Session::SignInResult &r) {
        status = r.status;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        qFatal("sign-in did not finish");
    if (!status)
        qFatal("sign-in failed: %s", qPrintable(status.error().message));
    return session;
}

} // namespace crm::test
