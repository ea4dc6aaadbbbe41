#pragma once

#include <QString>
#include <QStringList>

namespace crm {

// A typed error: a stable machine code (e.g. "validation.required", "conflict.version", "not_found"),
// a human message safe to show to the user, and the field it concerns, if any.
// Messages never carry internals (SQL, driver text); those go to the log instead.
struct Error
{
    QString code;
    QString message;
    QString field;
    // Set when the message was made from an English pattern marked for translation (detailed()): the
    // pattern and the details that fill it, so that ErrorText can say the same sentence in the user's
    // language with its details ("3 customers are named ..."), where the code alone would lose them.
    const char *pattern = nullptr;
    QStringList args = {};

    // `pattern` is marked with QT_TRANSLATE_NOOP("ErrorText", ...) (a literal: it is kept by address)
    // and has the placeholders %1 to %9; the message is the pattern filled with `args`.
    static Error detailed(const QString &code, const QString &field, const char *pattern, const QStringList &args);
    // `pattern` with %1 to %9 replaced by `args` in one pass: text inside an argument ("%2" in a
    // customer's name) stays as it is, unlike chained QString::arg calls.
    static QString fill(const QString &pattern, const QStringList &args);

    static Error validation(const QString &code, const QString &field, const QString &message)
    {
        return {QStringLiteral("validation.") + code, message, field};
    }
    static Error notFound(const QString &what = QString())
    {
        return {QStringLiteral("not_found"), what.isEmpty() ? QStringLiteral("Not found") : what + QStringLiteral(" not found"), QString()};
    }
    static Error forbidden(const QString &message = QStringLiteral("You do not have permission to do this"))
    {
        return {QStringLiteral("forbidden"), message, QString()};
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
    // "Cannot open <path>: <the system's reason>", in the user's language (a detailed() pattern).
    static Error cannotOpen(const QString &path, const QString &reason);
    static Error writeFailed(const QString &message, const QString &field = QStringLiteral("file"))
    {
        return {QStringLiteral("io.write"), message, field};
    }
    static Error internal(const QString &message = QStringLiteral("Internal error"))
    {
        return {QStringLiteral("internal"), message, QString()};
    }

    bool isValidation() const { return code.startsWith(QLatin1String("validation.")); }
    bool isConflict() const { return code.startsWith(QLatin1String("conflict.")); }
};

} // namespace crm
