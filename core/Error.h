#pragma once

#include <QString>

namespace crm {

// A typed error: a stable machine code (e.g. "validation.required", "conflict.version", "not_found"),
// a human message safe to show to the user, and the field it concerns, if any.
// Messages never carry internals (SQL, driver text); those go to the log instead.
struct Error
{
    QString code;
    QString message;
    QString field;

    static Error validation(const QString &code, const QString &field, const QString &message)
    {
        return {QStringLiteral("validation.") + code, message, field};
    }
    static Error notFound(const QString &what = QString())
    {
        return {QStringLiteral("not_found"), what.isEmpty() ? QStringLiteral("Not found") : what + QStringLiteral(" not found"), {}};
    }
    static Error forbidden(const QString &message = QStringLiteral("You do not have permission to do this"))
    {
        return {QStringLiteral("forbidden"), message, {}};
    }
    static Error conflict(const QString &code, const QString &message, const QString &field = {})
    {
        return {QStringLiteral("conflict.") + code, message, field};
    }
    // A file that cannot be read (missing, not readable) or written (no folder, no permission, disk
    // full). The message names the file and the system's reason; the interfaces say what to check,
    // which differs between the two.
    static Error readFailed(const QString &message, const QString &field = QStringLiteral("file"))
    {
        return {QStringLiteral("io.read"), message, field};
    }
    static Error writeFailed(const QString &message, const QString &field = QStringLiteral("file"))
    {
        return {QStringLiteral("io.write"), message, field};
    }
    static Error internal(const QString &message = QStringLiteral("Internal error"))
    {
        return {QStringLiteral("internal"), message, {}};
    }

    bool isValidation() const { return code.startsWith(QLatin1String("validation.")); }
    bool isConflict() const { return code.startsWith(QLatin1String("conflict.")); }
};

} // namespace crm
