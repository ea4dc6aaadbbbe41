#include "core/services/FollowUpService.h"

#include "core/domain/Validation.h"
#include "core/security/Permission.h"
#include "core/services/ActivityService.h"
#include "core/services/AuditLog.h"
#include "core/services/CustomerService.h"
#include "core/services/TaskService.h"
#include "core/storage/Database.h"
#include "core/storage/ReusedQuery.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("follow_up");
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr int kMaxReminderMinutes = 7 * 24 * 60;
// A time picked as "now" on a phone is a little old when it arrives.
constexpr qint64 kPastGraceMs = 5 * kMinuteMs;

const QString kSelect = QStringLiteral(
    "SELECT f.id, f.customer_id, c.name, f.user_id, u.display_name, f.scheduled_at, f.method, f.notes, f.status, f.task_id,"
    " f.activity_id, f.completed_at, f.created_at"
    " FROM follow_ups f JOIN customers c ON c.id = f.customer_id JOIN users u ON u.id = f.user_id");

std::optional<qint64> optionalValue(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

FollowUp readFollowUp(const QSqlQuery &q)
{
    FollowUp f;
    f.id = q.value(0).toLongLong();
    f.customerId = q.value(1).toLongLong();
    f.customerName = q.value(2).toString();
    f.userId = q.value(3).toLongLong();
    f.userName = q.value(4).toString();
    f.scheduledAt = q.value(5).toLongLong();
    f.method = q.value(6).toString();
    f.notes = q.value(7).toString();
    f.status = q.value(8).toString();
    f.taskId = optionalValue(q.value(9));
    f.activityId = optionalValue(q.value(10));
    f.completedAt = optionalValue(q.value(11));
    f.createdAt = q.value(12).toLongLong();
    return f;
}

QString visibleCondition(const Actor &actor)
{
    return QStringLiteral("(") + actor.ownerCondition(QStringLiteral("f.user_id")) + QStringLiteral(" OR ") +
           actor.ownerCondition(QStringLiteral("c.owner_id")) + QStringLiteral(")");
}

} // namespace

QStringList FollowUpService::methods()
{
    return {QStringLiteral("call"), QStringLiteral("visit"), QStringLiteral("message"), QStringLiteral("meeting"),
            QStringLiteral("email")};
}

Status FollowUpService::setDefaultReminderMinutes(const Actor &actor, int minutes)
{
    if (!actor.can(Permission::SettingsAdmin))
        return Error::forbidden();
    if (minutes < 0 || minutes > kMaxReminderMinutes)
        return Error::validation(QStringLiteral("range"), QStringLiteral("reminderMinutes"),
                                 QStringLiteral("The reminder lead time must be between 0 minutes and 7 days"));
    return m_db.write([&]() -> Status {
        auto before = defaultReminderMinutes();
        if (!before)
            return before.error();
        QSqlQuery q = m_db.prepare(QStringLiteral("INSERT INTO app_settings (key, value) VALUES ('followup.reminder_minutes', :v)"
                                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        q.bindValue(QStringLiteral(":v"), QString::number(minutes));
        if (Status st = m_db.exec(q); !st)
            return st;
        if (Status st = AuditLog::recordUpdate(m_db, actor, QStringLiteral("settings"), 0,
                                               AuditLog::diff({{QStringLiteral("followup.reminder_minutes"), *before}},
                                                              {{QStringLiteral("followup.reminder_minutes"), minutes}}));
            !st)
            return st;
        m_db.notifyAfterCommit({QStringLiteral("settings"), 0, QStringLiteral("updated")});
        return {};
    });
}

QStringList FollowUpService::statuses()
{
    return {QStringLiteral("scheduled"), QStringLiteral("done"), QStringLiteral("cancelled")};
}

Result<int> FollowUpService::defaultReminderMinutes()
{
    ReusedQuery q(m_db, QStringLiteral("SELECT value FROM app_settings WHERE key = 'followup.reminder_minutes'"));
    if (Status st = m_db.exec(*q); !st)
        return st.error();
    if (!q->next())
        return kDefaultReminderMinutes;
    bool ok = false;
    const int minutes = q->value(0).toString().trimmed().toInt(&ok);
    return ok && minutes >= 0 && minutes <= kMaxReminderMinutes ? minutes : kDefaultReminderMinutes;
}

Result<FollowUp> FollowUpService::load(const Actor &actor, qint64 id)
{
    ReusedQuery q(m_db, kSelect + QStringLiteral(" WHERE f.id = :id AND ") + visibleCondition(actor));
    q->bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(*q); !st)
        return st.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("Follow-up"));
    QVector<FollowUp> rows{readFollowUp(*q)};
    q->finish();
    if (Status st = attachTasks(actor, rows); !st)
        return st.error();
    return rows.constFirst();
}

