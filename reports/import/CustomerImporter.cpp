#include "reports/import/CustomerImporter.h"

#include "core/security/Actor.h"
#include "core/services/ContactService.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "core/services/CustomerValidator.h"
#include "core/storage/CustomerBulkWriter.h"
#include "core/storage/Database.h"
#include "core/storage/SqliteBulkLoad.h"
#include "reports/import/CustomerRowParser.h"
#include "reports/import/CustomerRowReader.h"
#include "reports/import/DuplicateIndex.h"
#include "reports/import/ImportReason.h"
#include "reports/import/IndexRebuild.h"
#include "reports/table/RowSource.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("customer");

// The CustomerValidator field a mapped column fills.
QString validatorField(const QString &importField)
{
    if (importField == QLatin1String("phone"))
        return QStringLiteral("phones");
    if (importField == QLatin1String("email"))
        return QStringLiteral("emails");
    if (importField == QLatin1String("province") || importField == QLatin1String("city") ||
        importField == QLatin1String("district") || importField == QLatin1String("street") ||
        importField == QLatin1String("postalCode"))
        return QStringLiteral("addresses");
    if (ColumnMapping::isCustomField(importField))
        return QStringLiteral("customFields");
    return importField;
}

// The contact person's columns: written to the customer's contacts, not to the customer.
bool isContactField(const QString &importField)
{
    return importField.startsWith(QLatin1String("contact"));
}

// What an update may change: the customer fields the row fills (non-empty cells).
QSet<QString> givenFields(const ColumnMapping &m, const QStringList &cells)
{
    QSet<QString> out;
    for (int i = 0; i < m.fields.size(); ++i)
        if (!m.fields[i].isEmpty() && !isContactField(m.fields[i]) && !CustomerRowParser::clean(cells.value(i)).isEmpty())
            out.insert(validatorField(m.fields[i]));
    return out;
}

template <typename T, typename Same>
QVector<T> unite(QVector<T> current, const QVector<T> &more, Same same)
{
    for (const T &x : more)
        if (std::none_of(current.begin(), current.end(), [&](const T &y) { return same(x, y); }))
            current.append(x);
    return current;
}

// The row's values merged onto the current customer: lists gain the row's entries, the primary
// address takes the row's non-empty parts, other given fields are replaced.
Customer merged(const Customer &current, const Customer &row, const QSet<QString> &given)
{
    Customer next = current;
    auto has = [&](const char *f) { return given.contains(QLatin1String(f)); };
    next.phones = unite(current.phones, row.phones, [](const Phone &a, const Phone &b) { return a.number == b.number; });
    next.emails = unite(current.emails, row.emails, [](const Email &a, const Email &b) { return a.address == b.address; });
    for (const QString &t : row.tags)
        if (!next.tags.contains(t))
            next.tags << t;
    for (const QString &g : row.groups)
        if (!next.groups.contains(g))
            next.groups << g;
    if (has("addresses") && !row.addresses.isEmpty()) {
        if (next.addresses.isEmpty()) {
            next.addresses = row.addresses;
        } else {
            Address &a = next.addresses.first();
            for (Address &x : next.addresses)
                if (x.primary)
                    a = x;
            const Address &r = row.addresses.first();
            for (auto [to, from] : {std::pair{&a.province, &r.province}, std::pair{&a.city, &r.city}, std::pair{&a.district, &r.district},
                                    std::pair{&a.street, &r.street}, std::pair{&a.postalCode, &r.postalCode}})
                if (!from->isEmpty())
                    *to = *from;
        }
    }
    if (has("name")) next.name = row.name;
    if (has("kind")) next.kind = row.kind;
    if (has("gender")) next.gender = row.gender;
    if (has("birthday")) next.birthday = row.birthday;
    if (has("occupation")) next.occupation = row.occupation;
    if (has("industry")) next.industry = row.industry;
    if (has("company")) next.company = row.company;
    if (has("position")) next.position = row.position;
    if (has("source")) next.source = row.source;
    if (has("status")) next.status = row.status;
    if (has("level")) next.level = row.level;
    if (has("notes")) next.notes = row.notes;
    for (auto it = row.customFields.constBegin(); it != row.customFields.constEnd(); ++it)
        next.customFields.insert(it.key(), it.value()); // only the row's non-empty cells are in it
    return next;
}

