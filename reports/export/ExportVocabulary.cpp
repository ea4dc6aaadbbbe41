#include "reports/export/ExportVocabulary.h"

#include <QHash>

namespace crm::ExportVocabulary {

namespace {

const QHash<QString, QString> &chineseWords()
{
    static const QHash<QString, QString> words = {
        {QStringLiteral("opportunityStatus/open"), QStringLiteral("进行中")},
        {QStringLiteral("opportunityStatus/won"), QStringLiteral("赢单")},
        {QStringLiteral("opportunityStatus/lost"), QStringLiteral("输单")},
        {QStringLiteral("activityKind/call"), QStringLiteral("电话")},
        {QStringLiteral("activityKind/message"), QStringLiteral("消息")},
        {QStringLiteral("activityKind/email"), QStringLiteral("邮件")},
        {QStringLiteral("activityKind/meeting"), QStringLiteral("会议")},
        {QStringLiteral("activityKind/visit"), QStringLiteral("拜访")},
        {QStringLiteral("activityKind/note"), QStringLiteral("备注")},
        {QStringLiteral("direction/inbound"), QStringLiteral("呼入")},
        {QStringLiteral("direction/outbound"), QStringLiteral("呼出")},
        {QStringLiteral("taskStatus/open"), QStringLiteral("未完成")},
        {QStringLiteral("taskStatus/done"), QStringLiteral("已完成")},
        {QStringLiteral("taskStatus/cancelled"), QStringLiteral("已取消")},
        {QStringLiteral("priority/low"), QStringLiteral("低")},
        {QStringLiteral("priority/normal"), QStringLiteral("普通")},
        {QStringLiteral("priority/high"), QStringLiteral("高")},
    };
    return words;
}

} // namespace

QString label(const QString &field, const QString &value, bool chinese)
{
    if (!chinese || value.isEmpty())
        return value;
    return chineseWords().value(field + QLatin1Char('/') + value, value);
}

QString canonical(const QString &field, const QString &text)
{
    const QString t = text.trimmed();
    const QString prefix = field + QLatin1Char('/');
    for (auto it = chineseWords().cbegin(); it != chineseWords().cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        // A view, not a copy: imports ask for several cells of every row.
        const QStringView word = QStringView(it.key()).mid(prefix.size());
        if (it.value() == t || word.compare(t, Qt::CaseInsensitive) == 0)
            return word.toString();
    }
    return {};
}

QString flag(bool value, bool chinese)
{
    if (!value)
        return {};
    return chinese ? QStringLiteral("是") : QStringLiteral("yes");
}

} // namespace crm::ExportVocabulary
