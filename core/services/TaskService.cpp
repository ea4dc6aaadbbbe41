#include "core/services/TaskService.h"

#include "core/domain/Validation.h"
#include "core/services/AuditLog.h"
#include "core/services/CustomerService.h"
#include "core/storage/Database.h"
#include "core/storage/ReusedQuery.h"

#include <QSqlQuery>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("task");
constexpr int kMaxPage = 500;

const QString kSelect = QStringLiteral(
    "SELECT t.id, t.title, t.description, t.kind, t.status, t.priority, t.due_at, t.reminder_at, t.reminded_at,"
    " t.completed_at, t.assignee_id, u.display_name, t.created_by, t.customer_id, c.name, t.opportunity_id,"
    " t.created_at, t.updated_at, t.version"
    " FROM tasks t JOIN users u ON u.id = t.assignee_id LEFT JOIN customers c ON c.id = t.customer_id");

std::optional<qint64> optionalValue(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

QVariant bindable(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<qlonglong>());
}

QVariant text(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

Task readTask(const QSqlQuery &q)
{
    Task t;
    t.id = q.value(0).toLongLong();
    t.title = q.value(1).toString();
    t.description = q.value(2).toString();
    t.kind = q.value(3).toString();
    t.status = q.value(4).toString();
    t.priority = q.value(5).toString();
    t.dueAt = optionalValue(q.value(6));
    t.reminderAt = optionalValue(q.value(7));
    t.remindedAt = optionalValue(q.value(8));
    t.completedAt = optionalValue(q.value(9));
    t.assigneeId = q.value(10).toLongLong();
    t.assigneeName = q.value(11).toString();
    t.createdBy = q.value(12).toLongLong();
    t.customerId = optionalValue(q.value(13));
    t.customerName = q.value(14).toString();
    t.opportunityId = optionalValue(q.value(15));
    t.createdAt = q.value(16).toLongLong();
    t.updatedAt = q.value(17).toLongLong();
    t.version = q.value(18).toInt();
    return t;
}

QVariant opt(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

QVariantMap snapshot(const Task &t)
{
    return {{QStringLiteral("title"), t.title},
            {QStringLiteral("description"), t.description},
            {QStringLiteral("kind"), t.kind},
            {QStringLiteral("status"), t.status},
            {QStringLiteral("priority"), t.priority},
            {QStringLiteral("dueAt"), opt(t.dueAt)},
            {QStringLiteral("reminderAt"), opt(t.reminderAt)},
            {QStringLiteral("assigneeId"), t.assigneeId},
            {QStringLiteral("customerId"), opt(t.customerId)},
            {QStringLiteral("opportunityId"), opt(t.opportunityId)}};
}

Status checkLimit(int limit)
{
    if (limit < 1 || limit > kMaxPage)
        return Error::validation(QStringLiteral("range"), QStringLiteral("limit"),
                                 QStringLiteral("A page holds between 1 and %1 tasks").arg(kMaxPage));
    return {};
}

// Field checks that need no database; the cross-field and reference rules run on the merged record.
Status validateFields(Task &t, const QSet<QString> &fields)
{
    auto has = [&](const char *f) { return fields.contains(QLatin1String(f)); };
    if (has("title")) {
        t.title = t.title.trimmed();
        if (Status st = Validation::required(t.title, QStringLiteral("title"), QStringLiteral("The title")); !st)
            return st;
        if (Status st = Validation::maxLength(t.title, 200, QStringLiteral("title")); !st)
            return st;
    }
    if (has("description"))
        if (Status st = Validation::maxLength(t.description, 10000, QStringLiteral("description")); !st)
            return st;
    if (has("kind"))
        if (Status st = Validation::oneOf(t.kind, TaskService::kinds(), QStringLiteral("kind")); !st)
            return st;
    if (has("status"))
        if (Status st = Validation::oneOf(t.status, TaskService::statuses(), QStringLiteral("status")); !st)
            return st;
    if (has("priority"))
        if (Status st = Validation::oneOf(t.priority, TaskService::priorities(), QStringLiteral("priority")); !st)
            return st;
    for (auto [field, value] : {std::pair{"dueAt", &t.dueAt}, std::pair{"reminderAt", &t.reminderAt}})
        if (has(field) && *value && **value < 0)
            return Error::validation(QStringLiteral("range"), QLatin1String(field), QStringLiteral("Not a valid time"));
    return {};
}

Status checkReminder(const Task &t)
{
    if (t.dueAt && t.reminderAt && *t.reminderAt > *t.dueAt)
        return Error::validation(QStringLiteral("range"), QStringLiteral("reminderAt"),
                                 QStringLiteral("The reminder cannot be after the due time"));
    return {};
}

QString followUpStatusFor(const QString &taskStatus)
{
    return taskStatus == QLatin1String("open") ? QStringLiteral("scheduled") : taskStatus;
}

} // namespace

QStringList TaskService::statuses()
{
    return {QStringLiteral("open"), QStringLiteral("done"), QStringLiteral("cancelled")};
}

QStringList TaskService::priorities()
{
    return {QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("high")};
}

QStringList TaskService::kinds()
{
    return {QStringLiteral("todo"), QStringLiteral("follow_up")};
}

QStringList TaskService::updatableFields()
{
    return {QStringLiteral("title"),      QStringLiteral("description"), QStringLiteral("status"),
            QStringLiteral("priority"),   QStringLiteral("dueAt"),       QStringLiteral("reminderAt"),
            QStringLiteral("assigneeId"), QStringLiteral("customerId"),  QStringLiteral("opportunityId")};
}

Result<Task> TaskService::load(qint64 id, const QString &scope)
{
    ReusedQuery q(m_db, kSelect + QStringLiteral(" WHERE t.id = :id AND ") + scope);
    q->bindValue(QStringLiteral(":id"), id);
    if (Status st = m_db.exec(*q); !st)
        return st.error();
    if (!q->next())
        return Error::notFound(QStringLiteral("Task"));
    return readTask(*q);
}

Result<QVector<Task>> TaskService::loadMany(Database &db, const QVector<qint64> &ids, const QString &scope)
{
    QVector<Task> out;
    if (ids.isEmpty())
        return out;
    QString list;
    for (qint64 id : ids) // integers from the database: safe to inline
        list += (list.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(id);
    QSqlQuery q = db.prepare(kSelect + QStringLiteral(" WHERE t.id IN (") + list + QStringLiteral(") AND ") + scope);
    if (Status st = db.exec(q); !st)
        return st.error();
    while (q.next())
        out.append(readTask(q));
    return out;
}

// Assignee: oneself, or an active user in one's scope. Links: a visible customer, and an opportunity
// of that customer (an opportunity alone brings its customer).
Status TaskService::checkReferences(const Actor &actor, Task &t, bool assignee, bool links)
{
    if (assignee && t.assigneeId != actor.userId) {
        if (t.assigneeId <= 0)
            return Error::validation(QStringLiteral("required"), QStringLiteral("assigneeId"), QStringLiteral("The assignee is required"));
        if (!actor.canSeeOwner(t.assigneeId))
            return Error::validation(QStringLiteral("reference"), QStringLiteral("assigneeId"), QStringLiteral("Unknown assignee"));
        ReusedQuery q(m_db, QStringLiteral("SELECT active FROM users WHERE id = :id"));
        q->bindValue(QStringLiteral(":id"), t.assigneeId);
        if (Status st = m_db.exec(*q); !st)
            return st;
        if (!q->next() || q->value(0).toInt() == 0)
            return Error::validation(QStringLiteral("reference"), QStringLiteral("assigneeId"), QStringLiteral("Unknown or inactive assignee"));
    }
    if (!links)
        return {};
    if (t.opportunityId) {
        ReusedQuery q(m_db, QStringLiteral("SELECT customer_id FROM opportunities WHERE id = :id"));
        q->bindValue(QStringLiteral(":id"), *t.opportunityId);
        if (Status st = m_db.exec(*q); !st)
            return st;
        if (!q->next() || (t.customerId && *t.customerId != q->value(0).toLongLong()))
            return Error::validation(QStringLiteral("reference"), QStringLiteral("opportunityId"),
                                     QStringLiteral("The opportunity is not one of this customer's"));
        t.customerId = q->value(0).toLongLong();
    }
    if (t.customerId) {
        Status st = CustomerService::requireVisible(m_db, actor, *t.customerId);
        if (!st && st.error().code == QLatin1String("not_found"))
            return Error::validation(QStringLiteral("reference"),
                                     t.opportunityId ? QStringLiteral("opportunityId") : QStringLiteral("customerId"),
                                     QStringLiteral("Unknown customer"));
        return st;
    }
    return {};
}

// A follow-up follows its task: done, cancelled, or scheduled again when the task reopens.
Status TaskService::syncFollowUp(const Actor &actor, qint64 taskId, const QString &taskStatus)
{
    const QString status = followUpStatusFor(taskStatus);
    ReusedQuery q(m_db, QStringLiteral("UPDATE follow_ups SET status = :s, completed_at = :done"
                                       " WHERE task_id = :t AND status <> :s RETURNING id"));
    q->bindValue(QStringLiteral(":s"), status);
    q->bindValue(QStringLiteral(":done"), status == QLatin1String("done") ? QVariant(m_db.clock().nowMs())
                                                                         : QVariant(QMetaType::fromType<qlonglong>()));
    q->bindValue(QStringLiteral(":t"), taskId);
    if (Status st = m_db.exec(*q); !st)
        return st;
    QVector<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    q->finish();
    for (qint64 id : ids) {
        if (Status st = AuditLog::record(m_db, actor, QStringLiteral("follow_up"), id, QStringLiteral("update"),
                                         QStringLiteral("status"), {}, status);
            !st)
            return st;
        m_db.notifyAfterCommit({QStringLiteral("follow_up"), id, QStringLiteral("updated")});
    }
    return {};
}

Result<Task> TaskService::get(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::TaskRead))
        return Error::forbidden();
    return load(id, actor.ownerCondition(QStringLiteral("t.assignee_id")));
}

