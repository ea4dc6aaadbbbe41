#include "httpapi/WebAppFiles.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QStringList>

#include <optional>

namespace crm {

namespace {

// Taro's index.html carries one small inline script (the template's htmlWebpackPlugin `script`: the
// root font size for rem units, set before the bundles load), hence 'unsafe-inline' for scripts.
// Everything else comes from this server only, and no one may frame the app.
const QByteArray kContentSecurityPolicy =
    QByteArrayLiteral("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                      "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");

ApiResponse notFound()
{
    return ApiResponse::error(404, QStringLiteral("not_found"), QStringLiteral("No such resource"));
}

QByteArray contentTypeFor(const QString &suffix)
{
    static const QHash<QString, QByteArray> types = {
        {QStringLiteral("html"), QByteArrayLiteral("text/html; charset=utf-8")},
        {QStringLiteral("js"), QByteArrayLiteral("text/javascript; charset=utf-8")},
        {QStringLiteral("css"), QByteArrayLiteral("text/css; charset=utf-8")},
        {QStringLiteral("json"), QByteArrayLiteral("application/json")},
        {QStringLiteral("map"), QByteArrayLiteral("application/json")},
        {QStringLiteral("svg"), QByteArrayLiteral("image/svg+xml")},
        {QStringLiteral("png"), QByteArrayLiteral("image/png")},
        {QStringLiteral("jpg"), QByteArrayLiteral("image/jpeg")},
        {QStringLiteral("jpeg"), QByteArrayLiteral("image/jpeg")},
        {QStringLiteral("gif"), QByteArrayLiteral("image/gif")},
        {QStringLiteral("webp"), QByteArrayLiteral("image/webp")},
        {QStringLiteral("ico"), QByteArrayLiteral("image/x-icon")},
        {QStringLiteral("woff"), QByteArrayLiteral("font/woff")},
        {QStringLiteral("woff2"), QByteArrayLiteral("font/woff2")},
        {QStringLiteral("ttf"), QByteArrayLiteral("font/ttf")},
        {QStringLiteral("txt"), QByteArrayLiteral("text/plain; charset=utf-8")},
    };
    return types.value(suffix.toLower(), QByteArrayLiteral("application/octet-stream"));
}

// The decoded path below /m/ ("index.html" for /m/ itself), or nothing when a segment is refused:
// "..", ".", a dotfile (a stray .git or .env in the build folder), an empty one ("a//b"), or a
// backslash or NUL anywhere.
std::optional<QString> relativePath(const QString &decoded)
{
    const QString rest = decoded.mid(3); // after "/m/"
    if (rest.isEmpty())
        return QStringLiteral("index.html");
    if (rest.contains(QLatin1Char('\\')) || rest.contains(QChar(0)))
        return std::nullopt;
    for (const QString &segment : rest.split(QLatin1Char('/')))
        if (segment.isEmpty() || segment.startsWith(QLatin1Char('.')))
            return std::nullopt;
    return rest;
}

// If-None-Match against our tag, by weak comparison (RFC 9110 13.1.2). Our tags hold no commas.
bool matches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    auto opaque = [](const QByteArray &tag) {
        const QByteArray t = tag.trimmed();
        return t.startsWith("W/") ? t.mid(2) : t;
    };
    for (const QByteArray &candidate : ifNoneMatch.split(','))
        if (candidate.trimmed() == "*" || opaque(candidate) == opaque(etag))
            return true;
    return false;
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

} // namespace

WebAppFiles::WebAppFiles(const QString &directory)
    : m_directory(directory)
{
}

bool WebAppFiles::handles(const QString &path)
{
    return path == QLatin1String("/m") || path.startsWith(QLatin1String("/m/"));
}

ApiResponse WebAppFiles::answer(const QByteArray &method, const QByteArray &encodedPath, const QByteArray &ifNoneMatch) const
{
    if (method != "GET" && method != "HEAD") {
        ApiResponse r = ApiResponse::error(405, QStringLiteral("method_not_allowed"), QStringLiteral("This method is not allowed here"));
        r.addHeader("Allow", "GET, HEAD");
        return r;
    }
    const QString decoded = QString::fromUtf8(QByteArray::fromPercentEncoding(encodedPath));
    if (decoded == QLatin1String("/m")) {
        // Relative URLs in index.html (js/..., css/...) resolve against /m/, not against /.
        ApiResponse r;
        r.status = 301;
        r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        r.addHeader("Location", "/m/");
        return r;
    }
    if (m_directory.isEmpty() || !handles(decoded))
        return notFound();
    const std::optional<QString> relative = relativePath(decoded);
    if (!relative)
        return notFound();
    // Resolved anew each time: the folder may be rebuilt (or replaced) while the server runs.
    QString root = QFileInfo(m_directory).canonicalFilePath();
    if (root.isEmpty())
        return notFound();
    if (!root.endsWith(QLatin1Char('/')))
        root += QLatin1Char('/');
    const QString canonical = QFileInfo(root + *relative).canonicalFilePath(); // empty: no such file
    if (!canonical.startsWith(root))
        return notFound(); // no such file, or a symlink out of the folder
    // A symlink inside the folder must not reach a dotfile either.
    if (!relativePath(QStringLiteral("/m/") + canonical.mid(root.size())))
        return notFound();
    const QFileInfo info(canonical);
    if (!info.isFile())
        return notFound(); // a directory (or a device, a socket...)

    const bool html = QFileInfo(*relative).suffix().compare(QLatin1String("html"), Qt::CaseInsensitive) == 0;
    const QString top = relative->section(QLatin1Char('/'), 0, 0);
    // Taro names the bundles and assets under js/, css/ and static/ by their content's hash: a new
    // build has new names, so these never change; index.html (which names them) is revalidated every time.
    const bool hashed = relative->contains(QLatin1Char('/'))
                        && (top == QLatin1String("js") || top == QLatin1String("css") || top == QLatin1String("static"));
    const QByteArray etag = "W/\"" + QByteArray::number(info.size(), 16) + '-'
                            + QByteArray::number(info.lastModified().toMSecsSinceEpoch(), 16) + '"';

    ApiResponse r;
    r.contentType = contentTypeFor(QFileInfo(*relative).suffix());
    r.addHeader("Cache-Control", !html && hashed ? QByteArrayLiteral("public, max-age=31536000, immutable")
                                                 : QByteArrayLiteral("no-cache"));
    r.addHeader("ETag", etag);
    r.addHeader("Last-Modified", httpDate(info.lastModified()));
    r.addHeader("X-Frame-Options", "DENY");
    r.addHeader("Referrer-Policy", "no-referrer");
    if (html)
        r.addHeader("Content-Security-Policy", kContentSecurityPolicy);
    if (!ifNoneMatch.isEmpty() && matches(ifNoneMatch, etag)) {
        r.status = 304;
        return r;
    }
    // A HEAD goes the streaming way too: it then says the file's real Content-Length and sends nothing.
    if (method == "HEAD" || info.size() > kMaxInMemory) {
        r.bodyFile = canonical;
        return r;
    }
    QFile file(canonical);
    if (!file.open(QIODevice::ReadOnly) || file.isSequential())
        return notFound();
    r.body = file.readAll();
    return r;
}

} // namespace crm
