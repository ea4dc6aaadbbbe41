#include "reports/import/ImportLookups.h"

#include "core/domain/Validation.h"
#include "core/services/PipelineService.h"
#include "core/storage/Database.h"
#include "reports/import/ColumnMapping.h"
#include "reports/import/CustomerRowParser.h"

#include <QSqlQuery>

namespace crm {

namespace {

// The reasons name what the row said (a customer, an owner, a stage), in the user's language too:
// the patterns are marked for ErrorText's catalogue.
Error rowError(const QString &field, const char *pattern, const QStringList &args = {})
{
    return Error::detailed(QStringLiteral("validation.reference"), field, pattern, args);
}

// The pipeline lacks a stage of the kind the row's status asks for ("open", "won" or "lost"; the
// parser has checked it).
Error noStageOf(const QString &kind)
{
    const char *pattern = kind == QLatin1String("won")    ? QT_TRANSLATE_NOOP("ErrorText", "The pipeline has no won stage")
                          : kind == QLatin1String("lost") ? QT_TRANSLATE_NOOP("ErrorText", "The pipeline has no lost stage")
                                                          : QT_TRANSLATE_NOOP("ErrorText", "The pipeline has no open stage");
    return rowError(QStringLiteral("stage"), pattern);
}

// ":p0, :p1, ..." bound to `values`.
template <typename T>
QString placeholders(const QString &prefix, const QVector<T> &values)
{
    QStringList names;
    for (qsizetype i = 0; i < values.size(); ++i)
        names << QString(QLatin1Char(':') + prefix + QString::number(i));
    return names.join(QStringLiteral(", "));
}

template <typename T>
void bindList(QSqlQuery &q, const QString &prefix, const QVector<T> &values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(QString(QLatin1Char(':') + prefix + QString::number(i)), values[i]);
}

} // namespace

Error cellFormatError(const char *field, const char *pattern, const QString &cell)
{
    return Error::detailed(QStringLiteral("validation.format"), QLatin1String(field), pattern, {cell.left(40)});
}

Result<CustomerRef> customerRefIn(const ColumnMapping &mapping, const QStringList &cells)
{
    auto cell = [&](const char *field) {
        const int i = mapping.columnOf(QLatin1String(field));
        return i < 0 ? QString() : CustomerRowParser::clean(cells.value(i));
    };
    CustomerRef ref;
    if (const QString id = cell("customerId"); !id.isEmpty()) {
        bool ok = false;
        ref.id = id.toLongLong(&ok);
        if (!ok || ref.id <= 0)
            return cellFormatError("customerId", QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is not a customer id"), id);
    }
    ref.name = cell("customer");
    if (const QString phone = cell("customerPhone"); !phone.isEmpty()) {
        const auto p = Validation::normalizePhone(phone);
        if (!p)
            return cellFormatError("customerPhone", QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is not a phone number"), phone);
        ref.phone = *p;
    }
    if (ref.isEmpty())
        return Error::validation(QStringLiteral("required"),
                                 mapping.columnOf(QStringLiteral("customer")) >= 0 ? QStringLiteral("customer") : QStringLiteral("customerId"),
                                 QStringLiteral("The customer is missing"));
    return ref;
}

Status CustomerLookup::load(const QVector<CustomerRef> &refs)
{
    m_names.clear();
    m_byName.clear();
    m_phones.clear();
    QSet<qint64> idSet;
    QSet<QString> nameSet;
    bool phones = false;
    for (const CustomerRef &r : refs) {
        if (r.id > 0)
            idSet.insert(r.id);
        else if (!r.name.isEmpty())
            nameSet.insert(r.name);
        phones = phones || (!r.phone.isEmpty() && r.id <= 0);
    }
    const QString scope = m_actor.ownerCondition(QStringLiteral("c.owner_id"));
    if (!idSet.isEmpty()) {
        const QVector<qint64> ids(idSet.begin(), idSet.end());
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT c.id, c.name FROM customers c WHERE c.id IN (") +
                                   placeholders(QStringLiteral("i"), ids) + QStringLiteral(") AND ") + scope);
        bindList(q, QStringLiteral("i"), ids);
        if (Status st = m_db.exec(q); !st)
            return st;
        while (q.next())
            m_names.insert(q.value(0).toLongLong(), q.value(1).toString());
    }
    if (!nameSet.isEmpty()) {
        const QVector<QString> names(nameSet.begin(), nameSet.end());
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT c.id, c.name FROM customers c WHERE c.name IN (") +
                                   placeholders(QStringLiteral("n"), names) + QStringLiteral(") AND ") + scope +
                                   QStringLiteral(" ORDER BY c.id"));
        bindList(q, QStringLiteral("n"), names);
        if (Status st = m_db.exec(q); !st)
            return st;
        QVector<qint64> found;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            m_names.insert(id, q.value(1).toString());
            m_byName[q.value(1).toString()].append(id);
            found << id;
        }
        q.finish();
        if (phones && !found.isEmpty()) {
            QSqlQuery p = m_db.prepare(QStringLiteral("SELECT customer_id, phone FROM customer_phones WHERE customer_id IN (") +
                                       placeholders(QStringLiteral("c"), found) + QLatin1Char(')'));
            bindList(p, QStringLiteral("c"), found);
            if (Status st = m_db.exec(p); !st)
                return st;
            while (p.next())
                m_phones[p.value(0).toLongLong()].insert(p.value(1).toString());
        }
    }
    return {};
}

Result<qint64> CustomerLookup::find(const CustomerRef &ref) const
{
    if (ref.id > 0) {
        if (!m_names.contains(ref.id))
            return rowError(QStringLiteral("customerId"), QT_TRANSLATE_NOOP("ErrorText", "Unknown customer %1"), {QString::number(ref.id)});
        // A file from another CRM carries its own ids: the name, when given, must agree.
        if (!ref.name.isEmpty() && ref.name != m_names.value(ref.id))
            return rowError(QStringLiteral("customerId"), QT_TRANSLATE_NOOP("ErrorText", "Customer %1 is named \"%2\", not \"%3\""),
                            {QString::number(ref.id), m_names.value(ref.id), ref.name});
        return ref.id;
    }
    if (ref.name.isEmpty())
        return Error::validation(QStringLiteral("required"), QStringLiteral("customer"), QStringLiteral("The customer is missing"));
    QVector<qint64> candidates = m_byName.value(ref.name);
    if (candidates.isEmpty())
        return rowError(QStringLiteral("customer"), QT_TRANSLATE_NOOP("ErrorText", "Unknown customer \"%1\""), {ref.name});
    if (!ref.phone.isEmpty()) {
        QVector<qint64> withPhone;
        for (qint64 id : candidates)
            if (m_phones.value(id).contains(ref.phone))
                withPhone << id;
        if (withPhone.isEmpty())
            return rowError(QStringLiteral("customerPhone"), QT_TRANSLATE_NOOP("ErrorText", "No customer \"%1\" has the phone %2"),
                            {ref.name, ref.phone});
        candidates = withPhone;
    }
    if (candidates.size() > 1)
        return rowError(QStringLiteral("customer"),
                        QT_TRANSLATE_NOOP("ErrorText", "%1 customers are named \"%2\"; add a column with the customer's phone or id to "
                                                       "tell them apart"),
                        {QString::number(candidates.size()), ref.name});
    return candidates.first();
}

Status UserLookup::load(Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT id, username, display_name, active FROM users ORDER BY id"));
    if (Status st = db.exec(q); !st)
        return st;
    while (q.next()) {
        const User u{q.value(0).toLongLong(), q.value(3).toInt() != 0};
        m_byUsername.insert(q.value(1).toString().toLower(), u);
        if (!m_byDisplayName.contains(q.value(2).toString()))
            m_byDisplayName.insert(q.value(2).toString(), u);
    }
    return {};
}

Result<qint64> UserLookup::find(const Actor &actor, const QString &name) const
{
    std::optional<User> user;
    if (auto it = m_byDisplayName.constFind(name); it != m_byDisplayName.cend())
        user = *it;
    else if (auto byName = m_byUsername.constFind(name.toLower()); byName != m_byUsername.cend())
        user = *byName;
    // Someone outside the actor's scope reads as unknown, as in OpportunityService.
    if (!user || (user->id != actor.userId && !actor.canSeeOwner(user->id)))
        return rowError(QStringLiteral("owner"), QT_TRANSLATE_NOOP("ErrorText", "Unknown owner \"%1\""), {name});
    if (!user->active)
        return rowError(QStringLiteral("owner"), QT_TRANSLATE_NOOP("ErrorText", "The owner \"%1\" is inactive"), {name});
    return user->id;
}

Status StageLookup::load(Database &db, const Actor &actor)
{
    auto pipelines = PipelineService(db).list(actor);
    if (!pipelines)
        return pipelines.error();
    m_pipelines = *pipelines;
    return {};
}

Result<Stage> StageLookup::find(const QString &pipeline, const QString &stage, const QString &status) const
{
    QVector<const Pipeline *> in;
    for (const Pipeline &p : m_pipelines)
        if (pipeline.isEmpty() ? p.isDefault : p.name.compare(pipeline, Qt::CaseInsensitive) == 0)
            in << &p;
    if (in.isEmpty() && !pipeline.isEmpty())
        return rowError(QStringLiteral("pipeline"), QT_TRANSLATE_NOOP("ErrorText", "Unknown pipeline \"%1\""), {pipeline});
    if (stage.isEmpty()) {
        const QString kind = status.isEmpty() ? QStringLiteral("open") : status;
        for (const Pipeline *p : in)
            for (const Stage &s : p->stages)
                if (s.kind == kind)
                    return s;
        return noStageOf(kind);
    }
    auto inPipelines = [&](const QVector<const Pipeline *> &ps) -> QVector<Stage> {
        QVector<Stage> out;
        for (const Pipeline *p : ps)
            for (const Stage &s : p->stages)
                if (s.name.compare(stage, Qt::CaseInsensitive) == 0)
                    out << s;
        return out;
    };
    QVector<Stage> found = inPipelines(in);
    if (found.isEmpty() && pipeline.isEmpty()) {
        // Not in the default pipeline: a stage name only one other pipeline has is clear enough.
        QVector<const Pipeline *> all;
        for (const Pipeline &p : m_pipelines)
            all << &p;
        found = inPipelines(all);
        if (found.size() > 1)
            return rowError(QStringLiteral("stage"),
                            QT_TRANSLATE_NOOP("ErrorText", "Several pipelines have a stage \"%1\"; add a pipeline column"), {stage});
    }
    if (found.isEmpty())
        return rowError(QStringLiteral("stage"), QT_TRANSLATE_NOOP("ErrorText", "Unknown stage \"%1\""), {stage});
    return found.first();
}

Result<Stage> StageLookup::findIn(qint64 pipelineId, const QString &stage, const QString &status) const
{
    for (const Pipeline &p : m_pipelines) {
        if (p.id != pipelineId)
            continue;
        const QString kind = status.isEmpty() ? QStringLiteral("open") : status;
        for (const Stage &s : p.stages)
            if (stage.isEmpty() ? s.kind == kind : s.name.compare(stage, Qt::CaseInsensitive) == 0)
                return s;
        if (stage.isEmpty())
            return noStageOf(kind);
        return rowError(QStringLiteral("stage"),
                        QT_TRANSLATE_NOOP("ErrorText", "The pipeline \"%1\" has no stage \"%2\" (a pipeline column moves the "
                                                       "opportunity to another pipeline)"),
                        {p.name, stage});
    }
    return rowError(QStringLiteral("pipeline"), QT_TRANSLATE_NOOP("ErrorText", "Unknown pipeline"));
}

} // namespace crm