Result<Task> TaskService::create(const Actor &actor, Task draft)
{
    if (!actor.can(Permission::TaskWrite))
        return Error::forbidden();
    const QStringList names = updatableFields() << QStringLiteral("kind");
    const QSet<QString> fields(names.begin(), names.end());
    if (Status st = validateFields(draft, fields); !st)
        return st.error();
    if (Status st = checkReminder(draft); !st)
        return st.error();
    const qint64 now = m_db.clock().nowMs();
    if (draft.assigneeId == 0)
        draft.assigneeId = actor.userId;
    if (draft.assigneeId <= 0) // the system actor has to name one
        return Error::validation(QStringLiteral("required"), QStringLiteral("assigneeId"), QStringLiteral("The assignee is required"));
    draft.id = 0;
    draft.createdBy = actor.userId;
    draft.createdAt = now;
    draft.updatedAt = now;
    draft.remindedAt.reset();
    draft.completedAt = draft.status == QLatin1String("done") ? std::optional<qint64>(now) : std::nullopt;

    return m_db.write([&]() -> Result<Task> {
        if (Status st = checkReferences(actor, draft, true, true); !st)
            return st.error();
        ReusedQuery q(m_db, QStringLiteral(
            "INSERT INTO tasks (title, description, kind, status, priority, due_at, reminder_at, completed_at, assignee_id,"
            " created_by, customer_id, opportunity_id, created_at, updated_at)"
            " VALUES (:title, :descr, :kind, :status, :prio, :due, :rem, :done, :assignee, :by, :c, :opp, :now, :now) RETURNING id"));
        q->bindValue(QStringLiteral(":title"), draft.title);
        q->bindValue(QStringLiteral(":descr"), text(draft.description));
        q->bindValue(QStringLiteral(":kind"), draft.kind);
        q->bindValue(QStringLiteral(":status"), draft.status);
        q->bindValue(QStringLiteral(":prio"), draft.priority);
        q->bindValue(QStringLiteral(":due"), bindable(draft.dueAt));
        q->bindValue(QStringLiteral(":rem"), bindable(draft.reminderAt));
        q->bindValue(QStringLiteral(":done"), bindable(draft.completedAt));
        q->bindValue(QStringLiteral(":assignee"), draft.assigneeId);
        q->bindValue(QStringLiteral(":by"), actor.userId > 0 ? QVariant(actor.userId) : QVariant(QMetaType::fromType<qlonglong>()));
        q->bindValue(QStringLiteral(":c"), bindable(draft.customerId));
        q->bindValue(QStringLiteral(":opp"), bindable(draft.opportunityId));
        q->bindValue(QStringLiteral(":now"), now);
        if (Status st = m_db.exec(*q); !st)
            return st.error();
        q->next();
        draft.id = q->value(0).toLongLong();
        q->finish();
        if (Status st = AuditLog::recordCreate(m_db, actor, kEntity, draft.id, snapshot(draft)); !st)
            return st.error();
        m_db.notifyAfterCommit({kEntity, draft.id, QStringLiteral("created")});
        // Read back without the scope: a task assigned to someone in scope is visible anyway.
        return load(draft.id, QStringLiteral("1=1"));
    });
}

