#include "reports/import/ImportReason.h"

#include "core/ErrorText.h"

namespace crm {

namespace {

// "same phone" and the like, for the customer keys.
QString sameKey(ImportReason::Same same)
{
    switch (same) {
    case ImportReason::Same::Phone: return ImportReason::tr("same phone");
    case ImportReason::Same::Email: return ImportReason::tr("same email");
    case ImportReason::Same::Name: return ImportReason::tr("same name");
    case ImportReason::Same::CustomerAndName: return ImportReason::tr("same customer and name");
    case ImportReason::Same::ActivityFields: return ImportReason::tr("same customer, time, kind, subject and content");
    case ImportReason::Same::ContactName: return ImportReason::tr("same customer and name");
    }
    return {};
}

} // namespace

QString ImportReason::invalid(const Error &error)
{
    return ErrorText::message(error);
}

Error ImportReason::writeFailed(qint64 row, const Error &error)
{
    static constexpr const char *kPattern = QT_TRANSLATE_NOOP("ErrorText", "Row %1: %2");
    // The message is English throughout; the details ErrorText fills the translated pattern with hold
    // the inner error in the language in use now.
    const QString number = QString::number(row);
    return Error{error.code, Error::fill(QLatin1String(kPattern), {number, error.message}), error.field, kPattern,
                 {number, ErrorText::message(error)}};
}

QString ImportReason::duplicateOfRow(qint64 row, Same same)
{
    return tr("skipped: duplicate of row %1 (%2)").arg(row).arg(sameKey(same));
}

QString ImportReason::duplicateOfRecord(qint64 id, Same same)
{
    switch (same) {
    case Same::CustomerAndName: return tr("skipped: duplicate of opportunity %1 (%2)").arg(id).arg(sameKey(same));
    case Same::ActivityFields: return tr("skipped: duplicate of activity %1 (%2)").arg(id).arg(sameKey(same));
    case Same::ContactName: return tr("skipped: duplicate of contact %1 (%2)").arg(id).arg(sameKey(same));
    default: return tr("skipped: duplicate of customer %1 (%2)").arg(id).arg(sameKey(same));
    }
}

QString ImportReason::heldByAnother(Same same)
{
    if (same == Same::CustomerAndName)
        return tr("skipped: the customer already has this opportunity, held by another user");
    return tr("skipped: already in the CRM, held by another user (%1)").arg(sameKey(same));
}

QString ImportReason::notUpdatedHeldByAnother(Same same)
{
    if (same == Same::CustomerAndName)
        return tr("cannot update: the customer already has this opportunity, held by another user");
    return tr("cannot update: already in the CRM, held by another user (%1), outside your customers").arg(sameKey(same));
}

QStringList ImportReason::reportHeader()
{
    return {tr("row"), tr("column"), tr("value"), tr("reason")};
}

} // namespace crm
