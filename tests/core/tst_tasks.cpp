// Tasks, their day-based queries and reminders, and follow-ups on SQLite and PostgreSQL.
#include "core/services/ActivityService.h"
#include "core/services/AuditLog.h"
#include "core/services/ContactService.h"
#include "core/services/CustomerService.h"
#include "core/services/FollowUpService.h"
#include "core/services/TaskService.h"
#include "tests/TestDatabase.h"
#include "tests/TestTeam.h"

#include <QSignalSpy>

using namespace crm;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

qint64 utc(int y, int m, int d, int h, int min)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc()).toMSecsSinceEpoch();
}

const qint64 kNow = utc(2024, 3, 10, 16, 30); // 2024-03-11 00:30 in Shanghai (UTC+8)

qint64 newCustomer(Database &db, const Actor &owner, const QString &name)
{
    Customer c;
    c.name = name;
    auto created = CustomerService(db).create(owner, c);
    if (!created)
        qFatal("create customer: %s", qPrintable(created.error().message));
    return created->id;
}

// Opportunities have their own service; the fixture only needs a row that belongs to a customer.
qint64 newOpportunity(Database &db, qint64 customerId, qint64 ownerId)
{
    QSqlQuery s = db.prepare(QStringLiteral("SELECT pipeline_id, id FROM stages ORDER BY id LIMIT 1"));
    if (!db.exec(s) || !s.next())
        qFatal("no stage");
    const qint64 pipeline = s.value(0).toLongLong(), stage = s.value(1).toLongLong();
    s.finish();
    QSqlQuery q = db.prepare(QStringLiteral(
        "INSERT INTO opportunities (customer_id, pipeline_id, stage_id, name, owner_id, created_at, updated_at, stage_entered_at)"
        " VALUES (:c, :p, :s, 'deal', :o, 0, 0, 0) RETURNING id"));
    q.bindValue(QStringLiteral(":c"), customerId);
    q.bindValue(QStringLiteral(":p"), pipeline);
    q.bindValue(QStringLiteral(":s"), stage);
    q.bindValue(QStringLiteral(":o"), ownerId);
    if (!db.exec(q) || !q.next())
        qFatal("insert opportunity");
    return q.value(0).toLongLong();
}

Task todo(const QString &title, std::optional<qint64> due = std::nullopt)
{
    Task t;
    t.title = title;
    t.dueAt = due;
    return t;
}

qint64 countRows(Database &db, const QString &table)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    if (!db.exec(q) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QStringList titles(const QVector<Task> &tasks)
{
    QStringList out;
    for (const Task &t : tasks)
        out << t.title;
    return out;
}

QString errorText(const Error &e)
{
    return e.code + QStringLiteral(" ") + e.field + QStringLiteral(": ") + e.message;
}

} // namespace

