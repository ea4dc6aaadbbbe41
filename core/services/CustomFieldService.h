#pragma once

#include "core/Result.h"
#include "core/domain/CustomField.h"

#include <QVector>

namespace crm {

class Actor;
class Database;

// The company's custom customer fields: anyone who reads customers sees the definitions (the
// customer page and the API show the values with their labels); administrators (settings.admin) add
// and remove them. A field some customer has a value for cannot be removed (the value would become
// unknown to the validator and be lost from view): clear the values first.
class CustomFieldService
{
public:
    explicit CustomFieldService(Database &db) : m_db(db) {}

    static const QStringList &types();

    Result<QVector<CustomFieldDef>> list(const Actor &actor);
    // Validates (key, label, type, options) and appends the field after the others.
    Result<CustomFieldDef> add(const Actor &actor, const CustomFieldDef &draft);
    Status remove(const Actor &actor, const QString &key);

private:
    Database &m_db;
};

} // namespace crm
