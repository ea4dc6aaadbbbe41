#pragma once

#include "core/Result.h"
#include "core/domain/Opportunity.h"
#include "core/security/Actor.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace crm {

class Database;

// How a row of an opportunity or activity file names its customer.
struct CustomerRef
{
    qint64 id = 0;
    QString name;
    QString phone; // normalised; narrows a name several customers share
    bool isEmpty() const { return id <= 0 && name.isEmpty(); }
};

class ColumnMapping;

// A cell that does not read as its column's type; the reason quotes the cell (its first 40
// characters). `pattern` is marked with QT_TRANSLATE_NOOP("ErrorText", ...), %1 standing for the cell.
Error cellFormatError(const char *field, const char *pattern, const QString &cell);

// The customer a row names by its customerId, customer (name) and customerPhone cells; an error
// (naming the field) when the id or phone is none or no customer is named.
Result<CustomerRef> customerRefIn(const ColumnMapping &mapping, const QStringList &cells);

// Finds the customers the rows of a chunk name, within the actor's data scope (a customer out of
// scope is unknown, as everywhere): one query for the ids, one for the names and, when rows give
// phones, one for those customers' phones, per chunk instead of per row.
class CustomerLookup
{
public:
    CustomerLookup(Database &db, const Actor &actor) : m_db(db), m_actor(actor) {}

    // Replaces what was loaded with what these references need.
    Status load(const QVector<CustomerRef> &refs);
    // The customer's id, or a reason fit for the error report.
    Result<qint64> find(const CustomerRef &ref) const;
    QString nameOf(qint64 id) const { return m_names.value(id); }

private:
    Database &m_db;
    const Actor &m_actor;
    QHash<qint64, QString> m_names; // id -> name, for every customer loaded
    QHash<QString, QVector<qint64>> m_byName;
    QHash<qint64, QSet<QString>> m_phones; // loaded only when rows give phones
};

// The users an opportunity can be given to: loaded once (a company has hundreds, not millions),
// matched by user name or display name.
class UserLookup
{
public:
    Status load(Database &db);
    // An active user the actor may give records to (Actor::canSeeOwner), or a reason.
    Result<qint64> find(const Actor &actor, const QString &name) const;

private:
    struct User
    {
        qint64 id;
        bool active;
    };
    QHash<QString, User> m_byUsername, m_byDisplayName;
};

// Pipelines and stages by name, loaded once.
class StageLookup
{
public:
    Status load(Database &db, const Actor &actor);
    // The stage named `stage` (case-insensitive) in the pipeline named `pipeline` (empty: the default
    // pipeline, else the only pipeline with such a stage). An empty stage name takes the pipeline's
    // first stage of kind `status` (open when empty too). Errors are reasons for the report.
    Result<Stage> find(const QString &pipeline, const QString &stage, const QString &status) const;
    // The same within the pipeline with this id (an existing deal's, for a row that names no pipeline).
    Result<Stage> findIn(qint64 pipelineId, const QString &stage, const QString &status) const;

private:
    QVector<Pipeline> m_pipelines; // default first
};

} // namespace crm
