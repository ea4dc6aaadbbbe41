#include "reports/export/ContactMask.h"

namespace crm::ContactMask {

QString phone(const QString &number)
{
    if (number.isEmpty())
        return number;
    const qsizetype n = number.size();
    if (n >= 11) // keep the first three and the last four digits
        return number.left(n - 8) + QStringLiteral("****") + number.right(4);
    if (n >= 7)
        return number.left(n - 6) + QStringLiteral("****") + number.right(2);
    return QString(n > 2 ? n - 2 : 0, QLatin1Char('*')) + number.right(qMin<qsizetype>(2, n));
}

QString email(const QString &address)
{
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    if (at <= 0)
        return address.isEmpty() ? address : QStringLiteral("***");
    return address.left(1) + QStringLiteral("***") + address.mid(at);
}

} // namespace crm::ContactMask
