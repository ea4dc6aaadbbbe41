#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace crm {

// One committed change: which entity, which row, and what happened.
struct Change
{
    QString entity; // "customer", "opportunity", "task", ...
    qint64 id = 0;
    QString kind; // "created", "updated", "deleted"
};

// Announces committed changes. Thread-safe: services on any thread publish, views and caches
// connect (queued across threads). With PostgreSQL, PgChangeListener re-publishes the changes
// other processes made (LISTEN/NOTIFY), so every process sees every write.
class ChangeFeed : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    void publish(const Change &change) { Q_EMIT changed(change); }

Q_SIGNALS:
    void changed(const crm::Change &change);
};

} // namespace crm

Q_DECLARE_METATYPE(crm::Change)
