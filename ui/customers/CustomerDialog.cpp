#include "ui/customers/CustomerDialog.h"

#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/ContactService.h"
#include "core/services/CustomFieldService.h"
#include "core/services/CustomerService.h"
#include "core/services/CustomerValidator.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/customers/CustomFieldsEditor.h"
#include "ui/customers/CustomerDeals.h"
#include "ui/customers/CustomerFeedback.h"
#include "ui/customers/CustomerTimeline.h"
#include "ui/pipeline/OpportunityDialog.h"
#include "ui/undo/UndoHistory.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("customer");

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    return t;
}

QString cell(const QTableWidget *t, int row, int column)
{
    const QTableWidgetItem *item = t->item(row, column);
    return item ? item->text().trimmed() : QString();
}

bool checked(const QTableWidget *t, int row, int column)
{
    const QTableWidgetItem *item = t->item(row, column);
    return item && item->checkState() == Qt::Checked;
}

void appendRow(QTableWidget *t, const QStringList &texts, bool primary)
{
    const int row = t->rowCount();
    t->insertRow(row);
    for (int c = 0; c < texts.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(texts[c]));
    auto *p = new QTableWidgetItem;
    p->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    p->setCheckState(primary ? Qt::Checked : Qt::Unchecked);
    t->setItem(row, int(texts.size()), p);
}