// Guards against a fingerprint collision: the record really shares the key the index matched.
bool sharesKey(const Customer &current, const Customer &row, DuplicateIndex::Key key)
{
    switch (key) {
    case DuplicateIndex::Key::Phone:
        for (const Phone &p : row.phones)
            if (current.phone == p.number || std::any_of(current.phones.begin(), current.phones.end(),
                                                         [&](const Phone &q) { return q.number == p.number; }))
                return true;
        return false;
    case DuplicateIndex::Key::Email:
        for (const Email &e : row.emails)
            if (current.email == e.address || std::any_of(current.emails.begin(), current.emails.end(),
                                                          [&](const Email &q) { return q.address == e.address; }))
                return true;
        return false;
    case DuplicateIndex::Key::NameCompany:
        return DuplicateIndex::nameKey(current) == DuplicateIndex::nameKey(row);
    }
    return false;
}

Error cancelled()
{
    return Error{QStringLiteral("cancelled"), QStringLiteral("The import was cancelled; nothing was imported"), {}};
}

// One run of the import: the state the row loop shares.
class Run
{
public:
    Run(Database &db, const Actor &actor, RowSource &source, const CustomerImportOptions &options, CustomerImportResult &result,
        const QVector<CustomFieldDef> &customFields)
        : m_db(db), m_actor(actor), m_source(source), m_options(options), m_result(result),
          m_parser(result.mapping, customFields), m_report(options.errorReportPath), m_writing(!options.dryRun)
    {
        m_fields = CustomerValidator::fieldNames();
        m_fields.remove(QStringLiteral("ownerId"));
        // Without custom field columns they are checked once for the whole file (see run()).
        if (!result.mapping.fillsCustomFields())
            m_fields.remove(QStringLiteral("customFields"));
        if (!options.dryRun)
            m_writer = std::make_unique<CustomerBulkWriter>(db, actor);
    }

    // The duplicate index, unless duplicates are created anyway: then nothing would consult it, and
    // only the table's size is needed (largeNextToTable).
    Status load()
    {
        if (matching())
            return m_index.load(m_db, m_actor);
        QSqlQuery q = m_db.prepare(QStringLiteral("SELECT COUNT(*) FROM customers"));
        if (Status st = m_db.exec(q); !st)
            return st;
        m_tableSize = q.next() ? q.value(0).toLongLong() : 0;
        return {};
    }

    // Reads and handles every data row. An error stops everything; row problems are issues.
    Status rows()
    {
        // Everything but the custom fields is checked on the reader's thread: checking those reads
        // their definitions from the database, which only this thread may use.
        QSet<QString> fields = m_fields;
        fields.remove(QStringLiteral("customFields"));
        Database &db = m_db;
        CustomerRowReader reader(m_source, m_parser, [fields, &db](Customer &c) {
            return CustomerValidator(db).normalize(c, fields, db.clock().nowMs());
        }, m_options.cancel, CustomerBulkWriter::kBatch);
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        for (;;) {
            if (m_options.cancel && m_options.cancel->load())
                return cancelled();
            auto next = reader.next();
            if (!next)
                return next.error();
            if (!*next) {
                if (m_options.cancel && m_options.cancel->load()) // the reader stopped early
                    return cancelled();
                break;
            }
            ParsedCustomerRow &r = **next;
            m_rowNumber = r.rowNumber;
            m_fraction = r.fraction;
            ++m_result.rows;
            if (Status st = row(r); !st)
                return st;
            if (m_result.rows == IndexRebuild::kDecisionRow && m_writer && m_writing && largeNextToTable()) {
                if (Status st = m_writer->suspendIndexes(); !st)
                    return st;
                // Updates would index customers in the store's own index, which the build replaces.
                if (storeWasEmpty() && m_options.onDuplicate != DuplicatePolicy::Update)
                    if (Status st = m_writer->buildSearchIndexBeside(); !st)
                        return st;
            }
            if (m_options.progress && (m_result.rows % 1000 == 0) && sinceProgress.elapsed() >= 100) {
                sinceProgress.restart();
                m_options.progress({QStringLiteral("reading"), m_result.rows, 0, m_fraction});
            }
        }
        if (m_result.rows == 0)
            return Error::validation(QStringLiteral("empty"), QStringLiteral("file"),
                                     QStringLiteral("The file has a header row but no customers below it"));
        if (m_writer && m_writing)
            if (Status st = m_writer->finish(); !st)
                return st;
        if (m_options.progress)
            m_options.progress({QStringLiteral("writing"), m_result.rows, m_result.rows, 1.0});
        return {};
    }

