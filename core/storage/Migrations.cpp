#include "core/storage/Migrations.h"

#include "core/search/SearchIndex.h"
#include "core/security/Permission.h"
#include "core/storage/Database.h"
#include "core/storage/RunningTotals.h"
#include "core/storage/SqlDialect.h"
#include "core/storage/SqliteStatement.h"

#include <QSqlQuery>
#include <QStringList>

#include <functional>

namespace crm {

namespace {

Status run(Database &db, const QStringList &statements)
{
    for (const QString &s : statements)
        if (Status st = db.execSql(SqlDialect::expand(db.dialect(), s)); !st)
            return st;
    return {};
}

// Version 1: the whole foundation model. Times are UTC epoch milliseconds; money is integer minor units;
// flags are 0/1 integers (portable across both drivers); dates without time are 'YYYY-MM-DD' text.
Status schema1(Database &db)
{
    const QStringList common = {
        // Organization
        QStringLiteral("CREATE TABLE departments (id {pk}, name TEXT NOT NULL, parent_id {int} REFERENCES departments(id),"
                       " created_at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX departments_parent ON departments(parent_id)"),
        QStringLiteral("CREATE TABLE roles (id {pk}, name TEXT NOT NULL UNIQUE, builtin INTEGER NOT NULL DEFAULT 0,"
                       " data_scope TEXT NOT NULL, permissions TEXT NOT NULL DEFAULT '', created_at {int} NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE TABLE role_field_rules (role_id {int} NOT NULL REFERENCES roles(id) ON DELETE CASCADE,"
                       " entity TEXT NOT NULL, field TEXT NOT NULL, rule TEXT NOT NULL, PRIMARY KEY (role_id, entity, field))"),
        QStringLiteral("CREATE TABLE users (id {pk}, username TEXT NOT NULL, display_name TEXT NOT NULL, phone TEXT, email TEXT,"
                       " password_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, manager_id {int} REFERENCES users(id),"
                       " department_id {int} REFERENCES departments(id), role_id {int} NOT NULL REFERENCES roles(id),"
                       " failed_logins INTEGER NOT NULL DEFAULT 0, locked_until {int}, must_change_password INTEGER NOT NULL DEFAULT 0,"
                       " created_at {int} NOT NULL,"
                       " updated_at {int} NOT NULL, version INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE UNIQUE INDEX users_username ON users(lower(username))"),
        QStringLiteral("CREATE INDEX users_manager ON users(manager_id)"),
        QStringLiteral("CREATE INDEX users_department ON users(department_id)"),

        // Customers and what hangs off them
        QStringLiteral("CREATE TABLE customers (id {pk}, name TEXT NOT NULL, kind TEXT NOT NULL DEFAULT 'company',"
                       " gender TEXT, birthday TEXT, occupation TEXT, industry TEXT, company TEXT, position TEXT, source TEXT,"
                       " status TEXT NOT NULL DEFAULT 'prospect', level TEXT,"
                       // primary phone/email/region copied from the child rows: list pages and duplicate checks read them without a join
                       " phone TEXT, email TEXT, province TEXT, city TEXT, district TEXT,"
                       " owner_id {int} REFERENCES users(id), created_by {int} REFERENCES users(id),"
                       " created_at {int} NOT NULL, updated_at {int} NOT NULL,"
                       // 0 = never contacted: NOT NULL keeps one index order on both databases
                       " last_contact_at {int} NOT NULL DEFAULT 0, pool_since {int},"
                       // sum of won opportunities in the company currency, for sorting by value
                       " won_value_minor {int} NOT NULL DEFAULT 0,"
                       " custom_fields TEXT, notes TEXT, version INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE INDEX customers_owner_contact ON customers(owner_id, last_contact_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX customers_owner_created ON customers(owner_id, created_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX customers_owner_name ON customers(owner_id, name, id)"),
        QStringLiteral("CREATE INDEX customers_owner_value ON customers(owner_id, won_value_minor DESC, id DESC)"),
        QStringLiteral("CREATE INDEX customers_contact ON customers(last_contact_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX customers_created ON customers(created_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX customers_name ON customers(name, id)"),
        QStringLiteral("CREATE INDEX customers_status ON customers(status, last_contact_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX customers_phone ON customers(phone)"),
        QStringLiteral("CREATE INDEX customers_email ON customers(email)"),
        QStringLiteral("CREATE INDEX customers_company ON customers(company)"),
        QStringLiteral("CREATE TABLE customer_phones (id {pk}, customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " phone TEXT NOT NULL, label TEXT, is_primary INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX customer_phones_customer ON customer_phones(customer_id)"),
        QStringLiteral("CREATE INDEX customer_phones_phone ON customer_phones(phone)"),
        QStringLiteral("CREATE TABLE customer_emails (id {pk}, customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " email TEXT NOT NULL, label TEXT, is_primary INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX customer_emails_customer ON customer_emails(customer_id)"),
        QStringLiteral("CREATE INDEX customer_emails_email ON customer_emails(email)"),
        QStringLiteral("CREATE TABLE customer_addresses (id {pk}, customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " label TEXT, province TEXT, city TEXT, district TEXT, street TEXT, number TEXT, postal_code TEXT,"
                       " is_primary INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX customer_addresses_customer ON customer_addresses(customer_id)"),
        QStringLiteral("CREATE TABLE tags (id {pk}, name TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE customer_tags (customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " tag_id {int} NOT NULL REFERENCES tags(id) ON DELETE CASCADE, PRIMARY KEY (customer_id, tag_id))"),
        QStringLiteral("CREATE INDEX customer_tags_tag ON customer_tags(tag_id, customer_id)"),
        QStringLiteral("CREATE TABLE customer_groups (id {pk}, name TEXT NOT NULL UNIQUE)"),
        QStringLiteral("CREATE TABLE customer_group_members (customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " group_id {int} NOT NULL REFERENCES customer_groups(id) ON DELETE CASCADE, PRIMARY KEY (customer_id, group_id))"),
        QStringLiteral("CREATE INDEX customer_group_members_group ON customer_group_members(group_id, customer_id)"),
        QStringLiteral("CREATE TABLE custom_field_defs (id {pk}, entity TEXT NOT NULL, field_key TEXT NOT NULL, label TEXT NOT NULL,"
                       " field_type TEXT NOT NULL, options TEXT, required INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL DEFAULT 0,"
                       " UNIQUE (entity, field_key))"),
        QStringLiteral("CREATE TABLE contacts (id {pk}, customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL, position TEXT, relationship TEXT, phone TEXT, email TEXT,"
                       " is_primary INTEGER NOT NULL DEFAULT 0, notes TEXT, created_at {int} NOT NULL, updated_at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX contacts_customer ON contacts(customer_id)"),

        // Leads
        QStringLiteral("CREATE TABLE leads (id {pk}, name TEXT NOT NULL, company TEXT, phone TEXT, email TEXT, source TEXT,"
                       " status TEXT NOT NULL DEFAULT 'new', notes TEXT, owner_id {int} REFERENCES users(id),"
                       " created_by {int} REFERENCES users(id), created_at {int} NOT NULL, updated_at {int} NOT NULL,"
                       " converted_at {int}, converted_customer_id {int} REFERENCES customers(id) ON DELETE SET NULL,"
                       " converted_opportunity_id {int}, version INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE INDEX leads_owner ON leads(owner_id, created_at DESC)"),
        QStringLiteral("CREATE INDEX leads_status ON leads(status, created_at DESC)"),

        // Pipelines and opportunities
        QStringLiteral("CREATE TABLE pipelines (id {pk}, name TEXT NOT NULL UNIQUE, is_default INTEGER NOT NULL DEFAULT 0,"
                       " position INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE stages (id {pk}, pipeline_id {int} NOT NULL REFERENCES pipelines(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL, position INTEGER NOT NULL, probability INTEGER NOT NULL DEFAULT 0,"
                       " kind TEXT NOT NULL DEFAULT 'open', UNIQUE (pipeline_id, name))"),
        QStringLiteral("CREATE TABLE opportunities (id {pk}, customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " pipeline_id {int} NOT NULL REFERENCES pipelines(id), stage_id {int} NOT NULL REFERENCES stages(id),"
                       " name TEXT NOT NULL, amount_minor {int} NOT NULL DEFAULT 0, currency TEXT NOT NULL DEFAULT 'CNY',"
                       " probability INTEGER NOT NULL DEFAULT 0, expected_close_date TEXT, status TEXT NOT NULL DEFAULT 'open',"
                       " loss_reason TEXT, owner_id {int} REFERENCES users(id), lead_id {int}, notes TEXT,"
                       " created_at {int} NOT NULL, updated_at {int} NOT NULL, closed_at {int}, stage_entered_at {int} NOT NULL,"
                       " version INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE INDEX opportunities_owner ON opportunities(owner_id, status, stage_id)"),
        QStringLiteral("CREATE INDEX opportunities_status ON opportunities(status, stage_id)"),
        QStringLiteral("CREATE INDEX opportunities_closed ON opportunities(status, closed_at)"),
        QStringLiteral("CREATE INDEX opportunities_customer ON opportunities(customer_id)"),
        QStringLiteral("CREATE TABLE opportunity_stage_history (id {pk},"
                       " opportunity_id {int} NOT NULL REFERENCES opportunities(id) ON DELETE CASCADE,"
                       " from_stage_id {int}, to_stage_id {int} NOT NULL, user_id {int}, at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX opportunity_stage_history_opp ON opportunity_stage_history(opportunity_id, at)"),

        // Interactions, tasks, follow-ups
        QStringLiteral("CREATE TABLE activities (id {pk}, customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " contact_id {int} REFERENCES contacts(id) ON DELETE SET NULL,"
                       " opportunity_id {int} REFERENCES opportunities(id) ON DELETE SET NULL, user_id {int} NOT NULL REFERENCES users(id),"
                       " kind TEXT NOT NULL, direction TEXT, status TEXT, subject TEXT, content TEXT, outcome TEXT, phone TEXT,"
                       " occurred_at {int} NOT NULL, duration_seconds INTEGER, attachments TEXT, created_at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX activities_customer ON activities(customer_id, occurred_at DESC, id DESC)"),
        QStringLiteral("CREATE INDEX activities_user ON activities(user_id, occurred_at)"),
        QStringLiteral("CREATE TABLE tasks (id {pk}, title TEXT NOT NULL, description TEXT, kind TEXT NOT NULL DEFAULT 'todo',"
                       " status TEXT NOT NULL DEFAULT 'open', priority TEXT NOT NULL DEFAULT 'normal', due_at {int}, reminder_at {int},"
                       " reminded_at {int}, completed_at {int}, assignee_id {int} NOT NULL REFERENCES users(id),"
                       " created_by {int} REFERENCES users(id), customer_id {int} REFERENCES customers(id) ON DELETE CASCADE,"
                       " opportunity_id {int} REFERENCES opportunities(id) ON DELETE SET NULL,"
                       " created_at {int} NOT NULL, updated_at {int} NOT NULL, version INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE INDEX tasks_assignee ON tasks(assignee_id, status, due_at)"),
        QStringLiteral("CREATE INDEX tasks_status ON tasks(status, due_at)"),
        QStringLiteral("CREATE INDEX tasks_customer ON tasks(customer_id)"),
        QStringLiteral("CREATE INDEX tasks_reminder ON tasks(reminder_at) WHERE reminded_at IS NULL"),
        QStringLiteral("CREATE TABLE follow_ups (id {pk}, customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " user_id {int} NOT NULL REFERENCES users(id), scheduled_at {int} NOT NULL, method TEXT, notes TEXT,"
                       " status TEXT NOT NULL DEFAULT 'scheduled', task_id {int} REFERENCES tasks(id) ON DELETE SET NULL,"
                       " created_at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX follow_ups_customer ON follow_ups(customer_id, scheduled_at)"),

        // Campaigns and feedback
        QStringLiteral("CREATE TABLE campaigns (id {pk}, name TEXT NOT NULL, goal TEXT, description TEXT, start_date TEXT,"
                       " end_date TEXT, status TEXT NOT NULL DEFAULT 'planned', budget_minor {int} NOT NULL DEFAULT 0,"
                       " currency TEXT NOT NULL DEFAULT 'CNY', target_filter TEXT, owner_id {int} REFERENCES users(id),"
                       " created_at {int} NOT NULL, updated_at {int} NOT NULL, version INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE TABLE campaign_participants (campaign_id {int} NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,"
                       " customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " status TEXT NOT NULL DEFAULT 'invited', response TEXT, responded_at {int}, added_at {int} NOT NULL,"
                       " PRIMARY KEY (campaign_id, customer_id))"),
        QStringLiteral("CREATE INDEX campaign_participants_customer ON campaign_participants(customer_id)"),
        QStringLiteral("CREATE TABLE feedback (id {pk}, customer_id {int} NOT NULL REFERENCES customers(id) ON DELETE CASCADE,"
                       " user_id {int} REFERENCES users(id), campaign_id {int} REFERENCES campaigns(id) ON DELETE SET NULL,"
                       " score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5), comment TEXT, created_at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX feedback_customer ON feedback(customer_id, created_at)"),

        // Audit and settings
        QStringLiteral("CREATE TABLE audit_log (id {pk}, at {int} NOT NULL, user_id {int}, source TEXT NOT NULL, entity TEXT NOT NULL,"
                       " entity_id {int} NOT NULL, action TEXT NOT NULL, field TEXT, old_value TEXT, new_value TEXT)"),
        QStringLiteral("CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, at)"),
        QStringLiteral("CREATE INDEX audit_log_user ON audit_log(user_id, at)"),
        QStringLiteral("CREATE TABLE app_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),

        // API sessions, answers to retried requests and rate-limit counters: in the database so that
        // several `crm serve` processes on one PostgreSQL share them.
        QStringLiteral("CREATE TABLE api_tokens (id {pk}, token_hash TEXT NOT NULL UNIQUE,"
                       " user_id {int} NOT NULL REFERENCES users(id) ON DELETE CASCADE, created_at {int} NOT NULL,"
                       " expires_at {int} NOT NULL, revoked_at {int}, last_used_at {int}, client TEXT)"),
        QStringLiteral("CREATE INDEX api_tokens_user ON api_tokens(user_id)"),
        QStringLiteral("CREATE TABLE idempotency_keys (user_id {int} NOT NULL, idem_key TEXT NOT NULL, request_hash TEXT NOT NULL,"
                       " status INTEGER NOT NULL, body TEXT NOT NULL, created_at {int} NOT NULL, PRIMARY KEY (user_id, idem_key))"),
        QStringLiteral("CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at)"),
        QStringLiteral("CREATE TABLE rate_limits (bucket TEXT PRIMARY KEY, window_start {int} NOT NULL, hits INTEGER NOT NULL)"),
    };
    if (Status st = run(db, common); !st)
        return st;

    // Keyword search index: the customer's n-gram tokens (see SearchIndex): an FTS5 table on SQLite,
    // a tsvector column on PostgreSQL.
    if (db.isSqlite()) {
        if (Status st = db.execSql(QStringLiteral(
                "CREATE VIRTUAL TABLE customer_search USING fts5(grams, tokenize='ascii', detail=full)"));
            !st)
            return st;
    } else {
        // On the customer row itself, so the planner can choose per query between the GIN index
        // (rare words) and walking customers in page order with the match as a filter (common words).
        if (Status st = run(db, {QStringLiteral("ALTER TABLE customers ADD COLUMN search_grams tsvector"),
                                 QStringLiteral("CREATE INDEX customers_search ON customers USING gin(search_grams)")});
            !st)
            return st;
    }

    // Built-in roles and the default pipeline.
    const qint64 now = db.clock().nowMs();
    struct RoleSeed { QString name; DataScope scope; QStringList permissions; };
    const RoleSeed roles[] = {
        {QStringLiteral("administrator"), DataScope::All, Permission::all()},
        {QStringLiteral("manager"), DataScope::OwnAndSubordinates, Permission::managerDefaults()},
        {QStringLiteral("rep"), DataScope::Own, Permission::repDefaults()},
    };
    for (const RoleSeed &r : roles) {
        QSqlQuery q = db.prepare(QStringLiteral("INSERT INTO roles (name, builtin, data_scope, permissions, created_at)"
                                                " VALUES (:name, 1, :scope, :perms, :now)"));
        q.bindValue(QStringLiteral(":name"), r.name);
        q.bindValue(QStringLiteral(":scope"), toString(r.scope));
        q.bindValue(QStringLiteral(":perms"), r.permissions.join(QLatin1Char(' ')));
        q.bindValue(QStringLiteral(":now"), now);
        if (Status st = db.exec(q); !st)
            return st;
    }
    struct StageSeed { const char *name; int probability; const char *kind; };
    const StageSeed newBusiness[] = {{"lead", 10, "open"},        {"qualified", 25, "open"}, {"proposal", 50, "open"},
                                     {"negotiation", 75, "open"}, {"won", 100, "won"},     {"lost", 0, "lost"}};
    const StageSeed renewals[] = {{"due", 50, "open"}, {"negotiation", 75, "open"}, {"won", 100, "won"}, {"lost", 0, "lost"}};
    struct PipelineSeed { const char *name; const StageSeed *stages; int count; };
    const PipelineSeed pipelines[] = {{"New business", newBusiness, 6}, {"Renewals", renewals, 4}};
    int pipelinePos = 0;
    for (const PipelineSeed &p : pipelines) {
        QSqlQuery q = db.prepare(QStringLiteral("INSERT INTO pipelines (name, is_default, position) VALUES (:n, :d, :p) RETURNING id"));
        q.bindValue(QStringLiteral(":n"), QString::fromUtf8(p.name));
        q.bindValue(QStringLiteral(":d"), pipelinePos == 0 ? 1 : 0);
        q.bindValue(QStringLiteral(":p"), pipelinePos);
        if (Status st = db.exec(q); !st)
            return st;
        q.next();
        const qint64 pipelineId = q.value(0).toLongLong();
        q.finish();
        for (int i = 0; i < p.count; ++i) {
            QSqlQuery s = db.prepare(QStringLiteral("INSERT INTO stages (pipeline_id, name, position, probability, kind)"
                                                    " VALUES (:pl, :n, :pos, :prob, :kind)"));
            s.bindValue(QStringLiteral(":pl"), pipelineId);
            s.bindValue(QStringLiteral(":n"), QString::fromUtf8(p.stages[i].name));
            s.bindValue(QStringLiteral(":pos"), i);
            s.bindValue(QStringLiteral(":prob"), p.stages[i].probability);
            s.bindValue(QStringLiteral(":kind"), QString::fromUtf8(p.stages[i].kind));
            if (Status st = db.exec(s); !st)
                return st;
        }
        ++pipelinePos;
    }
    return run(db, {QStringLiteral("INSERT INTO app_settings (key, value) VALUES ('currency', 'CNY')"),
                    QStringLiteral("INSERT INTO app_settings (key, value) VALUES ('followup.reminder_minutes', '30')")});
}

// Version 2: pipelines, leads, activities and tasks as their services use them. Columns for
// optimistic concurrency and follow-up outcomes, and indexes shaped after the queries (keyset pages,
// covering indexes for the pipeline summary and the dashboard, indexes under every ON DELETE SET NULL
// so deleting a contact or an opportunity does not scan millions of activities).
Status schema2(Database &db)
{
    const QStringList statements = {
        QStringLiteral("ALTER TABLE leads ADD COLUMN converted_contact_id {int} REFERENCES contacts(id) ON DELETE SET NULL"),
        // Lists page newest first by id within owner or status.
        QStringLiteral("DROP INDEX leads_owner"),
        QStringLiteral("DROP INDEX leads_status"),
        QStringLiteral("CREATE INDEX leads_owner ON leads(owner_id, id)"),
        QStringLiteral("CREATE INDEX leads_status ON leads(status, id)"),
        // Deleting a customer or contact sets these to NULL: indexed so that is not a scan of leads.
        QStringLiteral("CREATE INDEX leads_converted_customer ON leads(converted_customer_id) WHERE converted_customer_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX leads_converted_contact ON leads(converted_contact_id) WHERE converted_contact_id IS NOT NULL"),

        QStringLiteral("ALTER TABLE pipelines ADD COLUMN version INTEGER NOT NULL DEFAULT 1"),

        // The pipeline summary is one GROUP BY (stage, currency) read from one of these two covering
        // indexes: the first for an actor who sees everyone, the second for owner-scoped actors.
        QStringLiteral("DROP INDEX opportunities_owner"),
        QStringLiteral("DROP INDEX opportunities_status"),
        QStringLiteral("CREATE INDEX opportunities_pipeline ON opportunities(pipeline_id, stage_id, currency, amount_minor,"
                       " probability, owner_id)"),
        QStringLiteral("CREATE INDEX opportunities_owner ON opportunities(owner_id, pipeline_id, stage_id, currency, amount_minor,"
                       " probability)"),
        // A stage's column newest first; whether a stage is still in use. And the same for one owner
        // (a rep's board): read in order and stopped at the page size instead of sorting the rep's stage.
        QStringLiteral("CREATE INDEX opportunities_stage ON opportunities(stage_id, id)"),
        QStringLiteral("CREATE INDEX opportunities_owner_stage ON opportunities(owner_id, stage_id, id)"),
        QStringLiteral("CREATE INDEX opportunities_status ON opportunities(status, id)"),
        // Analytics (AnalyticsService): deals won or lost in a period, covering the won sums; owner_id inside
        // so a scoped dashboard filters in the index. And the funnel's cohort: opportunities created in a period.
        QStringLiteral("CREATE INDEX opportunities_closed_owner ON opportunities(status, closed_at, owner_id, currency, amount_minor)"),
        QStringLiteral("CREATE INDEX opportunities_pipeline_created ON opportunities(pipeline_id, created_at, owner_id)"),
        // Lists by expected close date (undated last on both databases) and by amount, streamed in order.
        QStringLiteral("CREATE INDEX opportunities_close_key ON opportunities((COALESCE(expected_close_date, '9999-12-31')), id)"),
        QStringLiteral("CREATE INDEX opportunities_amount ON opportunities(amount_minor, id)"),
        QStringLiteral("CREATE INDEX opportunities_lead ON opportunities(lead_id) WHERE lead_id IS NOT NULL"),
        // The funnel reads the stages each opportunity reached from the index alone.
        QStringLiteral("CREATE INDEX opportunity_stage_history_stage ON opportunity_stage_history(opportunity_id, to_stage_id)"),

        QStringLiteral("ALTER TABLE activities ADD COLUMN version INTEGER NOT NULL DEFAULT 1"),
        // Keyset pages: a user's own list, newest first, ties broken by id.
        QStringLiteral("DROP INDEX activities_user"),
        QStringLiteral("CREATE INDEX activities_user ON activities(user_id, occurred_at DESC, id DESC)"),
        // A user's list of one kind: a rare kind would otherwise walk all of the user's rows.
        QStringLiteral("CREATE INDEX activities_user_kind ON activities(user_id, kind, occurred_at DESC, id DESC)"),
        // Activities per user and kind in a period (AnalyticsService) from the index alone: with planner
        // statistics SQLite otherwise takes activities_user's range and fetches every row for its kind.
        QStringLiteral("CREATE INDEX activities_user_time_kind ON activities(user_id, occurred_at, kind)"),
        // ON DELETE SET NULL of a contact or opportunity must not scan millions of activities; few rows link them.
        QStringLiteral("CREATE INDEX activities_contact ON activities(contact_id) WHERE contact_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX activities_opportunity ON activities(opportunity_id) WHERE opportunity_id IS NOT NULL"),

        QStringLiteral("CREATE INDEX tasks_opportunity ON tasks(opportunity_id) WHERE opportunity_id IS NOT NULL"),
        // Pending reminders only: tasks closed before their reminder fired drop out of the index. The
        // status column looks redundant; without it SQLite's planner prefers tasks_status and sorts.
        QStringLiteral("DROP INDEX tasks_reminder"),
        QStringLiteral("CREATE INDEX tasks_reminder ON tasks(status, reminder_at) WHERE reminded_at IS NULL AND status = 'open'"),
        QStringLiteral("ALTER TABLE follow_ups ADD COLUMN activity_id {int} REFERENCES activities(id) ON DELETE SET NULL"),
        QStringLiteral("ALTER TABLE follow_ups ADD COLUMN completed_at {int}"),
        // Closing a task closes its follow-up (and deleting one nulls the link): both look rows up by task.
        QStringLiteral("CREATE INDEX follow_ups_task ON follow_ups(task_id) WHERE task_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX follow_ups_activity ON follow_ups(activity_id) WHERE activity_id IS NOT NULL"),

        QStringLiteral("CREATE INDEX feedback_campaign ON feedback(campaign_id) WHERE campaign_id IS NOT NULL"),

        // New permission: exports with phones and emails unmasked. Administrators hold every permission.
        QStringLiteral("UPDATE roles SET permissions = permissions || ' customer.export_unmasked' WHERE builtin = 1"
                       " AND name = 'administrator' AND ' ' || permissions || ' ' NOT LIKE '% customer.export_unmasked %'"),

        // Short-lived, single-user download links for API exports (DownloadLinkStore), in the database so
        // that every `crm serve` process on it can serve a link another one made. Only the token's hash is kept.
        QStringLiteral("CREATE TABLE download_links (token_hash TEXT PRIMARY KEY,"
                       " user_id {int} NOT NULL REFERENCES users(id) ON DELETE CASCADE, path TEXT NOT NULL,"
                       " content_type TEXT NOT NULL, file_name TEXT NOT NULL, created_at {int} NOT NULL, expires_at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX download_links_expires ON download_links(expires_at)"),
    };
    if (Status st = run(db, statements); !st)
        return st;
    // opportunities.lead_id gets its foreign key where a column's constraint can be added later; SQLite
    // cannot, and only converted leads (which cannot be deleted) are ever referenced.
    if (!db.isSqlite())
        return db.execSql(QStringLiteral("ALTER TABLE opportunities ADD CONSTRAINT opportunities_lead_fk"
                                         " FOREIGN KEY (lead_id) REFERENCES leads(id) ON DELETE SET NULL"));
    return {};
}

// The customer list's sort indexes carry the owner. A manager's scope is "owner_id IN (...)" applied
// while walking a sort index (CustomerService keeps large scopes off the owner indexes on SQLite); with
// the owner in the index, rows skipped by an offset (the scroll bar dragged to row 450,000 of the
// desktop's table) are filtered there, without reading each from the table: measured on the
// 1,000,000-customer demo on SQLite, a director's page at offset 450,000 went from 3.2 s to 0.1 s,
// and building the three indexes took under a second each.
Status schema3(Database &db)
{
    const QStringList statements = {
        QStringLiteral("DROP INDEX customers_contact"),
        QStringLiteral("CREATE INDEX customers_contact ON customers(last_contact_at DESC, id DESC, owner_id)"),
        QStringLiteral("DROP INDEX customers_created"),
        QStringLiteral("CREATE INDEX customers_created ON customers(created_at DESC, id DESC, owner_id)"),
        QStringLiteral("DROP INDEX customers_name"),
        QStringLiteral("CREATE INDEX customers_name ON customers(name, id, owner_id)"),
    };
    return run(db, statements);
}

// PostgreSQL estimates how many customers a search bigram matches from the most common elements
// it samples for search_grams; at the default target (100) a rare name ("张伟") reads as common, and
// the planner walks the newest customers for one that never comes (140 ms at 1M customers; 2 ms
// through the GIN index once the target is 2000). Applies at the next ANALYZE (the demo loader and
// large imports run one; autovacuum does too).
Status schema4(Database &db)
{
    if (db.isSqlite())
        return {};
    return run(db, {QStringLiteral("ALTER TABLE customers ALTER COLUMN search_grams SET STATISTICS 2000")});
}

// One index per user for activities instead of three. activities_user gains the kind as its last
// column, which serves all three uses: a user's list newest first (keyset), a user's list of one kind
// (the kind is tested in the index entry, so a rare kind walks index entries, not table rows: a rep's
// 27,000 activities, the page of emails in under a millisecond), and activities per user and kind in
// a period (a covering range seek per user; SQLite had chosen activities_user_kind for its GROUP BY
// order and read every activity of the scope ever logged). Measured on the 1,000,000-customer SQLite
// demo, 30 days: a team lead's activities by rep 36-43 -> 19-23 ms, everyone's 270 -> 167 ms; each
// dropped index had cost 7-8 s of the demo load and two index updates per activity written.
Status schema5(Database &db)
{
    return run(db, {
        QStringLiteral("DROP INDEX activities_user_kind"),
        QStringLiteral("DROP INDEX activities_user_time_kind"),
        QStringLiteral("DROP INDEX activities_user"),
        QStringLiteral("CREATE INDEX activities_user ON activities(user_id, occurred_at DESC, id DESC, kind)"),
    });
}

// customers.phone and customers.email copy the customer's primary phone and email, which are always
// also rows of customer_phones and customer_emails (CustomerValidator derives them from those lists
// on every write), so the duplicate check finds them through the child tables' indexes alone. The two
// indexes cost 1.8 s of a million-customer load and two index updates per customer written.
Status schema6(Database &db)
{
    return run(db, {
        QStringLiteral("DROP INDEX customers_phone"),
        QStringLiteral("DROP INDEX customers_email"),
    });
}

// PostgreSQL: won deals in a period with their ids, from the index alone. The average sales cycle
// joins each won deal's stage history by id; opportunities_closed (status, closed_at) sent
// PostgreSQL to the table for every id (a director's 30 days on the 1,000,000-customer demo: a
// bitmap heap scan of 1,481 pages, 46 ms; 1.3-2.5 ms as an index-only scan). The owner serves the
// scoped actors. SQLite indexes carry the rowid already.
Status schema7(Database &db)
{
    if (db.isSqlite())
        return {};
    return run(db, {
        QStringLiteral("DROP INDEX opportunities_closed"),
        QStringLiteral("CREATE INDEX opportunities_closed ON opportunities(status, closed_at, owner_id) INCLUDE (id)"),
    });
}

// Running totals for the dashboard (RunningTotals): activities per user and day, deals per owner,
// pipeline, stage and currency, kept by triggers. Counting a director's 417,000 activities of 30 days
// read that many index entries (50 ms of a 138 ms dashboard on the 1,000,000-customer PostgreSQL
// demo), and the open deals' totals read 148,000 rows (22 ms).
Status schema8(Database &db)
{
    return RunningTotals::create(db);
}

// PostgreSQL: one owner's customers newest first (a rep's keyword search tries that owner's newest
// customers before the search index, see CustomerRepository::selectPage). SQLite searches walk its
// FTS index by rowid instead.
Status schema9(Database &db)
{
    if (db.isSqlite())
        return {};
    return run(db, {QStringLiteral("CREATE INDEX customers_owner_id ON customers(owner_id, id)")});
}

// PostgreSQL: the digit lexemes of SearchIndex ("·d1380": four consecutive digits) for the customers
// indexed before them. Derived from the stored bigrams: three digit bigrams at consecutive positions
// are four digits of one run (a run ends with a one-character token). Each goes at its first bigram's
// position, which "||" shifts past the entry's last position, as SearchIndex::storedValue places them.
// The GIN index is built again afterwards rather than updated row by row (on the 1M demo: 3 minutes).
Status schema10(Database &db)
{
    if (db.isSqlite())
        return {};
    return run(db, {
        QStringLiteral("DROP INDEX customers_search"),
        QStringLiteral("UPDATE customers c SET search_grams = c.search_grams || g.grams FROM ("
                       " SELECT d.id, CAST(string_agg(quote_literal('\u00b7d' || d.lexeme || d.next2) || ':' || d.pos, ' ') AS tsvector) AS grams FROM ("
                       "  SELECT s.id, s.lexeme, s.pos, lead(s.pos, 1) OVER w AS pos1, lead(s.pos, 2) OVER w AS pos2,"
                       "   lead(s.lexeme, 2) OVER w AS next2"
                       "  FROM (SELECT cu.id, u.lexeme, p.pos FROM customers cu, unnest(cu.search_grams) u, unnest(u.positions) p(pos)"
                       "        WHERE u.lexeme ~ '^[0-9]{2}$') s"
                       "  WINDOW w AS (PARTITION BY s.id ORDER BY s.pos)) d"
                       " WHERE d.pos1 = d.pos + 1 AND d.pos2 = d.pos + 2 GROUP BY d.id) g"
                       " WHERE g.id = c.id"),
        QStringLiteral("CREATE INDEX customers_search ON customers USING gin(search_grams)"),
    });
}

// PostgreSQL: the running totals' trigger functions take an update's two counter rows in key order
// (RunningTotals::orderCounterLocks): two deals of one owner moved in opposite directions at once
// deadlocked, and one of the moves failed.
Status schema11(Database &db)
{
    return RunningTotals::orderCounterLocks(db);
}

// Customers per owner by province and by industry, kept by triggers (RunningTotals::createCustomerCounts):
// the customer mix of a director's 1,000,000 customers read every row in scope (2.0 s on the SQLite
// demo); it now sums a few thousand counter rows.
Status schema12(Database &db)
{
    return RunningTotals::createCustomerCounts(db);
}

// SQLite: the digit lexemes of SearchIndex ("\u00b7d1380", which PostgreSQL got in migration 10) for
// the customers indexed before them (SearchIndex::withDigitGrams). The index is filled again rather
// than updated entry by entry, which FTS5 does by deleting and adding every token: the old one is
// renamed and read in order, a slice at a time staged and loaded into a new one (bounded memory), as
// bulk loads fill it (SearchIndex::loadStaged), then merged.
Status schema13(Database &db)
{
    if (!db.isSqlite())
        return {};
    const auto createSql = SearchIndex::createStatement(db);
    if (!createSql)
        return createSql.error();
    if (Status st = run(db, {QStringLiteral("ALTER TABLE customer_search RENAME TO customer_search_v12"), *createSql,
                             QStringLiteral("CREATE TEMP TABLE search_upgrade (id INTEGER PRIMARY KEY, grams TEXT NOT NULL)")});
        !st)
        return st;
    {
        SqliteStatement read(db, QStringLiteral("SELECT rowid, grams FROM customer_search_v12 ORDER BY rowid"));
        SqliteStatement stage(db, QStringLiteral("INSERT INTO temp.search_upgrade (id, grams) VALUES (?, ?)"));
        for (const SqliteStatement *s : {&read, &stage})
            if (Status st = s->status(); !st)
                return st;
        constexpr int kSlice = 250'000;
        qint64 first = 0, last = 0;
        int staged = 0;
        auto load = [&]() -> Status {
            if (staged == 0)
                return {};
            if (Status st = SearchIndex::loadStaged(db, QStringLiteral("temp.search_upgrade"), first, last); !st)
                return st;
            staged = 0;
            return db.execSql(QStringLiteral("DELETE FROM temp.search_upgrade"));
        };
        QString entry;
        while (read.step()) {
            entry.clear();
            read.appendText(1, entry);
            const qint64 id = read.integer(0);
            stage.bindInteger(1, id);
            stage.bindText(2, SearchIndex::withDigitGrams(entry));
            if (Status st = stage.execute(); !st)
                return st;
            if (staged++ == 0)
                first = id;
            last = id;
            if (staged == kSlice)
                if (Status st = load(); !st)
                    return st;
        }
        if (Status st = read.status(); !st)
            return st;
        if (Status st = load(); !st)
            return st;
    }
    if (Status st = run(db, {QStringLiteral("DROP TABLE temp.search_upgrade"), QStringLiteral("DROP TABLE customer_search_v12")}); !st)
        return st;
    return SearchIndex::compact(db);
}

// Activities per day and user (RunningTotals): their triggers stand aside while the activity import's
// bulk writer, which adds its rows' counts once, holds a row in activity_day_counts_paused.
Status schema14(Database &db)
{
    return RunningTotals::createActivityCountsPause(db);
}

// Deals per owner, pipeline, stage and currency (RunningTotals): their triggers stand aside while
// the opportunity import's bulk writer, which adds its rows' totals once, holds a row in
// opportunity_totals_paused.
Status schema15(Database &db)
{
    return RunningTotals::createOpportunityTotalsPause(db);
}

struct Migration
{
    int version;
    std::function<Status(Database &)> apply;
};

// A migration that has shipped never changes (databases out there already ran it): a schema change is
// a new numbered migration, tested like tst_storage::upgradesSchemaOne.
const QVector<Migration> &migrations()
{
    static const QVector<Migration> list = {
        {1, schema1},
        {2, schema2},
        {3, schema3},
        {4, schema4},
        {5, schema5},
        {6, schema6},
        {7, schema7},
        {8, schema8},
        {9, schema9},
        {10, schema10},
        {11, schema11},
        {12, schema12},
        {13, schema13},
        {14, schema14},
        {15, schema15},
    };
    return list;
}

} // namespace

int Migrations::latestVersion()
{
    return migrations().last().version;
}

Result<int> Migrations::currentVersion(Database &db)
{
    QSqlQuery q = db.prepare(QStringLiteral("SELECT MAX(version) FROM schema_version"));
    if (Status st = db.exec(q); !st)
        return st.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Status Migrations::apply(Database &db, int upTo)
{
    if (Status st = db.execSql(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                                              " applied_at BIGINT NOT NULL)"));
        !st)
        return st;
    return db.write([&]() -> Status {
        if (!db.isSqlite()) // several server processes may start at once: one migrates, the others wait
            if (Status st = db.execSql(QStringLiteral("SELECT pg_advisory_xact_lock(7312001)")); !st)
                return st;
        auto current = currentVersion(db);
        if (!current)
            return current.error();
        if (*current > latestVersion())
            return Error{QStringLiteral("storage.too_new"),
                         QStringLiteral("This database was written by a newer version of the CRM (schema %1; this program "
                                        "knows up to %2). Upgrade the program; the database was not changed.")
                             .arg(*current)
                             .arg(latestVersion()),
                         QStringLiteral("database")};
        for (const Migration &m : migrations()) {
            if (m.version <= *current || m.version > upTo)
                continue;
            if (Status st = m.apply(db); !st)
                return st;
            QSqlQuery q = db.prepare(QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (:v, :at)"));
            q.bindValue(QStringLiteral(":v"), m.version);
            q.bindValue(QStringLiteral(":at"), db.clock().nowMs());
            if (Status st = db.exec(q); !st)
                return st;
        }
        return {};
    });
}

} // namespace crm
