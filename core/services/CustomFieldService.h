#pragma once

#include "core/Result.h"
#include "core/domain/CustomField.h"

#include <QVector>

namespace crm {

class Actor;
class Database;

// The company's custom customer fields: anyone who reads customers sees the definitions (the
// customer page and the API show the values with their labels); administrators (settings.admin) add,
// change, reorder and remove them. A field some customer has a value for cannot be removed (the value would become
// unknown to the validator and be lost from view): clear the values first.
class CustomFieldService
{
public:
    explicit CustomFieldService(Database &db) : m_db(db) {}

    static const QStringList &types();

    Result<QVector<CustomFieldDef>> list(const Actor &actor);
    // Validates (key, label, type, options) and appends the field after the others.
    Result<CustomFieldDef> add(const Actor &actor, const CustomFieldDef &draft);
    // Changes the label, a choice's options and whether the field is required; the key and the type
    // stay (stored values are named and typed by them). Refused: dropping an option some customer
    // holds, and making the field required while some customer has no value for it.
    Result<CustomFieldDef> update(const Actor &actor, const QString &key, const CustomFieldDef &changes);
    // Sets the order the customer page and the API show the fields in: `keys` names each field once.
    Status reorder(const Actor &actor, const QStringList &keys);
    Status remove(const Actor &actor, const QString &key);

private:
    Database &m_db;
};

} // namespace crm