// A table with Add and Remove buttons under it.
QWidget *tablePage(QTableWidget *table, int textColumns, QWidget *parent, QLabel *message)
{
    auto *page = new QWidget(parent);
    auto *add = new QPushButton(CustomerDialog::tr("Add"), page);
    auto *remove = new QPushButton(CustomerDialog::tr("Remove"), page);
    QObject::connect(add, &QPushButton::clicked, table, [table, textColumns] {
        appendRow(table, QStringList(textColumns, QString()), table->rowCount() == 0);
        table->editItem(table->item(table->rowCount() - 1, 0));
    });
    QObject::connect(remove, &QPushButton::clicked, table, [table] {
        if (table->currentRow() >= 0)
            table->removeRow(table->currentRow());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(table, 1);
    layout->addWidget(message);
    layout->addLayout(buttons);
    return page;
}

} // namespace

CustomerDialog::CustomerDialog(Session &session, qint64 customerId, QWidget *parent)
    : QDialog(parent), m_session(session), m_messages(this)
{
    setObjectName(QStringLiteral("customerDialog"));
    m_customer.id = customerId;
    build();
    if (customerId) {
        setWindowTitle(tr("Customer"));
        setEnabled(false); // until loaded
        load();
    } else {
        setWindowTitle(tr("New customer"));
        display(m_customer, {});
        // The custom fields' tab comes when their definitions are read (a new customer's form is
        // usable at once meanwhile).
        const Actor actor = m_session.actor();
        m_session.worker().run(
            this, [actor](Database &db) { return CustomFieldService(db).list(actor); },
            [this](Result<QVector<CustomFieldDef>> defs) {
                if (defs)
                    showCustomFields(*defs);
            });
    }
}

void CustomerDialog::build()
{
    auto line = [this](const char *field) {
        auto *e = new QLineEdit(this);
        e->setObjectName(QString::fromLatin1(field));
        m_fieldWidgets.insert(QString::fromLatin1(field), e);
        return e;
    };
    auto combo = [this](const char *field, const QStringList &codes, auto label) {
        auto *c = new QComboBox(this);
        c->setObjectName(QString::fromLatin1(field));
        for (const QString &code : codes)
            c->addItem(label(code), code);
        m_fieldWidgets.insert(QString::fromLatin1(field), c);
        return c;
    };
    m_name = line("name");
    m_company = line("company");
    m_industry = line("industry");
    m_position = line("position");
    m_occupation = line("occupation");
    m_source = line("source");
    m_tags = line("tags");
    m_tags->setPlaceholderText(tr("Separate tags with commas"));
    m_kind = combo("kind", CustomerValidator::kinds(), [](const QString &c) { return DisplayFormat::customerKind(c); });
    m_status = combo("status", CustomerValidator::statuses(), [](const QString &c) { return DisplayFormat::customerStatus(c); });
    m_level = combo("level", CustomerValidator::levels(), [](const QString &c) { return c.isEmpty() ? tr("None") : c; });
    m_gender = combo("gender", CustomerValidator::genders(), [](const QString &c) { return c.isEmpty() ? tr("Not given") : DisplayFormat::gender(c); });
    m_birthday = new QDateEdit(this);
    m_birthday->setObjectName(QStringLiteral("birthday"));
    m_birthday->setCalendarPopup(true);
    m_birthday->setMinimumDate(QDate(1900, 1, 1));
    m_birthday->setSpecialValueText(tr("Not given")); // the minimum date stands for "none"
    m_fieldWidgets.insert(QStringLiteral("birthday"), m_birthday);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setTabChangesFocus(true);
    m_fieldWidgets.insert(QStringLiteral("notes"), m_notes);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("info"));
    m_info->setWordWrap(true);

    auto *profile = new QWidget(this);
    auto *form = new QFormLayout(profile);
    auto row = [&](const QString &label, QWidget *w, const char *field) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addWidget(w);
        box->addWidget(m_messages.add(QString::fromLatin1(field)));
        form->addRow(label, box);
    };
    row(tr("Name"), m_name, "name");
    row(tr("Kind"), m_kind, "kind");
    row(tr("Status"), m_status, "status");
    row(tr("Level"), m_level, "level");
    row(tr("Company"), m_company, "company");
    row(tr("Industry"), m_industry, "industry");
    row(tr("Position"), m_position, "position");
    row(tr("Occupation"), m_occupation, "occupation");
    row(tr("Gender"), m_gender, "gender");
    row(tr("Birthday"), m_birthday, "birthday");
    row(tr("Source"), m_source, "source");
    row(tr("Tags"), m_tags, "tags");
    row(tr("Notes"), m_notes, "notes");
    form->addRow(QString(), m_info);

    m_phones = makeTable({tr("Number"), tr("Label"), tr("Primary")}, this);
    m_phones->setObjectName(QStringLiteral("phones"));
    m_emails = makeTable({tr("Address"), tr("Label"), tr("Primary")}, this);
    m_emails->setObjectName(QStringLiteral("emails"));
    m_addresses = makeTable({tr("Label"), tr("Province"), tr("City"), tr("District"), tr("Street"), tr("Number"),
                             tr("Postal code"), tr("Primary")},
                            this);
    m_addresses->setObjectName(QStringLiteral("addresses"));
    m_fieldWidgets.insert(QStringLiteral("phones"), m_phones);
    m_fieldWidgets.insert(QStringLiteral("emails"), m_emails);
    m_fieldWidgets.insert(QStringLiteral("addresses"), m_addresses);

    m_contactTable = makeTable({tr("Name"), tr("Position"), tr("Phone"), tr("Email")}, this);
    m_contactTable->setObjectName(QStringLiteral("contacts"));
    m_contactTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *contactsPage = new QWidget(this);
    auto *addContact = new QPushButton(tr("Add contact…"), contactsPage);
    auto *removeContact = new QPushButton(tr("Remove contact"), contactsPage);
    connect(addContact, &QPushButton::clicked, this, &CustomerDialog::addContact);
    connect(removeContact, &QPushButton::clicked, this, &CustomerDialog::removeContact);
    auto *contactButtons = new QHBoxLayout;
    contactButtons->addWidget(addContact);
    contactButtons->addWidget(removeContact);
    contactButtons->addStretch();
    auto *contactLayout = new QVBoxLayout(contactsPage);
    contactLayout->addWidget(m_contactTable, 1);
    contactLayout->addLayout(contactButtons);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(profile, tr("Profile"));
    m_tabs->addTab(tablePage(m_phones, 2, this, m_messages.add(QStringLiteral("phones"))), tr("Phones"));
    m_tabs->addTab(tablePage(m_emails, 2, this, m_messages.add(QStringLiteral("emails"))), tr("Emails"));
    m_tabs->addTab(tablePage(m_addresses, 7, this, m_messages.add(QStringLiteral("addresses"))), tr("Addresses"));
    m_tabs->addTab(contactsPage, tr("Contacts"));
    // The history of a saved customer, first among the tabs a returning visitor wants.
    if (m_customer.id && m_session.actor().can(Permission::ActivityRead)) {
        m_timeline = new CustomerTimeline(m_session, m_customer.id, this);
        m_timeline->setObjectName(QStringLiteral("timeline"));
        m_tabs->addTab(m_timeline, tr("Timeline"));
    }
    if (m_customer.id && m_session.actor().can(Permission::OpportunityRead)) {
        m_deals = new CustomerDeals(m_session, m_customer.id, this);
        m_deals->setObjectName(QStringLiteral("opportunities"));
        m_tabs->addTab(m_deals, tr("Opportunities"));
        connect(m_deals, &CustomerDeals::newDealRequested, this, [this] { openDeal(0); });
        connect(m_deals, &CustomerDeals::openDealRequested, this, &CustomerDialog::openDeal);
    }
    if (m_customer.id && m_session.actor().can(Permission::FeedbackRead)) {
        m_feedback = new CustomerFeedback(m_session, m_customer.id, this);
        m_feedback->setObjectName(QStringLiteral("feedback"));
        m_tabs->addTab(m_feedback, tr("Satisfaction"));
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("save"));
    buttons->button(QDialogButtonBox::Save)->setEnabled(m_session.actor().can(Permission::CustomerWrite));
    connect(buttons, &QDialogButtonBox::accepted, this, &CustomerDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_messages.general());
    layout->addWidget(buttons);
    resize(840, 640); // every tab's title shows in English too
}

