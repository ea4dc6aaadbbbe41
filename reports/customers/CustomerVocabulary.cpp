#include "reports/customers/CustomerVocabulary.h"

#include <QHash>

namespace crm::CustomerVocabulary {

namespace {

struct Word
{
    const char *field, *value, *label; // label: the Chinese word exports use
    const char *synonyms; // '|' separated, compared case-insensitively without spaces
};

const Word kWords[] = {
    {"kind", "company", "公司", "company|企业|公司|单位|机构|organization|business|b2b|corporate"},
    {"kind", "person", "个人", "person|个人|个体|individual|b2c|private"},
    {"status", "prospect", "潜在客户", "prospect|潜在|潜在客户|意向|意向客户|lead"},
    {"status", "new", "新客户", "new|新|新客户|新客"},
    {"status", "active", "活跃客户", "active|活跃|活跃客户|成交客户|正常"},
    {"status", "loyal", "忠诚客户", "loyal|忠诚|忠诚客户|忠实客户|老客户"},
    {"status", "at_risk", "流失风险", "at_risk|atrisk|流失风险|有流失风险|风险客户|预警"},
    {"status", "lost", "已流失", "lost|已流失|流失|流失客户|churned"},
    {"gender", "male", "男", "male|男|男性|先生|m|man"},
    {"gender", "female", "女", "female|女|女性|女士|f|woman"},
    {"level", "A", "A", "a|a级|a类|一级"},
    {"level", "B", "B", "b|b级|b类|二级"},
    {"level", "C", "C", "c|c级|c类|三级"},
    {"level", "D", "D", "d|d级|d类|四级"},
};

QString squeeze(const QString &text)
{
    QString out = text.trimmed().toLower();
    out.remove(QLatin1Char(' '));
    out.replace(QLatin1Char('-'), QLatin1Char('_'));
    return out;
}

const QHash<QString, QString> &index()
{
    static const QHash<QString, QString> map = [] {
        QHash<QString, QString> m;
        for (const Word &w : kWords)
            for (const QString &s : QString::fromUtf8(w.synonyms).split(QLatin1Char('|')))
                m.insert(QLatin1String(w.field) + QLatin1Char('/') + squeeze(s), QLatin1String(w.value));
        return m;
    }();
    return map;
}

} // namespace

QString canonical(const QString &field, const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return t;
    // Files we exported hold the stored words already: those need no lookup key built (an import
    // reads several of these cells per row).
    for (const Word &w : kWords)
        if (t == QLatin1String(w.value) && field == QLatin1String(w.field))
            return t;
    return index().value(field + QLatin1Char('/') + squeeze(t), t);
}

QString label(const QString &field, const QString &value, bool chinese)
{
    if (!chinese || value.isEmpty())
        return value;
    for (const Word &w : kWords)
        if (field == QLatin1String(w.field) && value == QLatin1String(w.value))
            return QString::fromUtf8(w.label);
    return value;
}

} // namespace crm::CustomerVocabulary
