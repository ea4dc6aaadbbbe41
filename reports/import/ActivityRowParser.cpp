#include "reports/import/ActivityRowParser.h"

#include "reports/export/ExportVocabulary.h"
#include "reports/import/CustomerRowParser.h"

#include <QDateTime>
#include <QRegularExpression>

namespace crm {

ActivityRowParser::ActivityRowParser(const ColumnMapping &mapping) : m_mapping(mapping)
{
    const char *names[kFields] = {"occurredAt", "kind", "direction", "subject", "content", "outcome", "status", "phone",
                                     "durationSeconds"};
    for (int f = 0; f < kFields; ++f)
        m_columns[f] = mapping.columnOf(QLatin1String(names[f]));
}

QString ActivityRowParser::cell(const QStringList &cells, Field field) const
{
    const int i = m_columns[int(field)];
    return i < 0 ? QString() : CustomerRowParser::clean(cells.value(i));
}

std::optional<qint64> ActivityRowParser::parseTime(const QString &text)
{
    // Local wall-clock time: a date, optionally a time of day (seconds and fractions optional).
    static const QRegularExpression local(QStringLiteral(
        "^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?)?$"));
    const QString t = text.trimmed();
    if (const QRegularExpressionMatch m = local.match(t); m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QTime time = m.captured(4).isEmpty()
            ? QTime(0, 0)
            : QTime(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), m.captured(7).leftJustified(3, QLatin1Char('0')).toInt());
        if (!d.isValid() || !time.isValid())
            return std::nullopt;
        return m_localTime.utcMs(d, time);
    }
    // ISO 8601 with an offset or Z (our JSON export: UTC with milliseconds).
    const QDateTime iso = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (iso.isValid())
        return iso.toMSecsSinceEpoch();
    return std::nullopt;
}

Status ActivityRowParser::parse(const QStringList &cells, ActivityRow &row)
{
    row = ActivityRow{};
    auto customer = customerRefIn(m_mapping, cells);
    if (!customer)
        return customer.error();
    row.customer = *customer;
    Activity &a = row.draft;
    if (const QString time = cell(cells, Field::OccurredAt); !time.isEmpty()) {
        const auto ms = parseTime(time);
        if (!ms)
            return cellFormatError("occurredAt", QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is not a time (write it as YYYY-MM-DD HH:MM)"), time);
        if (*ms <= 0)
            return Error::validation(QStringLiteral("range"), QStringLiteral("occurredAt"), QStringLiteral("Not a valid time"));
        a.occurredAt = *ms;
    }
    const QString kind = cell(cells, Field::Kind);
    a.kind = ExportVocabulary::canonical(QStringLiteral("activityKind"), kind);
    if (a.kind.isEmpty())
        a.kind = kind.isEmpty() ? QStringLiteral("note") : kind.toLower();
    const QString direction = cell(cells, Field::Direction);
    a.direction = ExportVocabulary::canonical(QStringLiteral("direction"), direction);
    if (a.direction.isEmpty())
        a.direction = direction;
    a.subject = cell(cells, Field::Subject);
    a.content = cell(cells, Field::Content);
    a.outcome = cell(cells, Field::Outcome);
    a.status = cell(cells, Field::Status);
    a.phone = cell(cells, Field::Phone);
    if (const QString duration = cell(cells, Field::DurationSeconds); !duration.isEmpty()) {
        bool ok = false;
        const int seconds = duration.toInt(&ok);
        if (!ok)
            return cellFormatError("durationSeconds", QT_TRANSLATE_NOOP("ErrorText", "\"%1\" is not a number of seconds"), duration);
        a.durationSeconds = seconds;
    }
    return {};
}

} // namespace crm