void CustomerDialog::load()
{
    struct Loaded
    {
        Customer customer;
        QVector<Contact> contacts;
        QVector<CustomFieldDef> customFields;
    };
    const Actor actor = m_session.actor();
    const qint64 id = m_customer.id;
    m_session.worker().run(
        this,
        [actor, id](Database &db) -> Result<Loaded> {
            auto c = CustomerService(db).get(actor, id);
            if (!c)
                return c.error();
            auto contacts = ContactService(db).list(actor, id);
            auto defs = CustomFieldService(db).list(actor);
            return Loaded{c.value(), contacts ? contacts.value() : QVector<Contact>(), defs ? defs.value() : QVector<CustomFieldDef>()};
        },
        [this](Result<Loaded> loaded) {
            setEnabled(true);
            if (!loaded) {
                m_messages.showGeneral(ErrorText::message(loaded.error()));
                m_tabs->setEnabled(false);
                return;
            }
            showCustomFields(loaded->customFields);
            display(loaded->customer, loaded->contacts);
            Q_EMIT this->loaded();
        });
}

void CustomerDialog::display(const Customer &c, const QVector<Contact> &contacts)
{
    m_customer = c;
    m_contacts = contacts;
    if (c.id)
        setWindowTitle(tr("Customer: %1").arg(c.name));
    m_name->setText(c.name);
    m_company->setText(c.company);
    m_industry->setText(c.industry);
    m_position->setText(c.position);
    m_occupation->setText(c.occupation);
    m_source->setText(c.source);
    m_tags->setText(c.tags.join(QStringLiteral(", ")));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(c.kind)));
    m_status->setCurrentIndex(std::max(0, m_status->findData(c.status)));
    m_level->setCurrentIndex(std::max(0, m_level->findData(c.level)));
    m_gender->setCurrentIndex(std::max(0, m_gender->findData(c.gender)));
    m_birthday->setDate(c.birthday.isValid() ? c.birthday : m_birthday->minimumDate());
    m_notes->setPlainText(c.notes);
    m_phones->setRowCount(0);
    for (const Phone &p : c.phones)
        appendRow(m_phones, {p.number, p.label}, p.primary);
    m_emails->setRowCount(0);
    for (const Email &e : c.emails)
        appendRow(m_emails, {e.address, e.label}, e.primary);
    m_addresses->setRowCount(0);
    for (const Address &a : c.addresses)
        appendRow(m_addresses, {a.label, a.province, a.city, a.district, a.street, a.number, a.postalCode}, a.primary);
    m_contactTable->setRowCount(0);
    for (const Contact &ct : contacts) {
        const int row = m_contactTable->rowCount();
        m_contactTable->insertRow(row);
        const QStringList texts{ct.name, ct.position, ct.phone, ct.email};
        for (int col = 0; col < texts.size(); ++col)
            m_contactTable->setItem(row, col, new QTableWidgetItem(texts[col]));
    }
    m_tabs->setTabEnabled(4, c.id != 0); // contacts belong to a saved customer
    if (m_customFields)
        m_customFields->setValues(c.customFields);
    if (c.id)
        m_info->setText(tr("Owner: %1 · Created %2 · Last contact %3 · Won %4")
                            .arg(c.ownerId ? c.ownerName : tr("Public pool"), DisplayFormat::date(c.createdAt),
                                 c.lastContactAt ? DisplayFormat::dateTime(c.lastContactAt) : tr("never"),
                                 DisplayFormat::money(c.wonValueMinor)));
    applyFieldRules();
}

