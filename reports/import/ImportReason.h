#pragma once

#include "core/Error.h"

#include <QCoreApplication>
#include <QString>

namespace crm {

// Why an import row was not taken as it was, in the user's language: the text of an error report
// line and of the desktop's list of issues. English is the source (the catalogue is the desktop's,
// installed by ui/LanguageLoader; without one, English).
class ImportReason
{
    Q_DECLARE_TR_FUNCTIONS(ImportReason)
public:
    // What two rows or records share: a customer's key (DuplicateIndex: phone, email, name and
    // company), or an opportunity's, activity's or contact's.
    enum class Same { Phone, Email, Name, CustomerAndName, ActivityFields, ContactName };

    // A row the core refused (validation): ErrorText's sentence.
    static QString invalid(const Error &error);
    // A row's write failed after every check had passed: the database's failure, not the row's, which
    // ends the import. The error keeps its code and field; its text gains the row's number, in the
    // user's language too (ErrorText::message).
    static Error writeFailed(qint64 row, const Error &error);
    // Skipped, the same as an earlier row of the file / an existing record (customer, opportunity,
    // activity, contact).
    static QString duplicateOfRow(qint64 row, Same same);
    static QString duplicateOfRecord(qint64 id, Same same);
    // Skipped: a record with the same key exists, outside the importing user's data.
    static QString heldByAnother(Same same);
    // Not updated (policy "update"), for that same reason.
    static QString notUpdatedHeldByAnother(Same same);
    // The error report's header: row, column, value, reason.
    static QStringList reportHeader();
};

} // namespace crm