Result<Task> TaskService::save(const Actor &actor, const Task &current, Task next, std::optional<int> expectedVersion)
{
    if (expectedVersion && *expectedVersion != current.version)
        return Error::conflict(QStringLiteral("version"),
                               QStringLiteral("Someone else changed this task; reload it and apply your change again"));
    if (Status st = checkReminder(next); !st)
        return st.error();
    const bool assigneeChanged = next.assigneeId != current.assigneeId;
    const bool linksChanged = next.customerId != current.customerId || next.opportunityId != current.opportunityId;
    if (Status st = checkReferences(actor, next, assigneeChanged, linksChanged); !st)
        return st.error();
    const QVector<FieldChange> changes = AuditLog::diff(snapshot(current), snapshot(next));
    if (changes.isEmpty())
        return current;
    const qint64 now = m_db.clock().nowMs();
    if (next.status != current.status)
        next.completedAt = next.status == QLatin1String("done") ? std::optional<qint64>(now) : std::nullopt;
    if (next.reminderAt != current.reminderAt)
        next.remindedAt.reset(); // a new reminder time is a new reminder
    ReusedQuery q(m_db, QStringLiteral(
        "UPDATE tasks SET title = :title, description = :descr, status = :status, priority = :prio, due_at = :due,"
        " reminder_at = :rem, reminded_at = :reminded, completed_at = :done, assignee_id = :assignee, customer_id = :c,"
        " opportunity_id = :opp, updated_at = :now, version = version + 1 WHERE id = :id AND version = :v"));
    q->bindValue(QStringLiteral(":title"), next.title);
    q->bindValue(QStringLiteral(":descr"), text(next.description));
    q->bindValue(QStringLiteral(":status"), next.status);
    q->bindValue(QStringLiteral(":prio"), next.priority);
    q->bindValue(QStringLiteral(":due"), bindable(next.dueAt));
    q->bindValue(QStringLiteral(":rem"), bindable(next.reminderAt));
    q->bindValue(QStringLiteral(":reminded"), bindable(next.remindedAt));
    q->bindValue(QStringLiteral(":done"), bindable(next.completedAt));
    q->bindValue(QStringLiteral(":assignee"), next.assigneeId);
    q->bindValue(QStringLiteral(":c"), bindable(next.customerId));
    q->bindValue(QStringLiteral(":opp"), bindable(next.opportunityId));
    q->bindValue(QStringLiteral(":now"), now);
    q->bindValue(QStringLiteral(":id"), current.id);
    q->bindValue(QStringLiteral(":v"), current.version);
    if (Status st = m_db.exec(*q); !st)
        return st.error();
    if (q->numRowsAffected() == 0)
        return Error::conflict(QStringLiteral("version"),
                               QStringLiteral("Someone else changed this task; reload it and apply your change again"));
    if (next.status != current.status && current.kind == QLatin1String("follow_up"))
        if (Status st = syncFollowUp(actor, current.id, next.status); !st)
            return st.error();
    if (Status st = AuditLog::recordUpdate(m_db, actor, kEntity, current.id, changes); !st)
        return st.error();
    m_db.notifyAfterCommit({kEntity, current.id, QStringLiteral("updated")});
    return load(current.id, QStringLiteral("1=1"));
}