void CustomerDialog::showCustomFields(const QVector<CustomFieldDef> &defs)
{
    if (defs.isEmpty() || m_customFields)
        return;
    m_customFields = new CustomFieldsEditor(this);
    m_customFields->setDefinitions(defs);
    m_customFields->setValues(m_customer.customFields);
    m_messages.insert(m_customFields->messageLabels());
    m_fieldWidgets.insert(QStringLiteral("customFields"), m_customFields);
    m_tabs->insertTab(5, m_customFields, tr("Custom fields"));
    applyFieldRules();
}

void CustomerDialog::applyFieldRules()
{
    // Hidden fields are blank and read-only fields cannot be sent; show both as not editable.
    const Actor &actor = m_session.actor();
    for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it) {
        const FieldRule rule = actor.fieldRule(kEntity, it.key());
        it.value()->setEnabled(rule == FieldRule::Editable);
        if (rule == FieldRule::Hidden || m_customer.hiddenFields.contains(it.key()))
            it.value()->setToolTip(tr("Hidden by your role"));
    }
}

QSet<QString> CustomerDialog::editableFields() const
{
    QSet<QString> fields;
    const Actor &actor = m_session.actor();
    for (const char *f : {"name", "kind", "status", "level", "company", "industry", "position", "occupation", "gender",
                          "birthday", "source", "tags", "notes", "phones", "emails", "addresses"}) {
        const QString field = QString::fromLatin1(f);
        if (actor.fieldRule(kEntity, field) == FieldRule::Editable && !m_customer.hiddenFields.contains(field))
            fields.insert(field);
    }
    const QString custom = QStringLiteral("customFields");
    if (m_customFields && actor.fieldRule(kEntity, custom) == FieldRule::Editable && !m_customer.hiddenFields.contains(custom))
        fields.insert(custom);
    return fields;
}

Customer CustomerDialog::collect() const
{
    Customer c = m_customer;
    c.name = m_name->text();
    c.company = m_company->text();
    c.industry = m_industry->text();
    c.position = m_position->text();
    c.occupation = m_occupation->text();
    c.source = m_source->text();
    c.tags.clear();
    // Chinese input often uses the full-width comma or the enumeration comma.
    for (const QString &t : m_tags->text().split(QRegularExpression(QStringLiteral("[,，、;；]")), Qt::SkipEmptyParts))
        if (!t.trimmed().isEmpty())
            c.tags << t.trimmed();
    c.kind = m_kind->currentData().toString();
    c.status = m_status->currentData().toString();
    c.level = m_level->currentData().toString();
    c.gender = m_gender->currentData().toString();
    c.birthday = m_birthday->date() == m_birthday->minimumDate() ? QDate() : m_birthday->date();
    c.notes = m_notes->toPlainText();
    c.phones.clear();
    for (int r = 0; r < m_phones->rowCount(); ++r)
        if (!cell(m_phones, r, 0).isEmpty())
            c.phones << Phone{cell(m_phones, r, 0), cell(m_phones, r, 1), checked(m_phones, r, 2)};
    c.emails.clear();
    for (int r = 0; r < m_emails->rowCount(); ++r)
        if (!cell(m_emails, r, 0).isEmpty())
            c.emails << Email{cell(m_emails, r, 0), cell(m_emails, r, 1), checked(m_emails, r, 2)};
    c.addresses.clear();
    for (int r = 0; r < m_addresses->rowCount(); ++r) {
        Address a{cell(m_addresses, r, 0), cell(m_addresses, r, 1), cell(m_addresses, r, 2), cell(m_addresses, r, 3),
                  cell(m_addresses, r, 4), cell(m_addresses, r, 5), cell(m_addresses, r, 6), checked(m_addresses, r, 7)};
        if (!QString(a.province + a.city + a.district + a.street).isEmpty())
            c.addresses << a;
    }
    if (m_customFields)
        c.customFields = m_customFields->values(m_customer.customFields);
    return c;
}

QString CustomerDialog::fieldMessage(const QString &field) const
{
    return m_messages.text(field);
}

QString CustomerDialog::generalMessage() const
{
    return m_messages.generalText();
}