class TestTasks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createReadUpdateCompleteRemove()
    {
        ManualClock clock(kNow);
        ChangeFeed feed;
        CRM_OPEN_DB(db, &clock, &feed);
        Team t = makeTeam(*db);
        TaskService svc(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 opp = newOpportunity(*db, cust, t.wang.userId);
        QSignalSpy spy(&feed, &ChangeFeed::changed);

        Task d = todo(QStringLiteral("  发送报价单  "), kNow + kDay);
        d.reminderAt = kNow + kDay - kHour;
        d.opportunityId = opp; // brings its customer
        d.id = 999;
        d.version = 42;
        auto created = svc.create(t.wang, d);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : errorText(created.error())));
        QVERIFY(created->id != 999);
        QCOMPARE(created->title, QStringLiteral("发送报价单"));
        QCOMPARE(created->assigneeId, t.wang.userId);
        QCOMPARE(created->assigneeName, QStringLiteral("wang"));
        QCOMPARE(created->createdBy, t.wang.userId);
        QCOMPARE(created->status, QStringLiteral("open"));
        QCOMPARE(created->priority, QStringLiteral("normal"));
        QCOMPARE(created->kind, QStringLiteral("todo"));
        QCOMPARE(created->customerId.value(), cust);
        QCOMPARE(created->customerName, QStringLiteral("王的客户"));
        QCOMPARE(created->version, 1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Change>().entity, QStringLiteral("task"));

        Task v;
        v.priority = QStringLiteral("high");
        v.dueAt.reset(); // clears the due time
        v.reminderAt.reset();
        auto updated = svc.update(t.wang, created->id, v,
                                  {QStringLiteral("priority"), QStringLiteral("dueAt"), QStringLiteral("reminderAt")}, 1);
        QVERIFY(updated.ok());
        QCOMPARE(updated->priority, QStringLiteral("high"));
        QVERIFY(!updated->dueAt);
        QCOMPARE(updated->version, 2);
        QCOMPARE(svc.update(t.wang, created->id, v, {QStringLiteral("priority")}, 1).error().code, QStringLiteral("conflict.version"));
        QCOMPARE(svc.update(t.wang, created->id, v, {QStringLiteral("createdBy")}).error().code, QStringLiteral("validation.unknown"));

        clock.advance(kMinute);
        auto done = svc.complete(t.wang, created->id, 2);
        QVERIFY(done.ok());
        QCOMPARE(done->status, QStringLiteral("done"));
        QCOMPARE(done->completedAt.value(), kNow + kMinute);
        auto reopened = svc.reopen(t.wang, created->id);
        QCOMPARE(reopened->status, QStringLiteral("open"));
        QVERIFY(!reopened->completedAt);
        QCOMPARE(reopened->version, 4);

        auto trail = AuditLog::history(*db, QStringLiteral("task"), created->id);
        QStringList statusChanges;
        for (const AuditEntry &e : *trail)
            if (e.field == QLatin1String("status"))
                statusChanges.prepend(e.newValue);
        QCOMPARE(statusChanges, (QStringList{QStringLiteral("done"), QStringLiteral("open")}));

        QVERIFY(svc.remove(t.wang, created->id).ok());
        QCOMPARE(svc.get(t.wang, created->id).error().code, QStringLiteral("not_found"));
        QCOMPARE(AuditLog::history(*db, QStringLiteral("task"), created->id)->first().action, QStringLiteral("delete"));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("title") << "title" << "validation.required";
        QTest::newRow("titleLength") << "title" << "validation.too_long";
        QTest::newRow("description") << "description" << "validation.too_long";
        QTest::newRow("status") << "status" << "validation.invalid";
        QTest::newRow("priority") << "priority" << "validation.invalid";
        QTest::newRow("kind") << "kind" << "validation.invalid";
        QTest::newRow("dueAt") << "dueAt" << "validation.range";
        QTest::newRow("reminderAt") << "reminderAt" << "validation.range";
        QTest::newRow("assigneeId") << "assigneeId" << "validation.reference";
        QTest::newRow("customerId") << "customerId" << "validation.reference";
        QTest::newRow("opportunityId") << "opportunityId" << "validation.reference";
    }
    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, code);
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        const qint64 mine = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 zhaos = newCustomer(*db, t.zhao, QStringLiteral("赵的客户"));
        Task d = todo(QStringLiteral("回访客户"), kNow + kDay);
        d.customerId = mine;
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (tag == QLatin1String("title")) d.title = QStringLiteral("   ");
        if (tag == QLatin1String("titleLength")) d.title = QString(201, QLatin1Char('x'));
        if (tag == QLatin1String("description")) d.description = QString(10001, QLatin1Char('x'));
        if (tag == QLatin1String("status")) d.status = QStringLiteral("waiting");
        if (tag == QLatin1String("priority")) d.priority = QStringLiteral("urgent");
        if (tag == QLatin1String("kind")) d.kind = QStringLiteral("chore");
        if (tag == QLatin1String("dueAt")) d.dueAt = -1;
        if (tag == QLatin1String("reminderAt")) d.reminderAt = kNow + kDay + 1;
        if (tag == QLatin1String("assigneeId")) d.assigneeId = t.zhao.userId; // not in a rep's scope
        if (tag == QLatin1String("customerId")) d.customerId = zhaos;
        if (tag == QLatin1String("opportunityId")) d.opportunityId = newOpportunity(*db, zhaos, t.zhao.userId);
        auto r = TaskService(*db).create(t.wang, d);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
        QCOMPARE(countRows(*db, QStringLiteral("tasks")), 0);
    }

    // Cross-field and reference rules apply to the record as it would be after the update.
    void updateChecksTheMergedRecord()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        TaskService svc(*db);
        Task d = todo(QStringLiteral("确认合同条款"), kNow + kDay);
        d.reminderAt = kNow + kHour;
        const Task task = svc.create(t.li, d).value();
        Task v;
        v.dueAt = kNow + 30 * kMinute; // now before the reminder
        QCOMPARE(svc.update(t.li, task.id, v, {QStringLiteral("dueAt")}).error().field, QStringLiteral("reminderAt"));
        v.assigneeId = t.qian.userId; // another team
        QCOMPARE(svc.update(t.li, task.id, v, {QStringLiteral("assigneeId")}).error().code, QStringLiteral("validation.reference"));
        v.assigneeId = t.zhao.userId;
        auto moved = svc.update(t.li, task.id, v, {QStringLiteral("assigneeId")});
        QVERIFY(moved.ok());
        QCOMPARE(moved->assigneeName, QStringLiteral("zhao"));
        QCOMPARE(svc.get(t.li, task.id)->version, 2);
        QCOMPARE(svc.get(Actor::system(), task.id)->version, 2);
    }

    void scopeMatrix()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        TaskService svc(*db);
        const qint64 wangs = svc.create(t.wang, todo(QStringLiteral("王的任务"), kNow + kHour)).value().id;
        const qint64 zhaos = svc.create(t.zhao, todo(QStringLiteral("赵的任务"), kNow + kHour)).value().id;
        const qint64 forWang = [&] {
            Task d = todo(QStringLiteral("李派给王"), kNow + 2 * kHour);
            d.assigneeId = t.wang.userId;
            return svc.create(t.li, d).value().id;
        }();

        QVERIFY(svc.get(t.wang, wangs).ok());
        QVERIFY(svc.get(t.wang, forWang).ok()); // assigned to him
        QCOMPARE(svc.get(t.wang, zhaos).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.wang, 987654).error().code, QStringLiteral("not_found"));
        QVERIFY(svc.get(t.li, wangs).ok());
        QVERIFY(svc.get(t.li, zhaos).ok());
        QCOMPARE(svc.get(t.qian, wangs).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.qian, zhaos).error().code, QStringLiteral("not_found"));

        QCOMPARE(titles(svc.list(t.wang, {})->tasks), (QStringList{QStringLiteral("王的任务"), QStringLiteral("李派给王")}));
        QCOMPARE(svc.list(t.li, {})->tasks.size(), 3);
        QVERIFY(svc.list(t.qian, {})->tasks.isEmpty());
        QCOMPARE(svc.list(t.admin, {})->tasks.size(), 3);

        QCOMPARE(svc.complete(t.wang, zhaos).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.remove(t.qian, wangs).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.zhao, zhaos)->status, QStringLiteral("open"));
        Actor readOnly = t.wang;
        readOnly.permissions.remove(Permission::TaskWrite);
        QCOMPARE(svc.complete(readOnly, wangs).error().code, QStringLiteral("forbidden"));
    }

    void listPagesByDueTimeWithUndatedLast()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        TaskService svc(*db);
        QVector<qint64> expected;
        for (int i = 0; i < 9; ++i) {
            // three share one due time, three have none
            std::optional<qint64> due = i < 3 ? std::optional<qint64>(kNow + kHour) : i < 6 ? std::optional<qint64>(kNow + (i - 2) * kMinute)
                                                                                       : std::nullopt;
            expected.append(svc.create(t.wang, todo(QStringLiteral("t%1").arg(i), due)).value().id);
        }
        // Soonest first (t3, t4, t5 are minutes away), equal times by id, undated last.
        const QVector<qint64> order{expected[3], expected[4], expected[5], expected[0], expected[1], expected[2],
                                    expected[6], expected[7], expected[8]};
        QVector<qint64> seen;
        TaskFilter f;
        f.limit = 2;
        for (;;) {
            auto page = svc.list(t.wang, f);
            QVERIFY(page.ok());
            for (const Task &task : page->tasks)
                seen.append(task.id);
            if (!page->hasMore)
                break;
            f.after = page->next;
        }
        QCOMPARE(seen, order);
        TaskFilter bad;
        bad.statuses = {QStringLiteral("waiting")};
        QCOMPARE(svc.list(t.wang, bad).error().field, QStringLiteral("status"));
    }

    // Now is 2024-03-10 16:30 UTC, already 2024-03-11 00:30 in Shanghai: "today" depends on the zone.
    void todayOverdueUpcomingFollowTheTimeZone()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        TaskService svc(*db);
        const QTimeZone shanghai(QByteArrayLiteral("Asia/Shanghai"));
        QVERIFY(shanghai.isValid());
        auto add = [&](const char *title, qint64 due) {
            QVERIFY(svc.create(t.wang, todo(QLatin1String(title), due)).ok());
        };
        add("A yesterday 23:30", utc(2024, 3, 10, 15, 30)); // Shanghai 03-10 23:30
        add("G today 00:10", utc(2024, 3, 10, 16, 10)); // Shanghai 03-11 00:10, already past
        add("B today 01:00", utc(2024, 3, 10, 17, 0)); // Shanghai 03-11 01:00
        add("C today 23:59", utc(2024, 3, 11, 15, 59)); // Shanghai 03-11 23:59
        add("D tomorrow 00:00", utc(2024, 3, 11, 16, 0)); // Shanghai 03-12 00:00
        add("E in two days", utc(2024, 3, 12, 16, 30)); // Shanghai 03-13 00:30
        Task doneToday = todo(QStringLiteral("F done today"), utc(2024, 3, 10, 18, 0));
        doneToday.status = QStringLiteral("done");
        QVERIFY(svc.create(t.wang, doneToday).ok());
        QVERIFY(svc.create(t.zhao, todo(QStringLiteral("Z zhao's today"), utc(2024, 3, 10, 18, 0))).ok());

        QCOMPARE(titles(svc.today(t.wang, shanghai)->tasks),
                 (QStringList{QStringLiteral("G today 00:10"), QStringLiteral("B today 01:00"), QStringLiteral("C today 23:59")}));
        // In UTC it is still the 10th.
        QCOMPARE(titles(svc.today(t.wang, QTimeZone::utc())->tasks),
                 (QStringList{QStringLiteral("A yesterday 23:30"), QStringLiteral("G today 00:10"), QStringLiteral("B today 01:00")}));
        QCOMPARE(titles(svc.overdue(t.wang)->tasks),
                 (QStringList{QStringLiteral("A yesterday 23:30"), QStringLiteral("G today 00:10")}));
        QCOMPARE(titles(svc.upcoming(t.wang, 0, shanghai)->tasks),
                 (QStringList{QStringLiteral("B today 01:00"), QStringLiteral("C today 23:59")}));
        QCOMPARE(titles(svc.upcoming(t.wang, 1, shanghai)->tasks),
                 (QStringList{QStringLiteral("B today 01:00"), QStringLiteral("C today 23:59"), QStringLiteral("D tomorrow 00:00")}));
        QCOMPARE(svc.upcoming(t.wang, 2, shanghai)->tasks.size(), 4);
        QCOMPARE(svc.upcoming(t.wang, -1, shanghai).error().field, QStringLiteral("days"));
        QCOMPARE(svc.today(t.wang, QTimeZone(QByteArrayLiteral("Mars/Olympus"))).error().field, QStringLiteral("timeZone"));
        QCOMPARE(svc.today(t.li, shanghai)->tasks.size(), 4); // the manager's team includes zhao

        // Paging through a day-based query.
        auto first = svc.today(t.wang, shanghai, 2);
        QVERIFY(first->hasMore);
        auto rest = svc.today(t.wang, shanghai, 2, first->next);
        QCOMPARE(titles(rest->tasks), QStringList{QStringLiteral("C today 23:59")});
        QVERIFY(!rest->hasMore);
    }

    void remindersGoOutOnce()
    {
        ManualClock clock(kNow);
        ChangeFeed feed;
        CRM_OPEN_DB(db, &clock, &feed);
        Team t = makeTeam(*db);
        TaskService svc(*db);
        auto add = [&](const Actor &who, const QString &title, qint64 reminder) {
            Task d = todo(title, reminder + kHour);
            d.reminderAt = reminder;
            return svc.create(who, d).value();
        };
        const Task due = add(t.wang, QStringLiteral("due"), kNow - kMinute);
        const Task exact = add(t.zhao, QStringLiteral("exact"), kNow);
        add(t.wang, QStringLiteral("later"), kNow + kMinute);
        const Task closed = add(t.wang, QStringLiteral("closed"), kNow - kHour);
        QVERIFY(svc.complete(t.wang, closed.id).ok());

        auto pending = svc.dueReminders(kNow);
        QVERIFY(pending.ok());
        QCOMPARE(titles(*pending), (QStringList{QStringLiteral("due"), QStringLiteral("exact")}));
        QCOMPARE(titles(svc.dueReminders(kNow, t.zhao.userId).value()), QStringList{QStringLiteral("exact")});

        QSignalSpy spy(&feed, &ChangeFeed::changed);
        QCOMPARE(svc.markReminded({due.id, exact.id}).value(), (QVector<qint64>{due.id, exact.id}));
        QCOMPARE(spy.count(), 2);
        QVERIFY(svc.markReminded({due.id}).value().isEmpty()); // a second poller sends nothing
        QVERIFY(svc.dueReminders(kNow).value().isEmpty());
        QCOMPARE(svc.get(t.wang, due.id)->remindedAt.value(), kNow);
        QCOMPARE(svc.get(t.wang, due.id)->version, 1); // bookkeeping, not an edit

        // A new reminder time re-arms the reminder.
        Task v;
        v.reminderAt = kNow + 10 * kMinute;
        QVERIFY(svc.update(t.wang, due.id, v, {QStringLiteral("reminderAt")}).ok());
        QVERIFY(!svc.get(t.wang, due.id)->remindedAt);
        clock.advance(10 * kMinute);
        QCOMPARE(titles(svc.dueReminders(clock.nowMs()).value()), (QStringList{QStringLiteral("later"), QStringLiteral("due")}));
    }

    void followUpCreatesItsTaskWithAReminder()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        FollowUpService svc(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("深圳星河科技"));
        const qint64 at = kNow + 2 * kDay;
        auto f = svc.schedule(t.wang, cust, at, QStringLiteral("call"), QStringLiteral("  谈续约  "));
        QVERIFY2(f.ok(), qPrintable(f.ok() ? QString() : errorText(f.error())));
        QCOMPARE(f->status, QStringLiteral("scheduled"));
        QCOMPARE(f->scheduledAt, at);
        QCOMPARE(f->userId, t.wang.userId);
        QCOMPARE(f->customerName, QStringLiteral("深圳星河科技"));
        QCOMPARE(f->notes, QStringLiteral("谈续约"));
        QVERIFY(f->task);
        const Task &task = *f->task;
        QCOMPARE(task.id, f->taskId.value());
        QCOMPARE(task.kind, QStringLiteral("follow_up"));
        QCOMPARE(task.title, QStringLiteral("Follow up: 深圳星河科技"));
        QCOMPARE(task.description, QStringLiteral("谈续约"));
        QCOMPARE(task.dueAt.value(), at);
        QCOMPARE(task.reminderAt.value(), at - 30 * kMinute);
        QCOMPARE(task.assigneeId, t.wang.userId);
        QCOMPARE(task.customerId.value(), cust);
        QCOMPARE(task.status, QStringLiteral("open"));

        // The company setting changes the default; an explicit lead time wins.
        QVERIFY(db->execSql(QStringLiteral("UPDATE app_settings SET value = '45' WHERE key = 'followup.reminder_minutes'")).ok());
        QCOMPARE(svc.defaultReminderMinutes().value(), 45);
        QCOMPARE(svc.schedule(t.wang, cust, at, QStringLiteral("visit"))->task->reminderAt.value(), at - 45 * kMinute);
        QCOMPARE(svc.schedule(t.wang, cust, at, QStringLiteral("visit"), {}, 0)->task->reminderAt.value(), at);
        QVERIFY(db->execSql(QStringLiteral("UPDATE app_settings SET value = 'soon' WHERE key = 'followup.reminder_minutes'")).ok());
        QCOMPARE(svc.defaultReminderMinutes().value(), FollowUpService::kDefaultReminderMinutes);

        auto listed = svc.list(t.wang, cust);
        QCOMPARE(listed->size(), 3);
        QVERIFY(listed->at(0).task.has_value());
        QCOMPARE(svc.list(t.li, cust)->size(), 3);
        QCOMPARE(svc.list(t.zhao, cust).error().code, QStringLiteral("not_found"));
        QCOMPARE(svc.get(t.qian, f->id).error().code, QStringLiteral("not_found"));
        QCOMPARE(TaskService(*db).today(t.wang, QTimeZone::utc())->tasks.size(), 0);
        QCOMPARE(TaskService(*db).upcoming(t.wang, 3, QTimeZone::utc())->tasks.size(), 3);
    }

    void administratorsSetTheDefaultReminder()
    {
        CRM_OPEN_DB(db);
        Team t = makeTeam(*db);
        FollowUpService svc(*db);
        QCOMPARE(svc.setDefaultReminderMinutes(t.li, 60).error().code, QStringLiteral("forbidden")); // a manager
        QVERIFY(svc.setDefaultReminderMinutes(t.admin, 60).ok());
        QCOMPARE(svc.defaultReminderMinutes().value(), 60);
        const Error tooLong = svc.setDefaultReminderMinutes(t.admin, 8 * 24 * 60).error();
        QCOMPARE(tooLong.code, QStringLiteral("validation.range"));
        QCOMPARE(tooLong.field, QStringLiteral("reminderMinutes"));
        QCOMPARE(svc.setDefaultReminderMinutes(t.admin, -1).error().code, QStringLiteral("validation.range"));
        QCOMPARE(svc.defaultReminderMinutes().value(), 60); // refused changes wrote nothing
        // Also when the row is missing (an older store): it is created.
        QVERIFY(db->execSql(QStringLiteral("DELETE FROM app_settings WHERE key = 'followup.reminder_minutes'")).ok());
        QVERIFY(svc.setDefaultReminderMinutes(t.admin, 0).ok());
        QCOMPARE(svc.defaultReminderMinutes().value(), 0);
    }

    void followUpValidation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("method") << "method" << "validation.invalid";
        QTest::newRow("scheduledAt") << "scheduledAt" << "validation.range";
        QTest::newRow("scheduledAtMissing") << "scheduledAt" << "validation.required";
        QTest::newRow("reminderMinutes") << "reminderMinutes" << "validation.range";
        QTest::newRow("notes") << "notes" << "validation.too_long";
        QTest::newRow("customer") << "" << "not_found";
    }
    void followUpValidation()
    {
        QFETCH(QString, field);
        QFETCH(QString, code);
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        qint64 at = kNow + kDay;
        QString method = QStringLiteral("call"), notes;
        std::optional<int> minutes;
        const QString tag = QString::fromLatin1(QTest::currentDataTag());
        if (tag == QLatin1String("method")) method = QStringLiteral("pigeon");
        if (tag == QLatin1String("scheduledAt")) at = kNow - kHour;
        if (tag == QLatin1String("scheduledAtMissing")) at = 0;
        if (tag == QLatin1String("reminderMinutes")) minutes = -1;
        if (tag == QLatin1String("notes")) notes = QString(2001, QLatin1Char('x'));
        if (tag == QLatin1String("customer")) cust = newCustomer(*db, t.zhao, QStringLiteral("赵的客户"));
        auto r = FollowUpService(*db).schedule(t.wang, cust, at, method, notes, minutes);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, code);
        QCOMPARE(r.error().field, field);
        QCOMPARE(countRows(*db, QStringLiteral("follow_ups")), 0);
        QCOMPARE(countRows(*db, QStringLiteral("tasks")), 0);
    }

    void completingAFollowUpClosesItsTaskAndLogsTheActivity()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        FollowUpService svc(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const FollowUp f = svc.schedule(t.wang, cust, kNow + kHour, QStringLiteral("visit")).value();
        clock.advance(kHour);
        Activity visit;
        visit.subject = QStringLiteral("上门拜访");
        visit.outcome = QStringLiteral("positive");
        auto done = svc.complete(t.wang, f.id, visit);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : errorText(done.error())));
        QCOMPARE(done->status, QStringLiteral("done"));
        QCOMPARE(done->completedAt.value(), kNow + kHour);
        QCOMPARE(done->task->status, QStringLiteral("done"));
        QCOMPARE(done->task->completedAt.value(), kNow + kHour);
        QVERIFY(done->activityId);
        const Activity logged = ActivityService(*db).get(t.wang, *done->activityId).value();
        QCOMPARE(logged.kind, QStringLiteral("visit")); // the follow-up's method
        QCOMPARE(logged.customerId, cust);
        QCOMPARE(CustomerService(*db).get(t.wang, cust)->lastContactAt, kNow + kHour);
        QCOMPARE(svc.complete(t.wang, f.id).error().code, QStringLiteral("conflict.state"));
        QCOMPARE(svc.cancel(t.wang, f.id).error().code, QStringLiteral("conflict.state"));

        // Cancelling cancels the task; without an activity nothing is logged.
        const FollowUp g = svc.schedule(t.wang, cust, kNow + kDay, QStringLiteral("call")).value();
        auto cancelled = svc.cancel(t.wang, g.id);
        QCOMPARE(cancelled->status, QStringLiteral("cancelled"));
        QCOMPARE(cancelled->task->status, QStringLiteral("cancelled"));
        QVERIFY(!cancelled->activityId);
        QCOMPARE(countRows(*db, QStringLiteral("activities")), 1);
        QCOMPARE(svc.complete(t.zhao, g.id).error().code, QStringLiteral("not_found"));
    }

    void closingTheTaskClosesTheFollowUp()
    {
        ManualClock clock(kNow);
        CRM_OPEN_DB(db, &clock);
        Team t = makeTeam(*db);
        FollowUpService followUps(*db);
        TaskService tasks(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const FollowUp f = followUps.schedule(t.wang, cust, kNow + kHour, QStringLiteral("call")).value();
        QVERIFY(tasks.complete(t.wang, *f.taskId).ok());
        QCOMPARE(followUps.get(t.wang, f.id)->status, QStringLiteral("done"));
        QVERIFY(tasks.reopen(t.wang, *f.taskId).ok());
        QCOMPARE(followUps.get(t.wang, f.id)->status, QStringLiteral("scheduled"));
        QVERIFY(!followUps.get(t.wang, f.id)->completedAt);
        QVERIFY(tasks.remove(t.wang, *f.taskId).ok());
        const FollowUp orphan = followUps.get(t.wang, f.id).value();
        QVERIFY(!orphan.taskId);
        QVERIFY(followUps.complete(t.wang, f.id).ok()); // still closable without its task
    }

    // A failing last part rolls back the parts already written.
    void followUpWritesAreAtomic()
    {
        ManualClock clock(kNow);
        ChangeFeed feed;
        CRM_OPEN_DB(db, &clock, &feed);
        Team t = makeTeam(*db);
        FollowUpService svc(*db);
        const qint64 cust = newCustomer(*db, t.wang, QStringLiteral("王的客户"));
        const qint64 other = newCustomer(*db, t.wang, QStringLiteral("别的客户"));
        const FollowUp f = svc.schedule(t.wang, cust, kNow + kHour, QStringLiteral("call")).value();
        QSignalSpy spy(&feed, &ChangeFeed::changed);

        // complete: the follow-up and its task are closed first, then the activity fails its reference check.
        Contact k;
        k.customerId = other;
        k.name = QStringLiteral("别人的联系人");
        Activity bad;
        bad.contactId = ContactService(*db).add(t.wang, k).value().id;
        spy.clear();
        auto r = svc.complete(t.wang, f.id, bad);
        QCOMPARE(r.error().code, QStringLiteral("validation.reference"));
        QCOMPARE(r.error().field, QStringLiteral("contactId"));
        const FollowUp after = svc.get(t.wang, f.id).value();
        QCOMPARE(after.status, QStringLiteral("scheduled"));
        QCOMPARE(after.task->status, QStringLiteral("open"));
        QCOMPARE(after.task->version, 1);
        QCOMPARE(countRows(*db, QStringLiteral("activities")), 0);
        QCOMPARE(spy.count(), 0);

        // schedule: the task is written first, then the follow-up row cannot be.
        QVERIFY(db->execSql(QStringLiteral("ALTER TABLE follow_ups RENAME TO follow_ups_off")).ok());
        auto s = svc.schedule(t.wang, cust, kNow + kDay, QStringLiteral("call"));
        QVERIFY(db->execSql(QStringLiteral("ALTER TABLE follow_ups_off RENAME TO follow_ups")).ok());
        QVERIFY(!s.ok());
        QCOMPARE(countRows(*db, QStringLiteral("tasks")), 1); // only the first follow-up's
        QCOMPARE(countRows(*db, QStringLiteral("follow_ups")), 1);
        QCOMPARE(spy.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTasks)
#include "tst_tasks.moc"
