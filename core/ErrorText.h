#pragma once

#include "core/Error.h"

#include <QCoreApplication>
#include <QString>

namespace crm {

// What the desktop (and an import's error report) says for a typed error from the core, in the
// user's language. The services' messages are English sentences; in English they are shown as they
// are (they are the most specific), in other languages a translated sentence chosen by the error
// code and field. The translations are the desktop's catalogue (ui/LanguageLoader installs it and
// says which language is in use).
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    static QString message(const Error &error);
    // For details that matter more than the language (what is damaged in a file): the error's own
    // sentence translated where it was made from a marked pattern, else its English message rather
    // than a general sentence that would drop them.
    static QString details(const Error &error);
    // The language of the installed catalogue is English (the default) or not.
    static void setEnglish(bool english);
    static bool isEnglish();
    // The label of a customer field named as the services name it ("phones", "expectedCloseDate").
    static QString fieldLabel(const QString &field);

private:
    static QString translated(const Error &error);
};

} // namespace crm