void CustomerDialog::showError(const Error &error)
{
    if (m_messages.show(error.field, ErrorText::message(error))) {
        QWidget *w = m_fieldWidgets.value(error.field);
        if (!w && m_customFields)
            w = m_customFields->editorFor(error.field);
        if (w) {
            // Bring the field's tab forward and put the cursor in it.
            for (int i = 0; i < m_tabs->count(); ++i)
                if (m_tabs->widget(i)->isAncestorOf(w))
                    m_tabs->setCurrentIndex(i);
            w->setFocus();
        }
    }
    Q_EMIT saveFailed(error);
}

void CustomerDialog::save()
{
    m_messages.clear();
    const Customer values = collect();
    const Actor actor = m_session.actor();
    const qint64 id = m_customer.id;
    const QSet<QString> fields = editableFields();
    const int version = m_customer.version;
    setEnabled(false);
    m_session.worker().run(
        this,
        [actor, id, values, fields, version](Database &db) {
            CustomerService svc(db);
            return id ? svc.update(actor, id, values, fields, version) : svc.create(actor, values);
        },
        [this, actor, fields](Result<Customer> result) {
            setEnabled(true);
            if (!result) {
                showError(result.error());
                return;
            }
            if (m_customer.id) {
                // Undo puts the edited fields back as they were loaded, unless someone saved the customer
                // since (the version each step leaves is the one the next expects).
                auto version = std::make_shared<int>(result->version);
                auto step = [actor, fields, version](const Customer &values) {
                    return [actor, fields, version, values](Database &db) -> Status {
                        auto r = CustomerService(db).update(actor, values.id, values, fields, *version);
                        if (!r)
                            return r.error();
                        *version = r->version;
                        return {};
                    };
                };
                m_session.undoHistory().push(tr("Edit “%1”").arg(result->name), step(m_customer), step(*result));
            }
            m_customer = result.value();
            Q_EMIT saved(m_customer.id);
            accept();
        });
}

void CustomerDialog::openDeal(qint64 opportunityId)
{
    OpportunityDialog *dialog = nullptr;
    if (opportunityId) {
        dialog = new OpportunityDialog(m_session, opportunityId, this);
    } else {
        Opportunity draft;
        draft.customerId = m_customer.id;
        draft.customerName = m_customer.name;
        dialog = new OpportunityDialog(m_session, draft, this);
    }
    dialog->setCustomerLinkVisible(false); // this page is the customer's
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void CustomerDialog::addContact()
{
    QDialog form(this);
    form.setWindowTitle(tr("New contact"));
    auto *name = new QLineEdit(&form);
    auto *position = new QLineEdit(&form);
    auto *phone = new QLineEdit(&form);
    auto *email = new QLineEdit(&form);
    auto *layout = new QFormLayout(&form);
    layout->addRow(tr("Name"), name);
    layout->addRow(tr("Position"), position);
    layout->addRow(tr("Phone"), phone);
    layout->addRow(tr("Email"), email);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &form);
    connect(buttons, &QDialogButtonBox::accepted, &form, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &form, &QDialog::reject);
    layout->addRow(buttons);
    if (form.exec() != QDialog::Accepted)
        return;
    Contact draft;
    draft.customerId = m_customer.id;
    draft.name = name->text();
    draft.position = position->text();
    draft.phone = phone->text();
    draft.email = email->text();
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor, draft](Database &db) { return ContactService(db).add(actor, draft); },
        [this](Result<Contact> added) {
            if (!added) {
                QMessageBox::warning(this, tr("Contact not added"), ErrorText::message(added.error()));
                return;
            }
            m_contacts << added.value();
            display(m_customer, m_contacts);
        });
}

void CustomerDialog::removeContact()
{
    const int row = m_contactTable->currentRow();
    if (row < 0 || row >= m_contacts.size())
        return;
    const qint64 contactId = m_contacts.at(row).id;
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor, contactId](Database &db) { return ContactService(db).remove(actor, contactId); },
        [this, contactId](Status st) {
            if (!st) {
                QMessageBox::warning(this, tr("Contact not removed"), ErrorText::message(st.error()));
                return;
            }
            m_contacts.erase(std::remove_if(m_contacts.begin(), m_contacts.end(),
                                            [contactId](const Contact &c) { return c.id == contactId; }),
                             m_contacts.end());
            display(m_customer, m_contacts);
        });
}

} // namespace crm
