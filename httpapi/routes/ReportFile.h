#pragma once

#include "httpapi/Router.h"

#include <QJsonObject>

namespace crm::routes::ReportFile {

// POST /api/crm/reports/generate serves both reports (reports/report: a PDF or XLSX of figures with
// charts) and exports (records as CSV/XLSX/JSON, ExportRoutes). "sales", "funnel" and "campaigns" are
// reports only; "activities", "customers" and "tasks" are both, so they are a report when the
// parameters ask for one (a "period", or "format": "pdf") and the export the mini program has always
// had otherwise.
bool isReportRequest(const QString &type, const QJsonObject &parameters);

// Writes the report for the caller (report.read and report.export; the caller's data scope, or one
// user within it) and answers {success, downloadUrl, expiresAt, fileName, format, report, from, to}.
// parameters: period (ReportPeriod words, default 30d), tz (the caller's UTC offset in minutes,
// default the server's), format (pdf, the default, or xlsx), ownerId.
ApiResponse reportFile(ApiContext &c, const QString &type, const QJsonObject &parameters);

} // namespace crm::routes::ReportFile