    Status finishReport()
    {
        Status st = m_report.close();
        m_result.issueCount = m_report.count();
        m_result.firstIssues = m_report.first();
        m_result.errorReportPath = m_report.path();
        return st;
    }

    bool rejected() const { return m_result.invalid > 0 && !m_options.partial; }

    // After the transaction: a keyword index built beside detaches its scratch file (which SQLite
    // refuses while a transaction has read it), before the bulk settings are put back.
    void releaseWriter() { m_writer.reset(); }

private:
    bool matching() const { return m_options.onDuplicate != DuplicatePolicy::Create; }

    // Whether to rebuild the customer indexes at the end rather than update them row by row.
    bool largeNextToTable() const
    {
        return IndexRebuild::worthIt(IndexRebuild::estimatedRows(m_result.rows, m_fraction), customersBefore());
    }

    // How many customers the store had when the import began (see load()).
    qint64 customersBefore() const { return matching() ? m_index.loadedCustomers() : m_tableSize; }
    bool storeWasEmpty() const { return customersBefore() == 0; }

    Status issue(const QStringList &cells, int column, const QString &reason)
    {
        return m_report.add({m_rowNumber, m_result.mapping.headers.value(column),
                             column >= 0 ? cells.value(column) : QString(), reason});
    }

    Status invalid(const QStringList &cells, const Error &error)
    {
        ++m_result.invalid;
        // All or nothing: nothing more is written; the rest is still checked, to report every problem at once.
        if (!m_options.partial)
            m_writing = false;
        return issue(cells, m_parser.columnFor(error, cells), ImportReason::invalid(error));
    }

    int keyColumn(DuplicateIndex::Key key) const
    {
        switch (key) {
        case DuplicateIndex::Key::Phone: return m_result.mapping.columnOf(QStringLiteral("phone"));
        case DuplicateIndex::Key::Email: return m_result.mapping.columnOf(QStringLiteral("email"));
        case DuplicateIndex::Key::NameCompany: return m_result.mapping.columnOf(QStringLiteral("name"));
        }
        return -1;
    }

    static ImportReason::Same same(DuplicateIndex::Key key)
    {
        switch (key) {
        case DuplicateIndex::Key::Phone: return ImportReason::Same::Phone;
        case DuplicateIndex::Key::Email: return ImportReason::Same::Email;
        case DuplicateIndex::Key::NameCompany: return ImportReason::Same::Name;
        }
        return ImportReason::Same::Name;
    }

    // Why a duplicate was skipped.
    static QString skipped(const DuplicateIndex::Match &m)
    {
        if (m.row > 0)
            return ImportReason::duplicateOfRow(m.row, same(m.key));
        if (!m.visible)
            return ImportReason::heldByAnother(same(m.key));
        return ImportReason::duplicateOfRecord(m.customerId, same(m.key));
    }