Result<Task> TaskService::update(const Actor &actor, qint64 id, const Task &values, const QSet<QString> &fields,
                                 std::optional<int> expectedVersion)
{
    if (!actor.can(Permission::TaskWrite))
        return Error::forbidden();
    for (const QString &f : fields)
        if (!updatableFields().contains(f))
            return Error::validation(QStringLiteral("unknown"), f, QStringLiteral("The task field \"%1\" cannot be changed").arg(f));
    Task incoming = values;
    if (Status st = validateFields(incoming, fields); !st)
        return st.error();
    if (fields.contains(QStringLiteral("assigneeId")) && incoming.assigneeId == 0)
        incoming.assigneeId = actor.userId;

    return m_db.write([&]() -> Result<Task> {
        auto current = load(id, actor.ownerCondition(QStringLiteral("t.assignee_id")));
        if (!current)
            return current.error();
        Task next = *current;
        auto has = [&](const char *f) { return fields.contains(QLatin1String(f)); };
        if (has("title")) next.title = incoming.title;
        if (has("description")) next.description = incoming.description;
        if (has("status")) next.status = incoming.status;
        if (has("priority")) next.priority = incoming.priority;
        if (has("dueAt")) next.dueAt = incoming.dueAt;
        if (has("reminderAt")) next.reminderAt = incoming.reminderAt;
        if (has("assigneeId")) next.assigneeId = incoming.assigneeId;
        if (has("customerId")) next.customerId = incoming.customerId;
        if (has("opportunityId")) next.opportunityId = incoming.opportunityId;
        return save(actor, *current, next, expectedVersion);
    });
}

