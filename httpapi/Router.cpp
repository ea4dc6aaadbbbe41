#include "httpapi/Router.h"

namespace crm {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler, const QString &summary, Access access)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    r.access = access;
    r.summary = summary;
    r.handler = std::move(handler);
    m_routes.append(std::move(r));
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match result;
    for (const Route &r : m_routes) {
        if (r.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool same = true;
        for (int i = 0; i < parts.size() && same; ++i) {
            const QString &s = r.segments[i];
            if (s.startsWith(QLatin1Char('{')))
                params.insert(s.mid(1, s.size() - 2), parts[i]);
            else
                same = s == parts[i];
        }
        if (!same)
            continue;
        if (r.method != method && !(method == "HEAD" && r.method == "GET")) {
            result.pathKnown = true;
            continue;
        }
        result.route = &r;
        result.params = std::move(params);
        return result;
    }
    return result;
}

} // namespace crm
