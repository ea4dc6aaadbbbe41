#include "ui/UiResources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE cannot be used inside a namespace.
static void initCrmQrc()
{
    Q_INIT_RESOURCE(crm);
}

void crm::initUiResources()
{
    static bool done = false;
    if (!done) {
        initCrmQrc();
        done = true;
    }
}
