#include "core/ErrorText.h"

#include "core/domain/CustomField.h"

#include <QRegularExpression>

#include <atomic>

namespace crm {

namespace {
std::atomic<bool> g_english{true};
} // namespace

void ErrorText::setEnglish(bool english)
{
    g_english = english;
}

bool ErrorText::isEnglish()
{
    return g_english;
}

QString ErrorText::details(const Error &error)
{
    return error.pattern || error.message.isEmpty() ? message(error) : error.message;
}

QString ErrorText::fieldLabel(const QString &field)
{
    static const struct
    {
        const char *field;
        const char *label;
    } labels[] = {
        {"name", QT_TR_NOOP("Name")},         {"kind", QT_TR_NOOP("Kind")},
        {"gender", QT_TR_NOOP("Gender")},     {"birthday", QT_TR_NOOP("Birthday")},
        {"occupation", QT_TR_NOOP("Occupation")}, {"industry", QT_TR_NOOP("Industry")},
        {"company", QT_TR_NOOP("Company")},   {"position", QT_TR_NOOP("Position")},
        {"source", QT_TR_NOOP("Source")},     {"status", QT_TR_NOOP("Status")},
        {"level", QT_TR_NOOP("Level")},       {"phones", QT_TR_NOOP("Phones")},
        {"emails", QT_TR_NOOP("Emails")},     {"addresses", QT_TR_NOOP("Addresses")},
        {"tags", QT_TR_NOOP("Tags")},         {"groups", QT_TR_NOOP("Groups")},
        {"ownerId", QT_TR_NOOP("Owner")},     {"customFields", QT_TR_NOOP("Custom fields")},
        {"notes", QT_TR_NOOP("Notes")},       {"phone", QT_TR_NOOP("Phone")},
        {"email", QT_TR_NOOP("Email")},       {"relationship", QT_TR_NOOP("Relationship")},
        {"password", QT_TR_NOOP("Password")}, {"database", QT_TR_NOOP("Database")},
        {"username", QT_TR_NOOP("User name")},
        // Columns of imported opportunities and activities.
        {"customer", QT_TR_NOOP("Customer")}, {"customerId", QT_TR_NOOP("Customer ID")},
        {"customerPhone", QT_TR_NOOP("Customer phone")}, {"amount", QT_TR_NOOP("Amount")},
        {"amountMinor", QT_TR_NOOP("Amount")}, {"probability", QT_TR_NOOP("Probability")},
        {"expectedCloseDate", QT_TR_NOOP("Expected close date")}, {"stage", QT_TR_NOOP("Stage")},
        {"pipeline", QT_TR_NOOP("Pipeline")}, {"owner", QT_TR_NOOP("Owner")},
        {"lossReason", QT_TR_NOOP("Loss reason")}, {"occurredAt", QT_TR_NOOP("Time")},
        {"durationSeconds", QT_TR_NOOP("Duration (seconds)")}, {"subject", QT_TR_NOOP("Subject")},
        {"content", QT_TR_NOOP("Content")}, {"province", QT_TR_NOOP("Province")},
        {"city", QT_TR_NOOP("City")}, {"district", QT_TR_NOOP("District")},
        {"street", QT_TR_NOOP("Street")}, {"postalCode", QT_TR_NOOP("Postal code")},
        // The contact person columns of a customer import.
        {"contactName", QT_TR_NOOP("Contact name")}, {"contactPosition", QT_TR_NOOP("Contact position")},
        {"contactPhone", QT_TR_NOOP("Contact phone")}, {"contactEmail", QT_TR_NOOP("Contact email")},
    };
    for (const auto &l : labels)
        if (field == QLatin1String(l.field))
            return tr(l.label);
    if (const QString key = CustomFieldDef::keyOf(field); !key.isEmpty())
        return tr("Custom field %1").arg(key);
    return field;
}

QString ErrorText::message(const Error &error)
{
    if (isEnglish() && !error.message.isEmpty())
        return error.message;
    // A file that cannot be read or written keeps its advice (what to check), with the sentence as details.
    if (error.pattern && !error.code.startsWith(QLatin1String("io.")))
        return Error::fill(tr(error.pattern), error.args);
    return translated(error);
}

QString ErrorText::translated(const Error &error)
{
    const QString &c = error.code;
    const QString field = fieldLabel(error.field);
    if (c == QLatin1String("auth.invalid"))
        return tr("Wrong user name or password.");
    if (c == QLatin1String("auth.locked")) {
        // The service says how long in its message; the number is all that is needed from it.
        const auto m = QRegularExpression(QStringLiteral("(\\d+)")).match(error.message);
        const int minutes = m.hasMatch() ? m.captured(1).toInt() : 15;
        return tr("Too many failed sign-ins: this account is locked for %n more minute(s).", nullptr, minutes);
    }
    if (c == QLatin1String("auth.inactive"))
        return tr("This account has been deactivated. Ask an administrator.");
    if (c == QLatin1String("storage.unavailable"))
        return tr("The database cannot be reached. Check its address and that the server is running.");
    if (c == QLatin1String("storage.busy"))
        return tr("The database is busy. Try again in a moment.");
    if (c == QLatin1String("storage.too_new"))
        return tr("This database was created by a newer version of the CRM.");
    if (c == QLatin1String("forbidden"))
        return tr("You do not have permission to do this.");
    if (c == QLatin1String("not_found"))
        return tr("This record no longer exists or is not visible to you.");
    if (c == QLatin1String("conflict.version"))
        return tr("Someone else changed this record meanwhile. Reload it and apply your change again.");
    if (c == QLatin1String("conflict.duplicate"))
        return tr("This would duplicate an existing record.");
    if (c == QLatin1String("conflict.state")) // a converted lead, a customer already in the pool, a closed follow-up...
        return tr("This cannot be done in the record's current state.");
    if (c == QLatin1String("validation.required"))
        return tr("%1 is required.").arg(field);
    if (c == QLatin1String("validation.format"))
        return tr("%1: the format is not valid.").arg(field);
    if (c == QLatin1String("validation.too_long"))
        return tr("%1 is too long.").arg(field);
    if (c == QLatin1String("validation.range"))
        return tr("%1 is out of range.").arg(field);
    if (c == QLatin1String("validation.reference"))
        return tr("%1 refers to something that does not exist.").arg(field);
    if (c == QLatin1String("validation.last_admin"))
        return tr("At least one active user must keep user administration.");
    if (error.isValidation())
        return tr("%1 is not valid.").arg(field);
    // The services' sentences name the file and the system's reason: kept as details, translated where
    // they were made from a marked pattern (the system's reason stays as the system gave it).
    const QString details = error.pattern ? Error::fill(tr(error.pattern), error.args) : error.message;
    if (c == QLatin1String("io.read"))
        return tr("The file cannot be read. Check that it exists and that you may read it. Details: %1").arg(details);
    if (c == QLatin1String("io.write"))
        return tr("The file cannot be written. Check that the folder exists, that you may write to it and that the disk is "
                  "not full. Details: %1")
            .arg(details);
    return tr("The operation failed: %1").arg(error.message);
}

} // namespace crm
