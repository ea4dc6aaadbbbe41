// Users and roles on SQLite and PostgreSQL: the company always keeps someone who can administer users.
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QSqlQuery>

using namespace crm;

namespace {

qint64 auditRows(Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log"));
    return db.exec(q).ok() && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestOrganization : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Deactivating, re-roling or changing the role of the last active user with user.admin would leave
    // nobody to add users, reset passwords or fix roles from the desktop or the API. Each such change is
    // refused (validation.last_admin, nothing written); the same change is fine while another
    // administrator remains.
    void theLastAdministratorIsKept()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        OrgService org(*db);
        const qint64 repRole = org.roleByName(QStringLiteral("rep")).value().id;
        const qint64 adminRole = org.roleByName(QStringLiteral("administrator")).value().id;

        // The only administrator demotes themself.
        const qint64 audit = auditRows(*db);
        Status refused = org.setRole(t.admin, t.admin.userId, repRole);
        QCOMPARE(refused.error().code, QStringLiteral("validation.last_admin"));
        QCOMPARE(refused.error().field, QStringLiteral("roleId"));
        QCOMPARE(org.user(t.admin.userId).value().roleId, adminRole);
        QCOMPARE(auditRows(*db), audit);
        // The command line (the system actor) may deactivate anyone, but not the last administrator.
        refused = org.setActive(Actor::system(), QStringLiteral("admin"), false);
        QCOMPARE(refused.error().code, QStringLiteral("validation.last_admin"));
        QVERIFY(org.user(t.admin.userId).value().active);

        // With a second administrator the first may step down.
        auto second = org.createUser(t.admin, NewUser{QStringLiteral("admin2"), QStringLiteral("Admin Two"), QStringLiteral("s3cret-pass"),
                                                      QStringLiteral("administrator"), {}, {}, {}, {}});
        QVERIFY(second.ok());
        QVERIFY(org.setRole(t.admin, t.admin.userId, repRole).ok());
        QCOMPARE(org.user(t.admin.userId).value().roleId, repRole);
        const Actor admin2 = org.actorFor(second->id).value();
        QCOMPARE(org.setActive(Actor::system(), QStringLiteral("admin2"), false).error().code, QStringLiteral("validation.last_admin"));
        // Deactivating someone else is no concern.
        QVERIFY(org.setActive(admin2, QStringLiteral("wang"), false).ok());

        // A custom role that grants user.admin: its last holder keeps it.
        auto ops = org.createRole(admin2, QStringLiteral("ops"), DataScope::All, {Permission::UserAdmin, Permission::CustomerRead});
        QVERIFY(ops.ok());
        QVERIFY(org.setRole(admin2, t.li.userId, ops->id).ok());
        QVERIFY(org.setRole(admin2, second->id, repRole).ok()); // Li (ops) administers now
        refused = org.updateRole(Actor::system(), ops->id, DataScope::All, {Permission::CustomerRead});
        QCOMPARE(refused.error().code, QStringLiteral("validation.last_admin"));
        QCOMPARE(refused.error().field, QStringLiteral("permissions"));
        QVERIFY(org.roleByName(QStringLiteral("ops")).value().permissions.contains(Permission::UserAdmin));
        // Another role's permissions are no concern.
        QVERIFY(org.updateRole(Actor::system(), repRole, DataScope::Own, {Permission::CustomerRead}).ok());
    }
};

QTEST_GUILESS_MAIN(TestOrganization)
#include "tst_organization.moc"