    Status row(ParsedCustomerRow &r)
    {
        const QStringList &cells = r.cells;
        if (r.error)
            return invalid(cells, *r.error);
        Customer &c = r.customer;
        const qint64 now = m_db.clock().nowMs();
        const bool checkCustom = m_fields.contains(QStringLiteral("customFields"));
        // A required custom field the row leaves empty only matters for a new customer: an update
        // keeps the stored value (CustomerService::update checks the merged record).
        const Status custom = checkCustom ? CustomerValidator(m_db).normalize(c, {QStringLiteral("customFields")}, now) : Status();
        if (!custom && custom.error().code != QLatin1String("validation.required"))
            return invalid(cells, custom.error());

        if (const auto match = matching() ? m_index.find(c) : std::nullopt) {
            if (m_options.onDuplicate == DuplicatePolicy::Skip) {
                ++m_result.skipped;
                return issue(cells, keyColumn(match->key), skipped(*match));
            }
            auto updated = update(cells, c, r.contact, *match);
            if (!updated)
                return updated.error();
            if (*updated)
                return {};
            // A fingerprint collision, not a duplicate: created below.
        }
        if (!custom)
            return invalid(cells, custom.error());
        return create(c, r.contact);
    }

    // true: handled (updated or reported); false: not a real duplicate.
    Result<bool> update(const QStringList &cells, const Customer &c, const std::optional<Contact> &contact,
                        const DuplicateIndex::Match &match)
    {
        if (!match.visible) {
            ++m_result.invalid;
            if (!m_options.partial)
                m_writing = false;
            if (Status st = issue(cells, keyColumn(match.key), ImportReason::notUpdatedHeldByAnother(same(match.key))); !st)
                return st.error();
            return true;
        }
        if (!m_writing) { // dry run, or all-or-nothing after an invalid row: count what would happen
            ++m_result.updated;
            return true;
        }
        if (match.row > 0)
            if (Status st = m_writer->flush(); !st) // the earlier row may still be queued
                return st.error();
        CustomerService service(m_db);
        auto current = service.get(m_actor, match.customerId);
        if (!current)
            return current.error();
        if (!sharesKey(*current, c, match.key))
            return false;
        const QSet<QString> given = givenFields(m_result.mapping, cells);
        QSet<QString> fields = given;
        for (const char *list : {"phones", "emails", "tags", "groups", "addresses"})
            fields.remove(QLatin1String(list));
        for (const char *list : {"phones", "emails", "tags", "groups", "addresses"})
            if (given.contains(QLatin1String(list)))
                fields.insert(QLatin1String(list));
        const Customer next = merged(*current, c, given);
        auto updated = service.update(m_actor, match.customerId, next, fields);
        if (!updated) {
            // Checks run before the service joins our transaction; anything later is not a row problem.
            if (!updated.error().isValidation())
                return updated.error();
            if (Status st = invalid(cells, updated.error()); !st)
                return st.error();
            return true;
        }
        if (contact)
            if (Status st = mergeContact(match.customerId, *contact); !st)
                return st.error();
        ++m_result.updated;
        m_index.add(*updated, match.customerId, match.row, true);
        return true;
    }

    // The row's contact person on a customer being updated: a contact of the same name takes the
    // row's non-empty values (ContactService::update); otherwise it is added, primary only when the
    // customer has no primary contact yet.
    Status mergeContact(qint64 customerId, Contact contact)
    {
        if (Status st = m_writer->flush(); !st) // an earlier row's contact for it may still be queued
            return st;
        ContactService contacts(m_db);
        auto current = contacts.list(m_actor, customerId);
        if (!current)
            return current.error();
        for (const Contact &k : std::as_const(*current)) {
            if (k.name != contact.name)
                continue;
            QSet<QString> fields;
            if (!contact.position.isEmpty() && contact.position != k.position)
                fields << QStringLiteral("position");
            if (!contact.phone.isEmpty() && contact.phone != k.phone)
                fields << QStringLiteral("phone");
            if (!contact.email.isEmpty() && contact.email != k.email)
                fields << QStringLiteral("email");
            if (fields.isEmpty())
                return {};
            auto updated = contacts.update(m_actor, k.id, contact, fields);
            if (!updated)
                return updated.error();
            ++m_result.contacts;
            return {};
        }
        contact.customerId = customerId;
        contact.primary = std::none_of(current->cbegin(), current->cend(), [](const Contact &k) { return k.primary; });
        if (Status st = m_writer->addContact(contact); !st)
            return st;
        ++m_result.contacts;
        return {};
    }

