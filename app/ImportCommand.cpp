#include "app/ImportCommand.h"

#include "app/AppDatabase.h"
#include "app/CommandParser.h"
#include "app/Console.h"
#include "core/ErrorText.h"
#include "core/security/Actor.h"
#include "core/services/OrgService.h"
#include "core/storage/Database.h"
#include "reports/import/ActivityImporter.h"
#include "reports/import/ContactImporter.h"
#include "reports/import/CustomerImporter.h"
#include "reports/import/ImportTargets.h"
#include "reports/import/OpportunityImporter.h"
#include "reports/table/TableFile.h"
#include "ui/LanguageLoader.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <csignal>

namespace crm {

namespace {

const QString kType = QStringLiteral("type");
const QString kMapping = QStringLiteral("mapping");
const QString kSaveMapping = QStringLiteral("save-mapping");
const QString kDryRun = QStringLiteral("dry-run");
const QString kOnDuplicate = QStringLiteral("on-duplicate");
const QString kPartial = QStringLiteral("partial");
const QString kEncoding = QStringLiteral("encoding");
const QString kSheet = QStringLiteral("sheet");
const QString kAs = QStringLiteral("as");

CancelFlag *g_interruptFlag = nullptr;

extern "C" void onInterrupt(int)
{
    if (g_interruptFlag)
        g_interruptFlag->store(true); // lock-free: safe in a signal handler
}

int fail(Console &console, const QString &message)
{
    console.err(QStringLiteral("crm: ") + message);
    return Exit::Failure;
}

int usage(Console &console, const QString &message)
{
    console.err(QStringLiteral("crm: ") + message);
    console.err(QStringLiteral("Usage: crm import FILE [options]  (see --help)"));
    return Exit::Usage;
}

QString rate(qint64 rows, qint64 ms)
{
    return ms > 0 ? QString::number(qint64(double(rows) * 1000.0 / double(ms))) + QStringLiteral(" rows/s") : QString();
}

} // namespace

Result<Actor> ImportCommand::actorFor(Database &db, const QString &username)
{
    if (username.isEmpty()) {
        Actor a = Actor::system();
        a.source = QStringLiteral("cli");
        return a;
    }
    OrgService org(db);
    auto user = org.userByName(username);
    if (!user)
        return Error::notFound(QStringLiteral("User \"%1\"").arg(username));
    return org.actorFor(user->id, QStringLiteral("cli"));
}

ProgressCallback ImportCommand::progressPrinter(Console &console, const QString &verb)
{
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto last = std::make_shared<qint64>(0);
    return [&console, verb, timer, last](const TaskProgress &p) {
        const qint64 now = timer->elapsed();
        if (now - *last < 1000 && p.fraction < 1.0)
            return;
        *last = now;
        console.err(QStringLiteral("crm: %1: %2 rows, %3%").arg(verb).arg(p.done).arg(qint64(p.fraction * 100)));
    };
}

std::shared_ptr<void> ImportCommand::cancelOnInterrupt(CancelFlag &flag)
{
    g_interruptFlag = &flag;
    auto previous = std::signal(SIGINT, onInterrupt);
    return std::shared_ptr<void>(nullptr, [previous](void *) {
        std::signal(SIGINT, previous);
        g_interruptFlag = nullptr;
    });
}

int ImportCommand::run(const Invocation &call)
{
    CommandParser parser(
        QStringLiteral("crm import FILE [--type customers|opportunities|activities|contacts] [--mapping M] [--dry-run] [--on-duplicate skip|update|create]\n"
                       "       [--partial] [--encoding auto|utf-8|gb18030] [--sheet N] [--as USER] [--lang en|zh_CN]"),
        QStringLiteral(
            "Imports customers (or with --type opportunities, activities or contacts) from a CSV file (UTF-8 with or without\n"
            "BOM, GB18030/GBK as Excel saves it on Chinese Windows, UTF-16; comma, semicolon or tab separated), an XLSX\n"
            "workbook or a JSON array of objects (as crm export --format json writes it). Columns are matched to fields by\n"
            "their headers (姓名/名称/name, 手机/电话/phone, 邮箱/email, 公司/company, 来源/source, 标签/tags, 省/市/区, ...);\n"
            "--dry-run shows the mapping, --save-mapping writes it as a template to edit and pass back with --mapping.\n"
            "Every row is checked like a customer entered by hand. Duplicates (same phone, email, or name + company, in\n"
            "the database or earlier in the file) are skipped, update the existing customer, or are created anyway.\n"
            "By default nothing is written unless every row is valid; --partial imports the valid rows. Rows not\n"
            "imported are listed in FILE's folder as NAME.errors.csv (row, column, value, reason; the reasons and the\n"
            "header in --lang, by default the desktop's language).\n"
            "Customers belong to the --as user (who must be allowed to create customers); without --as they go to\n"
            "the public pool. Ctrl+C cancels and leaves the database as it was.\n"
            "Opportunities and activities find their customer by a customer id column, or by name (客户/customer) and,\n"
            "where several share it, phone, among the --as user's customers. Opportunities: stage (阶段) by name in the\n"
            "pipeline column's pipeline or the default one, owner (负责人) by user name; duplicates are the same customer\n"
            "and name. Activities are logged by the --as user (required); exact duplicates are skipped. Contacts\n"
            "(姓名/name, 职位/position, 手机/phone, 邮箱/email, 主联系人/primary) find their customer the same way;\n"
            "duplicates are the same customer and contact name. A customers file can also carry each customer's\n"
            "contact person in 联系人/联系人职位/联系人电话/联系人邮箱 columns."));
    parser.addOption({kType, QStringLiteral("What the file holds: customers (default), opportunities, activities or contacts"), QStringLiteral("type"),
                      QStringLiteral("customers")});
    parser.addOption({kMapping, QStringLiteral("Column mapping template (JSON) to use"), QStringLiteral("file")});
    parser.addOption({kSaveMapping, QStringLiteral("Write the mapping used as a template to this file"), QStringLiteral("file")});
    parser.addOption({kDryRun, QStringLiteral("Check everything, write nothing")});
    parser.addOption({kOnDuplicate, QStringLiteral("skip (default), update or create"), QStringLiteral("policy"),
                      QStringLiteral("skip")});
    parser.addOption({kPartial, QStringLiteral("Import the valid rows even when others are invalid")});
    parser.addOption({kEncoding, QStringLiteral("CSV encoding: auto (default), utf-8 or gb18030"), QStringLiteral("name"),
                      QStringLiteral("auto")});
    parser.addOption({kSheet, QStringLiteral("XLSX sheet: its number (1 = first) or its name"), QStringLiteral("sheet")});
    parser.addOption({kAs, QStringLiteral("Import as this user (owner of the new customers)"), QStringLiteral("user")});
    parser.addLanguageOption(QStringLiteral("The error report's"));
    if (auto stop = parser.parse(call, 1, 1))
        return *stop;

    const QString type = parser.value(kType);
    if (!ImportTargets::isKnownType(type))
        return usage(call.console, QStringLiteral("--type must be customers, opportunities, activities or contacts"));
    CustomerImportOptions options;
    const QString policy = parser.value(kOnDuplicate);
    if (policy == QLatin1String("skip"))
        options.onDuplicate = DuplicatePolicy::Skip;
    else if (policy == QLatin1String("update"))
        options.onDuplicate = DuplicatePolicy::Update;
    else if (policy == QLatin1String("create"))
        options.onDuplicate = DuplicatePolicy::Create;
    else
        return usage(call.console, QStringLiteral("--on-duplicate must be skip, update or create"));
    TableFileOptions fileOptions;
    const auto encoding = Encoding::fromName(parser.value(kEncoding));
    if (!encoding)
        return usage(call.console, QStringLiteral("--encoding must be auto, utf-8 or gb18030"));
    fileOptions.encoding = *encoding;
    if (parser.isSet(kSheet)) {
        bool number = false;
        const int n = parser.value(kSheet).toInt(&number);
        if (number && n < 1)
            return usage(call.console, QStringLiteral("--sheet counts from 1"));
        if (number)
            fileOptions.sheetIndex = n - 1;
        else
            fileOptions.sheetName = parser.value(kSheet);
    }
    options.partial = parser.isSet(kPartial);
    options.dryRun = parser.isSet(kDryRun);
    const std::optional<QString> chosen = parser.language();
    if (!chosen)
        return usage(call.console, QStringLiteral("--lang must be en or zh_CN"));
    const QString lang = *chosen;

    const QString file = parser.positional().at(0);
    if (!QFileInfo::exists(file))
        return fail(call.console, QStringLiteral("No such file: %1").arg(file));
    auto db = AppDatabase::openForCommand(parser.databaseLocation(call), call.console);
    if (!db)
        return Exit::Failure;
    auto actor = actorFor(*db, parser.value(kAs));
    if (!actor)
        return fail(call.console, actor.error().message);

    // The error report's reasons (reports/import/ImportReason, core/ErrorText) and why the import
    // failed come from the desktop's catalogue; this command's own lines stay English like every
    // other command's.
    LanguageLoader language;
    if (lang != QLatin1String("en") && !language.install(lang))
        call.console.err(QStringLiteral("crm: import: no %1 catalogue; reasons in English").arg(lang));
    auto source = TableFile::open(file, fileOptions);
    if (!source)
        return fail(call.console, QFileInfo(file).fileName() + QStringLiteral(": ") + ErrorText::details(source.error()));
    if (parser.isSet(kMapping)) {
        // The mapping applies to the header, which the importer reads again from a fresh source.
        auto header = CustomerImporter::readHeader(**source);
        if (!header)
            return fail(call.console, ErrorText::details(header.error()));
        auto mapping = ColumnMapping::loadTemplate(parser.value(kMapping), *header, type);
        if (!mapping)
            return fail(call.console, mapping.error().message);
        options.mapping = *mapping;
        source = TableFile::open(file, fileOptions);
        if (!source)
            return fail(call.console, ErrorText::details(source.error()));
    }
    options.errorReportPath = ImportErrorReport::pathFor(file);
    options.progress = progressPrinter(call.console, QStringLiteral("importing"));
    CancelFlag cancel{false};
    options.cancel = &cancel;
    const auto interruptGuard = cancelOnInterrupt(cancel);

    auto result = type == ImportTargets::Opportunities ? OpportunityImporter(*db).run(*actor, **source, options)
        : type == ImportTargets::Activities          ? ActivityImporter(*db).run(*actor, **source, options)
        : type == ImportTargets::Contacts            ? ContactImporter(*db).run(*actor, **source, options)
                                                     : CustomerImporter(*db).run(*actor, **source, options);
    if (!result)
        return fail(call.console, QFileInfo(file).fileName() + QStringLiteral(": ") + ErrorText::details(result.error()));
    const CustomerImportResult &r = *result;
    if (parser.isSet(kSaveMapping))
        if (Status st = r.mapping.saveTemplate(parser.value(kSaveMapping)); !st)
            return fail(call.console, st.error().message);
    if (options.dryRun) {
        for (int i = 0; i < r.mapping.headers.size(); ++i)
            call.console.out(QStringLiteral("  %1 -> %2").arg(r.mapping.headers[i],
                                                               r.mapping.fields[i].isEmpty() ? QStringLiteral("(ignored)")
                                                                                             : r.mapping.fields[i]));
    }
    for (const ImportIssue &issue : r.firstIssues.mid(0, 10))
        call.console.err(QStringLiteral("  row %1%2: %3")
                             .arg(issue.row)
                             .arg(issue.column.isEmpty() ? QString()
                                                         : QStringLiteral(", %1 \"%2\"").arg(issue.column, issue.value.left(60)))
                             .arg(issue.reason));
    if (r.issueCount > 10)
        call.console.err(QStringLiteral("  ... and %1 more").arg(r.issueCount - 10));
    const QString report = r.errorReportPath.isEmpty() ? QString() : QStringLiteral(" (details: %1)").arg(r.errorReportPath);
    QString counts = QStringLiteral("%1 rows: %2 created, %3 updated, %4 skipped as duplicates, %5 invalid")
                         .arg(r.rows)
                         .arg(r.created)
                         .arg(r.updated)
                         .arg(r.skipped)
                         .arg(r.invalid);
    if (r.contacts > 0)
        counts += QStringLiteral(", %1 contact(s)").arg(r.contacts);
    if (!r.committed && !r.dryRun) {
        call.console.err(QStringLiteral("crm: nothing imported: %1 invalid row(s)%2. Fix them, or import the valid rows with --partial.")
                             .arg(r.invalid)
                             .arg(report));
        return Exit::Failure;
    }
    if (r.dryRun) {
        call.console.out(QStringLiteral("Dry run of %1: %2; nothing written%3.").arg(QFileInfo(file).fileName(), counts, report));
        return r.invalid > 0 && !options.partial ? Exit::Failure : Exit::Ok;
    }
    call.console.out(QStringLiteral("Imported %1: %2 in %3 s (%4)%5.")
                         .arg(QFileInfo(file).fileName(), counts, QString::number(r.elapsedMs / 1000.0, 'f', 1),
                              rate(r.rows, r.elapsedMs), report));
    return Exit::Ok;
}

} // namespace crm
