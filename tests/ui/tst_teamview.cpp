// Team administration from the desktop over a real store: moving a user (role, department, manager)
// in one go, adding departments, editing a role's permissions with immediate effect, the administrator role keeping user administration, and managers seeing no editors.
#include "core/services/OrgService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"
#include "tests/ui/UiTestSession.h"
#include "ui/team/DepartmentsPanel.h"
#include "ui/team/RolesPanel.h"
#include "ui/team/TeamView.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace crm;

class TestTeamView : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_store;
    Team m_team;
    std::unique_ptr<Session> m_admin;

    static bool finishedOk(QSignalSpy &spy)
    {
        if (!spy.wait(20000))
            qFatal("no answer");
        if (!spy.last().first().toBool())
            qWarning("refused: %s", qPrintable(spy.last().at(1).toString()));
        return spy.last().first().toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = std::make_unique<test::TestDatabase>();
        if (!m_store->skip.isEmpty())
            QSKIP(qPrintable(m_store->skip));
        QVERIFY2(m_store->db, qPrintable(m_store->error));
        m_team = makeTeam(*m_store->db);
        m_admin = test::signedInSession(m_store->location, QStringLiteral("admin"));
    }

    void departmentsAndMovingAUser()
    {
        TeamView view(*m_admin);
        QSignalSpy loaded(&view, &TeamView::loaded);
        QVERIFY(loaded.wait(20000));
        QSignalSpy finished(&view, &TeamView::actionFinished);
        view.departmentsPanel()->addDepartment(QStringLiteral("华南销售部"), std::nullopt);
        QVERIFY(finishedOk(finished));
        QVERIFY(QTest::qWaitFor([&] { return !view.departments().isEmpty(); }, 20000));
        const qint64 south = view.departments().first().id;
        view.departmentsPanel()->addDepartment(QStringLiteral("深圳组"), south);
        QVERIFY(finishedOk(finished));

        auto rep = OrgService(*m_store->db).roleByName(QStringLiteral("rep"));
        QVERIFY(rep.ok());
        view.applyUser(m_team.wang.userId, rep->id, south, m_team.sun.userId);
        QVERIFY(finishedOk(finished));
        auto wang = OrgService(*m_store->db).user(m_team.wang.userId);
        QCOMPARE(wang->departmentId, std::optional<qint64>(south));
        QCOMPARE(wang->managerId, std::optional<qint64>(m_team.sun.userId));

        // A refused part leaves the rest as it was: wang cannot manage himself.
        view.applyUser(m_team.wang.userId, rep->id, std::nullopt, m_team.wang.userId);
        QSignalSpy again(&view, &TeamView::actionFinished);
        QVERIFY(again.wait(20000));
        QCOMPARE(again.last().first().toBool(), false);
        wang = OrgService(*m_store->db).user(m_team.wang.userId);
        QCOMPARE(wang->departmentId, std::optional<qint64>(south)); // not cleared
    }

    void editingARoleAppliesAtOnce()
    {
        QVERIFY(!OrgService(*m_store->db).actorFor(m_team.zhao.userId)->can(Permission::CustomerExport));
        TeamView view(*m_admin);
        QSignalSpy loaded(&view, &TeamView::loaded);
        QVERIFY(loaded.wait(20000));
        RolesPanel *roles = view.rolesPanel();
        QVERIFY(roles);
        QVERIFY(roles->selectRole(QStringLiteral("rep")));
        QVERIFY(roles->permissions().contains(Permission::CustomerRead));
        roles->setPermission(Permission::CustomerExport, true);
        roles->setScope(DataScope::OwnAndSubordinates);
        QSignalSpy changed(roles, &RolesPanel::changed);
        // The session re-resolves its actor on every role change (its own role may be the one edited).
        QSignalSpy actorChanged(m_admin.get(), &Session::actorChanged);
        roles->save();
        QVERIFY(finishedOk(changed));
        auto stored = OrgService(*m_store->db).roleByName(QStringLiteral("rep"));
        QVERIFY(stored->permissions.contains(Permission::CustomerExport));
        QVERIFY(stored->scope == DataScope::OwnAndSubordinates);
        // What every request resolves (the API, a desktop signing in) has it at once.
        QVERIFY(OrgService(*m_store->db).actorFor(m_team.zhao.userId)->can(Permission::CustomerExport));
        QVERIFY(actorChanged.count() > 0 || actorChanged.wait(20000));

        // The administrator role keeps user administration.
        QVERIFY(roles->selectRole(QStringLiteral("administrator")));
        roles->setPermission(Permission::UserAdmin, false);
        roles->save();
        QVERIFY(!finishedOk(changed));
        QVERIFY(OrgService(*m_store->db).roleByName(QStringLiteral("administrator"))->permissions.contains(Permission::UserAdmin));

        roles->createRole(QStringLiteral("客服"));
        QVERIFY(finishedOk(changed));
        QVERIFY(QTest::qWaitFor([&] { return roles->selectRole(QStringLiteral("客服")); }, 20000));
    }

    void managersSeeNoEditors()
    {
        auto li = test::signedInSession(m_store->location, QStringLiteral("li"));
        TeamView view(*li);
        QSignalSpy loaded(&view, &TeamView::loaded);
        QVERIFY(loaded.wait(20000));
        QVERIFY(!view.rolesPanel());
        auto *tabs = view.findChild<QTabWidget *>();
        QCOMPARE(tabs->count(), 2);
        for (QPushButton *b : view.findChildren<QPushButton *>())
            QVERIFY2(!b->isVisibleTo(&view), qPrintable(b->text()));
    }
};

QTEST_MAIN(TestTeamView)
#include "tst_teamview.moc"
