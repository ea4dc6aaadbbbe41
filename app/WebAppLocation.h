#pragma once

#include <QString>

namespace crm {

// Where the reps' built H5 web app is, for the API server to serve at /m/ (`crm serve` and the
// desktop's embedded server): $CRM_WEB_APP, else the first folder that exists of
// <executable's folder>/../share/crm/m (an installed crm) and the source tree's miniprogram/dist/h5
// (a developer's build); empty when there is none.
class WebAppLocation
{
public:
    static QString defaultDirectory();
    // Whether `directory` holds a built app (its index.html).
    static bool isBuilt(const QString &directory);
};

} // namespace crm
