#pragma once

#include "httpapi/ConnectionGuard.h"

#include <QHostAddress>
#include <QString>

namespace crm {

// How the API server runs. Defaults suit the embedded server of the desktop: loopback only.
struct ApiOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080; // 0: any free port (tests)
    // Server threads, each with its own listening socket on the port (SO_REUSEPORT: the kernel
    // spreads connections), its own database connection and its own event loop.
    int threads = 1;
    QString certificateFile, keyFile; // both set: HTTPS
    ConnectionLimits limits;
    qint64 maxBodyBytes = 1024 * 1024;
    int maxHeaderBytes = 16 * 1024;
    // Requests per token per minute, counted per process (a shared counter would cost a database
    // write per request); several processes allow at most this many each.
    int requestsPerMinute = 600;
    // Failed sign-ins per address per 15 minutes, counted in the database (shared by processes).
    int loginFailuresPerAddress = 20;
    // Behind nginx on the same machine: take the client address from X-Real-IP, but only when the
    // peer is loopback (anyone else could forge the header).
    bool behindProxy = false;
    // Public lead submissions per address per hour, also shared.
    int publicLeadsPerAddress = 20;
    // Export files behind download links (POST /api/crm/export) are written here. Empty: an "exports"
    // folder in the application data folder. Processes that share a database must share this folder.
    QString exportDirectory;
    // How long a download link works (single use, one user).
    qint64 downloadLinkLifetimeMs = 10 * 60 * 1000;
    // The address clients reach the API at ("https://crm.example.com"): with it, downloadUrl is absolute;
    // without it, a path from the API's root like every other path the mini program calls.
    QString publicUrl;
    // The built H5 app (miniprogram/dist/h5), served at /m/ (WebAppFiles); empty: /m/ answers 404.
    QString webAppDirectory;
};

} // namespace crm
