#pragma once

#include "httpapi/ApiResponse.h"

#include <QString>

namespace crm {

// The sales reps' H5 web app (a folder of static files built by Taro) at /m/: maps a request path
// under /m to the answer for one of its files. GET and HEAD only; no sign-in (the app's page signs
// in through /api/auth/login) and no database.
//
// Only regular files inside the folder are served: the path is percent-decoded, a `..`, a dotfile
// segment, a backslash or a NUL is refused, and the file's canonical path (symlinks resolved) must
// still be inside the folder's. Refusals look like any missing file: 404.
class WebAppFiles
{
public:
    // `directory`: the built app; empty: /m/ answers 404. It is looked up anew on every request,
    // so a rebuilt (or first built) app is served at once.
    explicit WebAppFiles(const QString &directory);

    // Whether ApiServer passes the request here: "/m" and "/m/...", percent-decoded.
    static bool handles(const QString &path);

    // method: "GET", "HEAD", ...; encodedPath: the request's path as sent (percent-encoded);
    // ifNoneMatch: the If-None-Match header, empty when absent.
    ApiResponse answer(const QByteArray &method, const QByteArray &encodedPath, const QByteArray &ifNoneMatch) const;

    // Larger files are streamed from disk (ApiResponse::bodyFile) instead of read into memory.
    static constexpr qint64 kMaxInMemory = 16 * 1024 * 1024;

private:
    QString m_directory;
};

} // namespace crm
