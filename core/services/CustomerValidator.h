#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"

#include <QSet>

namespace crm {

class Database;

// Checks and normalises the given fields of a customer (phones and emails to canonical form, the
// primary entries and region derived from the lists, custom fields against their definitions).
// Shared by create, update and importers so every surface rejects the same input the same way.
class CustomerValidator
{
public:
    static const QStringList &kinds();
    static const QStringList &statuses();
    static const QStringList &levels();
    static const QStringList &genders();
    // Every field name a customer update may name.
    static const QSet<QString> &fieldNames();

    explicit CustomerValidator(Database &db) : m_db(db) {}
    Status normalize(Customer &c, const QSet<QString> &fields, qint64 nowMs);

private:
    Status checkCustomFields(const QJsonObject &values);
    Database &m_db;
};

} // namespace crm