    Status create(Customer &c, const std::optional<Contact> &contact)
    {
        const qint64 now = m_db.clock().nowMs();
        // As CustomerService::create: the importing user owns them; the system actor fills the pool.
        c.ownerId = m_actor.userId > 0 ? std::optional<qint64>(m_actor.userId) : std::nullopt;
        c.ownerName.clear();
        c.createdBy = m_actor.userId;
        c.createdAt = now;
        c.updatedAt = now;
        c.poolSince = c.ownerId ? 0 : now;
        c.lastContactAt = 0;
        c.wonValueMinor = 0;
        qint64 id = 0;
        if (m_writing) {
            auto added = m_writer->add(c, contact);
            if (!added)
                return added.error();
            id = *added;
        }
        ++m_result.created;
        if (contact)
            ++m_result.contacts;
        if (matching())
            m_index.add(c, id, m_rowNumber, true);
        return {};
    }

    Database &m_db;
    const Actor &m_actor;
    RowSource &m_source;
    const CustomerImportOptions &m_options;
    CustomerImportResult &m_result;
    CustomerRowParser m_parser;
    ImportErrorReport m_report;
    DuplicateIndex m_index;
    std::unique_ptr<CustomerBulkWriter> m_writer;
    QSet<QString> m_fields;
    bool m_writing;
    qint64 m_tableSize = 0; // customers before the import, when there is no duplicate index
    qint64 m_rowNumber = 0; // of the row being handled, in the file
    double m_fraction = 0; // of the file read, up to that row
};

} // namespace

Result<QStringList> CustomerImporter::readHeader(RowSource &source)
{
    QStringList cells;
    for (;;) {
        auto more = source.next(cells);
        if (!more)
            return more.error();
        if (!*more)
            return Error::validation(QStringLiteral("empty"), QStringLiteral("file"), QStringLiteral("The file is empty"));
        for (QString &c : cells)
            c = c.trimmed();
        if (std::any_of(cells.begin(), cells.end(), [](const QString &c) { return !c.isEmpty(); }))
            return cells;
    }
}

