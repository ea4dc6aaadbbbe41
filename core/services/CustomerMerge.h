#pragma once

#include "core/Result.h"
#include "core/domain/Customer.h"
#include "core/security/Actor.h"

#include <QSet>

namespace crm {

class Database;

// How many records hang off one customer, by kind: what a merge moves from the duplicate.
struct CustomerLinkCounts
{
    qint64 contacts = 0, activities = 0, opportunities = 0, tasks = 0, followUps = 0, campaigns = 0, feedback = 0,
           leads = 0;
    qint64 total() const { return contacts + activities + opportunities + tasks + followUps + campaigns + feedback + leads; }
};

// Two customers side by side before a merge, read as the actor may see them (field rules applied).
struct CustomerMergePreview
{
    Customer first, second;
    CustomerLinkCounts firstLinks, secondLinks;
};

// What to merge and how. Scalar fields keep the survivor's value unless named in fromDuplicate;
// phones, emails, addresses, tags and groups are always united (nothing of the duplicate is lost);
// custom fields keep the survivor's value unless their key is named in customFieldsFromDuplicate;
// the last contact is the later of the two and the won value their sum (the opportunities move).
struct CustomerMergeRequest
{
    qint64 survivorId = 0;
    qint64 duplicateId = 0;
    // The versions the caller saw; a customer changed since is refused with conflict.version.
    std::optional<int> survivorVersion, duplicateVersion;
    QSet<QString> fromDuplicate; // names from CustomerMerge::scalarFields()
    QSet<QString> customFieldsFromDuplicate; // custom field keys
};

struct CustomerMergeResult
{
    Customer survivor; // as the actor sees it after the merge
    CustomerLinkCounts moved; // rows moved from the duplicate
};

// Merges a duplicate customer into the one that survives: the survivor's row takes the chosen
// values, everything that pointed at the duplicate (contacts, activities, opportunities, tasks,
// follow-ups, campaign participation, feedback, converted leads) points at the survivor, and the
// duplicate is deleted, in one transaction with one audit entry (customer, survivor id, "merge").
// Rows are moved with one UPDATE per table, however many there are.
class CustomerMerge
{
public:
    explicit CustomerMerge(Database &db) : m_db(db) {}

    // The scalar fields a merge may take from the duplicate.
    static const QStringList &scalarFields();

    // Both customers and their link counts, for the merge dialog. Needs customer.read; a customer out
    // of the actor's scope reads as not found.
    Result<CustomerMergePreview> preview(const Actor &actor, qint64 firstId, qint64 secondId);

    // Needs customer.write (the survivor changes) and customer.delete (the duplicate goes); taking the
    // duplicate's owner also needs customer.assign. A field the actor may not edit cannot be taken.
    Result<CustomerMergeResult> merge(const Actor &actor, const CustomerMergeRequest &request);

    // The records hanging off one customer (no scope check: callers check the customer's).
    Result<CustomerLinkCounts> linkCounts(qint64 customerId);

private:
    Result<CustomerLinkCounts> moveLinks(qint64 from, qint64 to);
    Database &m_db;
};

} // namespace crm
