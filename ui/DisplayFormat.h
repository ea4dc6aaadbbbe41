#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringList>

namespace crm {

struct Opportunity;

// How values look on screen, in the user's language and time zone (the store keeps UTC ms and
// integer minor units). QtCore only, so item models can use it.
class DisplayFormat
{
    Q_DECLARE_TR_FUNCTIONS(DisplayFormat)
public:
    // 123456789 -> "1,234,567.89" (grouping from the locale, never through floating point)
    static QString money(qint64 minor);
    // An opportunity's amount with its currency ("12,000.00 CNY"), or "—" when the role hides it.
    static QString dealAmount(const Opportunity &o);
    static QString dateTime(qint64 utcMs); // empty for 0
    static QString date(qint64 utcMs);
    static QString date(const QDate &day); // a calendar day (an expected close date); empty when not set
    static QString customerStatus(const QString &code);
    static QString customerKind(const QString &code);
    // open, won, lost: an opportunity's status, which is its stage's kind.
    static QString dealStatus(const QString &code);
    // open, done, cancelled
    static QString taskStatus(const QString &code);
    static QString gender(const QString &code);
    // call, message, email, meeting, visit, note (also the follow-up methods).
    static QString activityKind(const QString &code);
    static QString direction(const QString &code); // inbound, outbound
    // The built-in roles by their stored names; a custom role's name is shown as it is.
    static QString roleName(const QString &name);
    // "customer.read" -> "Read customers"; DataScope -> "Own and subordinates' records".
    static QString permission(const QString &code);
    static QString dataScope(const QString &code);
    // The codes the filters and editors offer, in order.
    static const QStringList &customerStatuses();
};

} // namespace crm
