#pragma once

#include "core/domain/Activity.h"
#include "core/domain/Customer.h"
#include "core/domain/Opportunity.h"
#include "core/domain/Task.h"

#include <QString>

namespace crm {

class Database;

// `crm export TYPE --filter KEY=VALUE` for opportunities, activities, tasks and contacts: one
// KEY=VALUE applied to the entity's filter. Each returns an error message, empty when understood.
// Users are named by user name; dates are local calendar days (YYYY-MM-DD), ranges inclusive.
namespace ExportFilters {

QString help(const QString &type);
QString apply(OpportunityFilter &f, const QString &key, const QString &value, Database &db);
QString apply(ActivityScopeFilter &f, const QString &key, const QString &value, Database &db);
QString apply(TaskFilter &f, const QString &key, const QString &value, Database &db);
QString apply(ContactScopeFilter &f, const QString &key, const QString &value, Database &db);

} // namespace ExportFilters
} // namespace crm
