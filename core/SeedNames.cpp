#include "core/SeedNames.h"

namespace crm {

namespace {
template <size_t N>
QString translatedSeed(const char *const (&seeded)[N], const QString &name)
{
    for (const char *seed : seeded)
        if (name == QLatin1String(seed))
            return SeedNames::tr(seed);
    return name;
}
} // namespace

QString SeedNames::stage(const QString &name)
{
    static const char *const stages[] = {QT_TR_NOOP("lead"), QT_TR_NOOP("qualified"), QT_TR_NOOP("proposal"),
                                         QT_TR_NOOP("negotiation"), QT_TR_NOOP("won"), QT_TR_NOOP("lost"), QT_TR_NOOP("due")};
    return translatedSeed(stages, name);
}

QString SeedNames::pipeline(const QString &name)
{
    static const char *const pipelines[] = {QT_TR_NOOP("New business"), QT_TR_NOOP("Renewals")};
    return translatedSeed(pipelines, name);
}

} // namespace crm