Result<CustomerImportResult> CustomerImporter::run(const Actor &actor, RowSource &source, const CustomerImportOptions &options)
{
    if (!actor.can(Permission::CustomerWrite))
        return Error::forbidden(QStringLiteral("You do not have permission to import customers"));
    QElapsedTimer timer;
    timer.start();
    CustomerImportResult result;
    result.dryRun = options.dryRun;
    auto header = readHeader(source);
    if (!header)
        return header.error();
    if (options.mapping) {
        result.mapping = *options.mapping;
        if (result.mapping.headers != *header)
            return Error::validation(QStringLiteral("invalid"), QStringLiteral("mapping"),
                                     QStringLiteral("The mapping was made for other columns than this file's"));
    } else {
        result.mapping = ColumnMapping::propose(*header);
    }
    // The company's custom fields: columns headed by their labels (as exports write them) fill them.
    QVector<CustomFieldDef> customFields;
    if (auto defs = CustomFieldService(m_db).list(actor))
        customFields = *defs;
    if (!options.mapping)
        result.mapping.proposeCustomFields(customFields);
    if (Status st = result.mapping.validate(); !st)
        return st.error();
    for (int i = 0; i < result.mapping.fields.size(); ++i) {
        const QString &f = result.mapping.fields[i];
        if (ColumnMapping::isCustomField(f) && std::none_of(customFields.cbegin(), customFields.cend(), [&](const CustomFieldDef &d) {
                return f == CustomFieldDef::fieldName(d.key);
            }))
            return Error::validation(QStringLiteral("unknown"), QStringLiteral("mapping"),
                                     QStringLiteral("Column \"%1\": there is no custom field \"%2\"").arg(result.mapping.headers[i], f));
    }
    // The fields the file fills must be editable for the actor, as for CustomerService::create.
    // (Contacts have no field rules: whoever may change the customer may add its contacts.)
    for (const QString &f : result.mapping.fields)
        if (!f.isEmpty() && !isContactField(f) && actor.fieldRule(kEntity, validatorField(f)) != FieldRule::Editable)
            return Error{QStringLiteral("forbidden"),
                         QStringLiteral("You may not change the field \"%1\"").arg(validatorField(f)), validatorField(f)};
    // Custom fields no column fills: one check tells whether every row would pass (a required one
    // left out fails them all). With custom field columns each row is checked.
    if (!result.mapping.fillsCustomFields()) {
        Customer probe;
        if (Status st = CustomerValidator(m_db).normalize(probe, {QStringLiteral("customFields")}, m_db.clock().nowMs()); !st)
            return st.error();
    }
    if (!options.errorReportPath.isEmpty())
        QFile::remove(options.errorReportPath); // a report from an earlier run would mislead

    Run run(m_db, actor, source, options, result, customFields);
    Status outcome;
    if (options.dryRun) {
        outcome = m_db.read([&]() -> Status {
            if (Status st = run.load(); !st)
                return st;
            return run.rows();
        });
    } else {
        // SQLite: a rollback journal when nothing else has the file open, as the demo loader does,
        // and a 256 MiB page cache (a limit: a small import uses what it touches). A large load
        // touches far more pages than the everyday 64 MiB; what did not fit spilled into the WAL,
        // and every later read of such a page searched the WAL's index (sqlite3WalFindFrame was the
        // top function of a 1M import). Statement journals stay in memory, as on every connection (the
        // INSERTs write fifty rows each; see SqliteBulkLoad); index rebuilds sort in temporary files.
        // References are not checked row by row: every one the import writes is right by
        // construction, to a customer it wrote before or found in this transaction, or to an owner,
        // tag or group it looked up or created in it (the write lock keeps them). The checks took
        // 2.6 s of a 1M-row import's writing thread; the tests run PRAGMA foreign_key_check after.
        SqliteBulkLoad bulk(m_db, 256, false, SqliteBulkLoad::ForeignKeys::Unchecked);
        outcome = m_db.write([&]() -> Status {
            if (Status st = run.load(); !st)
                return st;
            if (Status st = run.rows(); !st)
                return st;
            if (run.rejected())
                return Error::validation(QStringLiteral("rejected"), QStringLiteral("file"), QStringLiteral("invalid rows"));
            // PostgreSQL plans from statistics; tables that just grew by tens of thousands of rows
            // otherwise read as nearly empty until autovacuum comes by (measured: a tag count over
            // 60,000 fresh customers ran for minutes with a nested-loop plan).
            if (!m_db.isSqlite() && result.created >= 10'000)
                if (Status st = m_db.execSql(QStringLiteral("ANALYZE customers, customer_phones, customer_emails,"
                                                            " customer_addresses, customer_tags, customer_group_members"));
                    !st)
                    return st;
            if (result.created > 0)
                m_db.notifyAfterCommit({kEntity, 0, QStringLiteral("reset")}); // one change for the batch
            if (result.contacts > 0)
                m_db.notifyAfterCommit({QStringLiteral("contact"), 0, QStringLiteral("reset")});
            return {};
        });
        run.releaseWriter();
        result.committed = outcome.ok();
    }
    const bool rejected = !outcome && outcome.error().code == QLatin1String("validation.rejected");
    if (Status st = run.finishReport(); !st && (outcome || rejected))
        return st.error();
    if (!outcome && !rejected) {
        // The import as a whole failed (file, cancel, database): a report of the rows read so far would mislead.
        if (!result.errorReportPath.isEmpty())
            QFile::remove(result.errorReportPath);
        return outcome.error();
    }
    if (rejected) // nothing was written: the counts would read as done
        result.created = result.updated = result.contacts = 0;
    result.elapsedMs = timer.elapsed();
    return result;
}

} // namespace crm