// The tasks of a page of follow-ups in one query, each only when its assignee is in scope.
Status FollowUpService::attachTasks(const Actor &actor, QVector<FollowUp> &rows)
{
    QVector<qint64> ids;
    for (const FollowUp &f : rows)
        if (f.taskId)
            ids.append(*f.taskId);
    auto tasks = TaskService::loadMany(m_db, ids, actor.ownerCondition(QStringLiteral("t.assignee_id")));
    if (!tasks)
        return tasks.error();
    for (FollowUp &f : rows)
        for (const Task &t : *tasks)
            if (f.taskId && *f.taskId == t.id)
                f.task = t;
    return {};
}

Result<FollowUp> FollowUpService::get(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::TaskRead))
        return Error::forbidden();
    return m_db.read([&] { return load(actor, id); });
}

Result<QVector<FollowUp>> FollowUpService::list(const Actor &actor, qint64 customerId, int limit)
{
    if (!actor.can(Permission::TaskRead))
        return Error::forbidden();
    if (limit < 1 || limit > 200)
        return Error::validation(QStringLiteral("range"), QStringLiteral("limit"), QStringLiteral("Between 1 and 200 follow-ups"));
    return m_db.read([&]() -> Result<QVector<FollowUp>> {
        if (Status st = CustomerService::requireVisible(m_db, actor, customerId); !st)
            return st.error();
        QSqlQuery q = m_db.prepare(kSelect + QStringLiteral(" WHERE f.customer_id = :c ORDER BY f.scheduled_at DESC, f.id DESC LIMIT :limit"));
        q.bindValue(QStringLiteral(":c"), customerId);
        q.bindValue(QStringLiteral(":limit"), limit);
        if (Status st = m_db.exec(q); !st)
            return st.error();
        QVector<FollowUp> rows;
        while (q.next())
            rows.append(readFollowUp(q));
        q.finish();
        if (Status st = attachTasks(actor, rows); !st)
            return st.error();
        return rows;
    });
}

Result<FollowUp> FollowUpService::schedule(const Actor &actor, qint64 customerId, qint64 scheduledAt, const QString &method,
                                           const QString &notes, std::optional<int> reminderMinutes)
{
    if (!actor.can(Permission::TaskWrite))
        return Error::forbidden();
    if (actor.userId <= 0)
        return Error::forbidden(QStringLiteral("Only a user can schedule a follow-up"));
    const qint64 now = m_db.clock().nowMs();
    if (scheduledAt <= 0)
        return Error::validation(QStringLiteral("required"), QStringLiteral("scheduledAt"), QStringLiteral("The time is required"));
    if (scheduledAt < now - kPastGraceMs)
        return Error::validation(QStringLiteral("range"), QStringLiteral("scheduledAt"), QStringLiteral("The time may not be in the past"));
    if (Status st = Validation::oneOf(method, methods(), QStringLiteral("method")); !st)
        return st.error();
    const QString trimmedNotes = notes.trimmed();
    if (Status st = Validation::maxLength(trimmedNotes, 2000, QStringLiteral("notes")); !st)
        return st.error();
    if (reminderMinutes && (*reminderMinutes < 0 || *reminderMinutes > kMaxReminderMinutes))
        return Error::validation(QStringLiteral("range"), QStringLiteral("reminderMinutes"),
                                 QStringLiteral("The reminder must be between 0 minutes and one week before"));

    return m_db.write([&]() -> Result<FollowUp> {
        if (Status st = CustomerService::requireVisible(m_db, actor, customerId); !st)
            return st.error();
        ReusedQuery name(m_db, QStringLiteral("SELECT name FROM customers WHERE id = :c"));
        name->bindValue(QStringLiteral(":c"), customerId);
        if (Status st = m_db.exec(*name); !st)
            return st.error();
        name->next();
        const QString customerName = name->value(0).toString();
        name->finish();
        int minutes = 0;
        if (reminderMinutes) {
            minutes = *reminderMinutes;
        } else {
            auto setting = defaultReminderMinutes();
            if (!setting)
                return setting.error();
            minutes = *setting;
        }

        Task task;
        task.title = QCoreApplication::translate("FollowUpService", "Follow up: %1").arg(customerName).left(200);
        task.description = trimmedNotes;
        task.kind = QStringLiteral("follow_up");
        task.dueAt = scheduledAt;
        task.reminderAt = scheduledAt - minutes * kMinuteMs;
        task.assigneeId = actor.userId;
        task.customerId = customerId;
        auto created = TaskService(m_db).create(actor, task); // joins this transaction
        if (!created)
            return created.error();

        ReusedQuery q(m_db, QStringLiteral(
            "INSERT INTO follow_ups (customer_id, user_id, scheduled_at, method, notes, status, task_id, created_at)"
            " VALUES (:c, :u, :at, :method, :notes, 'scheduled', :task, :now) RETURNING id"));
        q->bindValue(QStringLiteral(":c"), customerId);
        q->bindValue(QStringLiteral(":u"), actor.userId);
        q->bindValue(QStringLiteral(":at"), scheduledAt);
        q->bindValue(QStringLiteral(":method"), method);
        q->bindValue(QStringLiteral(":notes"), trimmedNotes.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(trimmedNotes));
        q->bindValue(QStringLiteral(":task"), created->id);
        q->bindValue(QStringLiteral(":now"), now);
        if (Status st = m_db.exec(*q); !st)
            return st.error();
        q->next();
        const qint64 id = q->value(0).toLongLong();
        q->finish();
        const QVariantMap snapshot{{QStringLiteral("customerId"), customerId}, {QStringLiteral("scheduledAt"), scheduledAt},
                                   {QStringLiteral("method"), method}, {QStringLiteral("notes"), trimmedNotes},
                                   {QStringLiteral("taskId"), created->id}, {QStringLiteral("reminderMinutes"), minutes}};
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, id, snapshot); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("created")});
        return load(actor, id);
    });
}

