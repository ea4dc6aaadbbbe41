#pragma once

#include "core/storage/Database.h"

#include <QSqlQuery>
#include <QString>

namespace crm {

// A statement taken with Database::cached() and handed back with Database::recycle() when it goes
// out of scope, early returns included. For the statements a write runs once per record (an
// opportunity, its stage history, its audit entry...): parsing a short statement costs more than
// running it, and an import or a busy API server runs the same few texts over and over (an
// opportunity import spent 38 % of its time in SQLite's parser before these were reused).
//
// Values bound on an earlier use stay bound: bind every placeholder on every use.
class ReusedQuery
{
public:
    ReusedQuery(Database &db, const QString &sql) : m_db(db), m_query(db.cached(sql)) {}
    ~ReusedQuery() { m_db.recycle(std::move(m_query)); }
    ReusedQuery(const ReusedQuery &) = delete;
    ReusedQuery &operator=(const ReusedQuery &) = delete;

    QSqlQuery &operator*() { return m_query; }
    QSqlQuery *operator->() { return &m_query; }

private:
    Database &m_db;
    QSqlQuery m_query;
};

} // namespace crm
