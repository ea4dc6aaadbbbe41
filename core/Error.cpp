#include "core/Error.h"

namespace crm {

Error Error::detailed(const QString &code, const QString &field, const char *pattern, const QStringList &args)
{
    Error e{code, fill(QString::fromUtf8(pattern), args), field};
    e.pattern = pattern;
    e.args = args;
    return e;
}

Error Error::cannotOpen(const QString &path, const QString &reason)
{
    return detailed(QStringLiteral("io.read"), QStringLiteral("file"), QT_TRANSLATE_NOOP("ErrorText", "Cannot open %1: %2"),
                    {path, reason});
}

QString Error::fill(const QString &pattern, const QStringList &args)
{
    QString out;
    out.reserve(pattern.size() + 16 * args.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'%' && i + 1 < pattern.size()) {
            const int n = pattern[i + 1].digitValue();
            if (n >= 1 && n <= args.size()) {
                out += args[n - 1];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace crm