Result<FollowUp> FollowUpService::close(const Actor &actor, qint64 id, const QString &status, std::optional<Activity> activity)
{
    if (!actor.can(Permission::TaskWrite))
        return Error::forbidden();
    return m_db.write([&]() -> Result<FollowUp> {
        auto current = load(actor, id);
        if (!current)
            return current.error();
        if (current->status != QLatin1String("scheduled"))
            return Error::conflict(QStringLiteral("state"), current->status == QLatin1String("done")
                                                                ? QStringLiteral("This follow-up is already done")
                                                                : QStringLiteral("This follow-up was cancelled"));
        const qint64 now = m_db.clock().nowMs();
        ReusedQuery q(m_db, QStringLiteral("UPDATE follow_ups SET status = :s, completed_at = :done"
                                           " WHERE id = :id AND status = 'scheduled'"));
        q->bindValue(QStringLiteral(":s"), status);
        q->bindValue(QStringLiteral(":done"), status == QLatin1String("done") ? QVariant(now) : QVariant(QMetaType::fromType<qlonglong>()));
        q->bindValue(QStringLiteral(":id"), id);
        if (Status st = m_db.exec(*q); !st)
            return st.error();
        // The task follows (the follow-up row is already closed, so TaskService leaves it be).
        if (current->taskId)
            if (Status st = TaskService::setStatusFor(m_db, actor, *current->taskId, status); !st)
                return st.error();
        if (activity) {
            if (activity->customerId != 0 && activity->customerId != current->customerId)
                return Error::validation(QStringLiteral("reference"), QStringLiteral("customerId"),
                                         QStringLiteral("The activity must be with the follow-up's customer"));
            activity->customerId = current->customerId;
            if (activity->kind.isEmpty())
                activity->kind = current->method;
            auto logged = ActivityService(m_db).log(actor, *activity);
            if (!logged)
                return logged.error();
            ReusedQuery link(m_db, QStringLiteral("UPDATE follow_ups SET activity_id = :a WHERE id = :id"));
            link->bindValue(QStringLiteral(":a"), logged->id);
            link->bindValue(QStringLiteral(":id"), id);
            if (Status st = m_db.exec(*link); !st)
                return st.error();
        }
        if (Status st = AuditLog::record(m_db, actor, kEntity, id, QStringLiteral("update"), QStringLiteral("status"),
                                         current->status, status);
            !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        return load(actor, id);
    });
}

Result<FollowUp> FollowUpService::complete(const Actor &actor, qint64 followUpId, std::optional<Activity> activity)
{
    return close(actor, followUpId, QStringLiteral("done"), std::move(activity));
}

Result<FollowUp> FollowUpService::cancel(const Actor &actor, qint64 followUpId)
{
    return close(actor, followUpId, QStringLiteral("cancelled"), std::nullopt);
}

} // namespace crm
