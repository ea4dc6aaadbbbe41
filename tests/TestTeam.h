#pragma once

// The small company most service tests act in, created through OrgService like real users.
#include "core/services/OrgService.h"

namespace crm {

// A small company: admin; manager Li with reps Wang and Zhao; rep Qian in another team under manager Sun.
struct Team
{
    Actor admin, li, wang, zhao, sun, qian;
};

inline Team makeTeam(Database &db)
{
    OrgService org(db);
    const Actor system = Actor::system();
    auto add = [&](const QString &name, const QString &role, const QString &manager = {}) {
        auto u = org.createUser(system, NewUser{name, name, QStringLiteral("s3cret-pass"), role, manager, {}, {}, {}});
        if (!u)
            qFatal("createUser %s: %s", qPrintable(name), qPrintable(u.error().message));
        return org.actorFor(u->id).value();
    };
    Team t;
    t.admin = add(QStringLiteral("admin"), QStringLiteral("administrator"));
    t.li = add(QStringLiteral("li"), QStringLiteral("manager"));
    t.wang = add(QStringLiteral("wang"), QStringLiteral("rep"), QStringLiteral("li"));
    t.zhao = add(QStringLiteral("zhao"), QStringLiteral("rep"), QStringLiteral("li"));
    t.sun = add(QStringLiteral("sun"), QStringLiteral("manager"));
    t.qian = add(QStringLiteral("qian"), QStringLiteral("rep"), QStringLiteral("sun"));
    t.li = org.actorFor(t.li.userId).value(); // re-resolve now that the team exists
    t.sun = org.actorFor(t.sun.userId).value();
    return t;
}

} // namespace crm