Result<Task> TaskService::complete(const Actor &actor, qint64 id, std::optional<int> expectedVersion)
{
    Task values;
    values.status = QStringLiteral("done");
    return update(actor, id, values, {QStringLiteral("status")}, expectedVersion);
}

Result<Task> TaskService::reopen(const Actor &actor, qint64 id, std::optional<int> expectedVersion)
{
    Task values;
    values.status = QStringLiteral("open");
    return update(actor, id, values, {QStringLiteral("status")}, expectedVersion);
}

Status TaskService::setStatusFor(Database &db, const Actor &actor, qint64 taskId, const QString &status)
{
    TaskService svc(db);
    auto current = svc.load(taskId, QStringLiteral("1=1"));
    if (!current)
        return current.error();
    if (current->status == status)
        return {};
    Task next = *current;
    next.status = status;
    auto saved = svc.save(actor, *current, next, std::nullopt);
    if (!saved)
        return saved.error();
    return {};
}

Status TaskService::remove(const Actor &actor, qint64 id)
{
    if (!actor.can(Permission::TaskWrite))
        return Error::forbidden();
    return m_db.write([&]() -> Status {
        auto current = load(id, actor.ownerCondition(QStringLiteral("t.assignee_id")));
        if (!current)
            return current.error();
        QSqlQuery q = m_db.prepare(QStringLiteral("DELETE FROM tasks WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), id);
        if (Status st = m_db.exec(q); !st)
            return st;
        if (Status st = AuditLog::recordDelete(m_db, actor, kEntity, id, snapshot(*current)); !st)
            return st;
        m_db.notifyAfterCommit({kEntity, id, QStringLiteral("deleted")});
        return {};
    });
}

Result<TaskPage> TaskService::list(const Actor &actor, const TaskFilter &filter)
{
    if (!actor.can(Permission::TaskRead))
        return Error::forbidden();
    if (Status st = checkLimit(filter.limit); !st)
        return st.error();
    QString where = actor.ownerCondition(QStringLiteral("t.assignee_id"));
    QVariantMap binds;
    if (!filter.statuses.isEmpty()) {
        QStringList names;
        for (int i = 0; i < filter.statuses.size(); ++i) {
            if (Status st = Validation::oneOf(filter.statuses.at(i), statuses(), QStringLiteral("status")); !st)
                return st.error();
            names << QStringLiteral(":s%1").arg(i);
            binds.insert(names.constLast(), filter.statuses.at(i));
        }
        where += QStringLiteral(" AND t.status IN (") + names.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    const std::pair<const std::optional<qint64> *, QString> equal[] = {
        {&filter.assigneeId, QStringLiteral("t.assignee_id")},
        {&filter.customerId, QStringLiteral("t.customer_id")},
        {&filter.opportunityId, QStringLiteral("t.opportunity_id")}};
    int n = 0;
    for (const auto &[value, column] : equal) {
        if (!*value)
            continue;
        const QString name = QStringLiteral(":e%1").arg(n++);
        where += QStringLiteral(" AND ") + column + QStringLiteral(" = ") + name;
        binds.insert(name, **value);
    }
    if (filter.dueFrom) {
        where += QStringLiteral(" AND t.due_at >= :dueFrom");
        binds.insert(QStringLiteral(":dueFrom"), *filter.dueFrom);
    }
    if (filter.dueTo) {
        where += QStringLiteral(" AND t.due_at < :dueTo");
        binds.insert(QStringLiteral(":dueTo"), *filter.dueTo);
    }
    // With a due range every row has a due time and the (.., due_at) indexes give the order; without
    // one, tasks without a due time come last on both databases (their NULL ordering differs).
    const bool ranged = filter.dueFrom || filter.dueTo;
    if (filter.after) {
        binds.insert(QStringLiteral(":afterId"), filter.after->id);
        if (filter.after->dueAt) {
            binds.insert(QStringLiteral(":afterDue"), *filter.after->dueAt);
            where += QStringLiteral(" AND (t.due_at >= :afterDue AND (t.due_at > :afterDue OR t.id > :afterId)");
            where += ranged ? QStringLiteral(")") : QStringLiteral(" OR t.due_at IS NULL)");
        } else {
            where += QStringLiteral(" AND t.due_at IS NULL AND t.id > :afterId");
        }
    }
    const QString order = ranged ? QStringLiteral(" ORDER BY t.due_at, t.id")
                                 : QStringLiteral(" ORDER BY CASE WHEN t.due_at IS NULL THEN 1 ELSE 0 END, t.due_at, t.id");
    QSqlQuery q = m_db.prepare(kSelect + QStringLiteral(" WHERE ") + where + order + QStringLiteral(" LIMIT :limit"));
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    q.bindValue(QStringLiteral(":limit"), filter.limit + 1);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    TaskPage out;
    while (q.next()) {
        if (out.tasks.size() == filter.limit) {
            out.hasMore = true;
            break;
        }
        out.tasks.append(readTask(q));
    }
    if (out.hasMore)
        out.next = TaskCursor{out.tasks.constLast().dueAt, out.tasks.constLast().id};
    return out;
}

Result<TaskPage> TaskService::openDueBetween(const Actor &actor, std::optional<qint64> from, std::optional<qint64> to,
                                             int limit, std::optional<TaskCursor> after)
{
    TaskFilter f;
    f.statuses = {QStringLiteral("open")};
    f.dueFrom = from;
    f.dueTo = to;
    f.limit = limit;
    f.after = after;
    return list(actor, f);
}

Result<TaskPage> TaskService::today(const Actor &actor, const QTimeZone &tz, int limit, std::optional<TaskCursor> after)
{
    if (!tz.isValid())
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("timeZone"), QStringLiteral("Unknown time zone"));
    const QDate day = QDateTime::fromMSecsSinceEpoch(m_db.clock().nowMs(), tz).date();
    // startOfDay() rather than QDateTime(day, 00:00): it also finds the start of a day whose
    // midnight falls in a daylight-saving gap.
    return openDueBetween(actor, day.startOfDay(tz).toMSecsSinceEpoch(), day.addDays(1).startOfDay(tz).toMSecsSinceEpoch(),
                          limit, after);
}

Result<TaskPage> TaskService::overdue(const Actor &actor, int limit, std::optional<TaskCursor> after)
{
    return openDueBetween(actor, std::nullopt, m_db.clock().nowMs(), limit, after);
}

Result<TaskPage> TaskService::upcoming(const Actor &actor, int days, const QTimeZone &tz, int limit,
                                       std::optional<TaskCursor> after)
{
    if (!tz.isValid())
        return Error::validation(QStringLiteral("invalid"), QStringLiteral("timeZone"), QStringLiteral("Unknown time zone"));
    if (days < 0 || days > 366)
        return Error::validation(QStringLiteral("range"), QStringLiteral("days"), QStringLiteral("Between 0 and 366 days ahead"));
    const qint64 now = m_db.clock().nowMs();
    const QDate day = QDateTime::fromMSecsSinceEpoch(now, tz).date();
    return openDueBetween(actor, now, day.addDays(days + 1).startOfDay(tz).toMSecsSinceEpoch(), limit, after);
}

Result<QVector<Task>> TaskService::dueReminders(qint64 nowMs, std::optional<qint64> assigneeId, int limit)
{
    if (Status st = checkLimit(limit); !st)
        return st.error();
    // The conditions repeat the tasks_reminder index's own, so both planners read only pending reminders.
    QString sql = kSelect + QStringLiteral(" WHERE t.reminded_at IS NULL AND t.status = 'open' AND t.reminder_at <= :now");
    if (assigneeId)
        sql += QStringLiteral(" AND t.assignee_id = :a");
    QSqlQuery q = m_db.prepare(sql + QStringLiteral(" ORDER BY t.reminder_at, t.id LIMIT :limit"));
    q.bindValue(QStringLiteral(":now"), nowMs);
    if (assigneeId)
        q.bindValue(QStringLiteral(":a"), *assigneeId);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (Status st = m_db.exec(q); !st)
        return st.error();
    QVector<Task> out;
    while (q.next())
        out.append(readTask(q));
    return out;
}

Result<QVector<qint64>> TaskService::markReminded(const QVector<qint64> &ids)
{
    QVector<qint64> marked;
    if (ids.isEmpty())
        return marked;
    QString list;
    for (qint64 id : ids)
        list += (list.isEmpty() ? QString() : QStringLiteral(",")) + QString::number(id);
    return m_db.write([&]() -> Result<QVector<qint64>> {
        QSqlQuery q = m_db.prepare(QStringLiteral("UPDATE tasks SET reminded_at = :now WHERE id IN (") + list +
                                   QStringLiteral(") AND reminded_at IS NULL RETURNING id"));
        q.bindValue(QStringLiteral(":now"), m_db.clock().nowMs());
        if (Status st = m_db.exec(q); !st)
            return st.error();
        while (q.next())
            marked.append(q.value(0).toLongLong());
        q.finish();
        for (qint64 id : marked)
            m_db.notifyAfterCommit({kEntity, id, QStringLiteral("updated")});
        return marked;
    });
}

} // namespace crm
