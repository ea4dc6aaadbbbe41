#include "ui/pipeline/OpportunityDialog.h"

#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/SeedNames.h"
#include "core/domain/Money.h"
#include "core/security/Permission.h"
#include "core/services/OpportunityService.h"
#include "core/services/OrgService.h"
#include "core/services/PipelineService.h"
#include "core/services/TaskService.h"
#include "core/storage/Database.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"
#include "ui/customers/CustomerTimeline.h"
#include "ui/undo/UndoHistory.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

namespace crm {

namespace {

const QString kEntity = QStringLiteral("opportunity");
constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;

QTreeWidget *makeList(const QStringList &headers, const char *name, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(QString::fromLatin1(name));
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->header()->setStretchLastSection(true);
    return list;
}

} // namespace

struct OpportunityDialog::Loaded
{
    Opportunity opportunity;
    QVector<Pipeline> pipelines;
    QVector<User> users;
    QVector<StageChange> history;
    QVector<Task> tasks;
};

OpportunityDialog::OpportunityDialog(Session &session, qint64 opportunityId, QWidget *parent)
    : QDialog(parent), m_session(session), m_messages(this)
{
    Opportunity existing;
    existing.id = opportunityId;
    m_opportunity = existing;
    build();
    setWindowTitle(tr("Opportunity"));
    load(existing);
}

OpportunityDialog::OpportunityDialog(Session &session, const Opportunity &draft, QWidget *parent)
    : QDialog(parent), m_session(session), m_messages(this)
{
    Opportunity fresh = draft;
    fresh.id = 0;
    m_opportunity = fresh;
    build();
    setWindowTitle(tr("New opportunity"));
    load(fresh);
}

void OpportunityDialog::build()
{
    setObjectName(QStringLiteral("opportunityDialog"));
    auto named = [this](QWidget *w, const char *field) {
        w->setObjectName(QString::fromLatin1(field));
        m_fieldWidgets.insert(QString::fromLatin1(field), w);
    };
    m_name = new QLineEdit(this);
    named(m_name, "name");
    m_customer = new QLabel(this);
    m_customer->setObjectName(QStringLiteral("customer"));
    m_openCustomer = new QPushButton(tr("Open customer"), this);
    m_openCustomer->setObjectName(QStringLiteral("openCustomer"));
    connect(m_openCustomer, &QPushButton::clicked, this, [this] {
        if (m_opportunity.customerId)
            Q_EMIT openCustomer(m_opportunity.customerId);
    });
    m_pipeline = new QComboBox(this);
    m_pipeline->setObjectName(QStringLiteral("pipelineId"));
    m_pipeline->setToolTip(tr("Another pipeline moves the opportunity to the stage chosen there"));
    m_stage = new QComboBox(this);
    named(m_stage, "stageId");
    m_lossReason = new QLineEdit(this);
    named(m_lossReason, "lossReason");
    m_lossReason->setPlaceholderText(tr("Why was it lost? (price, competitor, no budget…)"));
    m_amount = new QLineEdit(this);
    named(m_amount, "amountMinor");
    m_amount->setPlaceholderText(QStringLiteral("0.00"));
    m_amount->setAlignment(Qt::AlignRight);
    m_currency = new QComboBox(this);
    named(m_currency, "currency");
    m_currency->setEditable(true);
    m_currency->setInsertPolicy(QComboBox::NoInsert);
    for (const char *code : {"CNY", "USD", "EUR", "HKD", "JPY", "GBP"})
        m_currency->addItem(QString::fromLatin1(code));
    m_probability = new QSpinBox(this);
    named(m_probability, "probability");
    m_probability->setRange(0, 100);
    m_probability->setSuffix(QStringLiteral("%"));
    m_expectedClose = new QDateEdit(this);
    named(m_expectedClose, "expectedCloseDate");
    m_expectedClose->setCalendarPopup(true);
    m_expectedClose->setMinimumDate(QDate(2000, 1, 1));
    m_expectedClose->setSpecialValueText(tr("Not set")); // the minimum date stands for "none"
    m_owner = new QComboBox(this);
    named(m_owner, "ownerId");
    m_notes = new QPlainTextEdit(this);
    named(m_notes, "notes");
    m_notes->setTabChangesFocus(true);
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("info"));
    m_info->setWordWrap(true);

    auto *page = new QWidget(this);
    auto *form = m_form = new QFormLayout(page);
    auto row = [&](const QString &label, QLayout *content, const char *field) {
        auto *box = new QVBoxLayout;
        box->setSpacing(2);
        box->addLayout(content);
        if (field)
            box->addWidget(m_messages.add(QString::fromLatin1(field)));
        form->addRow(label, box);
        return box;
    };
    auto single = [](QWidget *w, QWidget *extra = nullptr) {
        auto *line = new QHBoxLayout;
        line->addWidget(w, 1);
        if (extra)
            line->addWidget(extra);
        return line;
    };
    row(tr("Name"), single(m_name), "name");
    row(tr("Customer"), single(m_customer, m_openCustomer), "customerId");
    row(tr("Pipeline"), single(m_pipeline), nullptr);
    row(tr("Stage"), single(m_stage), "stageId");
    m_lossReasonRow = form->rowCount();
    row(tr("Loss reason"), single(m_lossReason), "lossReason");
    auto *money = new QHBoxLayout;
    money->addWidget(m_amount, 1);
    money->addWidget(m_currency);
    auto *moneyBox = row(tr("Amount"), money, "amountMinor");
    moneyBox->addWidget(m_messages.add(QStringLiteral("currency")));
    row(tr("Probability"), single(m_probability), "probability");
    row(tr("Expected close"), single(m_expectedClose), "expectedCloseDate");
    row(tr("Owner"), single(m_owner), "ownerId");
    row(tr("Notes"), single(m_notes), "notes");
    form->addRow(QString(), m_info);

    m_historyList = makeList({tr("Stage"), tr("From"), tr("Moved by"), tr("Entered"), tr("Days in stage")}, "stageHistory", this);
    m_taskList = makeList({tr("Task"), tr("Due"), tr("Assignee"), tr("Status")}, "tasks", this);

    m_tabs = new QTabWidget(this);
    m_tabs->addTab(page, tr("Opportunity"));
    m_tabs->addTab(m_historyList, tr("Stage history"));
    if (m_session.actor().can(Permission::TaskRead))
        m_tabs->addTab(m_taskList, tr("Tasks"));
    else
        m_taskList->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setEnabled(m_session.actor().can(Permission::OpportunityWrite));
    m_delete = buttons->addButton(tr("Delete…"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(QStringLiteral("delete"));
    m_delete->setVisible(m_opportunity.id && m_session.actor().can(Permission::OpportunityDelete));
    connect(buttons, &QDialogButtonBox::accepted, this, &OpportunityDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &OpportunityDialog::remove);

    connect(m_pipeline, &QComboBox::currentIndexChanged, this, [this] {
        fillStages(m_pipeline->currentData().toLongLong(), 0);
    });
    connect(m_stage, &QComboBox::currentIndexChanged, this, &OpportunityDialog::stageChosen);
    // Every programmatic change is made under a signal blocker: what arrives here is the user's.
    connect(m_probability, &QSpinBox::valueChanged, this, [this] { m_probabilityEdited = true; });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_messages.general());
    layout->addWidget(buttons);
    resize(560, 600);
}

void OpportunityDialog::load(const Opportunity &draft)
{
    setEnabled(false); // until loaded
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this,
        [actor, draft](Database &db) -> Result<Loaded> {
            Loaded out;
            if (draft.id) {
                auto o = OpportunityService(db).get(actor, draft.id);
                if (!o)
                    return o.error();
                out.opportunity = *o;
                auto history = OpportunityService(db).stageHistory(actor, draft.id);
                if (history)
                    out.history = *history;
                if (actor.can(Permission::TaskRead)) {
                    TaskFilter f;
                    f.opportunityId = draft.id;
                    f.limit = 100;
                    if (auto tasks = TaskService(db).list(actor, f))
                        out.tasks = tasks->tasks;
                }
            } else {
                out.opportunity = draft;
                auto currency = OpportunityService::companyCurrency(db);
                if (!currency)
                    return currency.error();
                if (out.opportunity.currency.isEmpty())
                    out.opportunity.currency = *currency;
                if (!out.opportunity.ownerId)
                    out.opportunity.ownerId = actor.userId;
            }
            auto pipelines = PipelineService(db).list(actor);
            if (!pipelines)
                return pipelines.error();
            out.pipelines = *pipelines;
            auto users = OrgService(db).users(actor, false);
            if (users)
                for (const User &u : *users)
                    if (u.id == actor.userId || actor.canSeeOwner(u.id))
                        out.users << u;
            return out;
        },
        [this](Result<Loaded> loaded) {
            setEnabled(true);
            if (!loaded) {
                m_messages.showGeneral(ErrorText::message(loaded.error()));
                m_tabs->setEnabled(false);
                m_save->setEnabled(false);
                m_delete->hide();
                return;
            }
            showLoaded(*loaded);
            Q_EMIT this->loaded();
        });
}

void OpportunityDialog::showLoaded(const Loaded &loaded)
{
    m_pipelines = loaded.pipelines;
    m_users = loaded.users;
    m_history = loaded.history;
    m_tasks = loaded.tasks;

    m_owner->clear();
    for (const User &u : std::as_const(m_users))
        m_owner->addItem(u.displayName.isEmpty() ? u.username : u.displayName, u.id);
    const Opportunity &o = loaded.opportunity;
    if (o.ownerId && m_owner->findData(*o.ownerId) < 0) // an owner out of the list (inactive, or beyond the scope)
        m_owner->addItem(o.ownerName.isEmpty() ? tr("User %1").arg(*o.ownerId) : o.ownerName, *o.ownerId);
    if (!o.ownerId)
        m_owner->insertItem(0, tr("No owner"), QVariant());

    const QSignalBlocker block(m_pipeline);
    m_pipeline->clear();
    for (const Pipeline &p : std::as_const(m_pipelines))
        m_pipeline->addItem(SeedNames::pipeline(p.name), p.id);

    m_historyList->clear();
    for (const StageChange &c : std::as_const(m_history)) {
        const qint64 left = c.leftAt ? c.leftAt : QDateTime::currentMSecsSinceEpoch();
        auto *item = new QTreeWidgetItem(m_historyList, {SeedNames::stage(c.toStageName),
                                                         c.fromStageId ? SeedNames::stage(c.fromStageName) : tr("(created)"),
                                                         c.userId ? c.userName : tr("System"), DisplayFormat::dateTime(c.at),
                                                         QString::number((left - c.at) / kDayMs)});
        item->setTextAlignment(4, Qt::AlignRight | Qt::AlignVCenter);
    }
    if (o.id && !m_activities && m_session.actor().can(Permission::ActivityRead)) {
        // Built once the customer is known; after the stage history, before the tasks.
        m_activities = new CustomerTimeline(m_session, o.customerId, m_tabs, o.id);
        m_activities->setObjectName(QStringLiteral("activities"));
        m_tabs->insertTab(2, m_activities, tr("Activities"));
    }
    m_taskList->clear();
    for (const Task &t : std::as_const(m_tasks)) {
        new QTreeWidgetItem(m_taskList, {t.title, t.dueAt ? DisplayFormat::dateTime(*t.dueAt) : QString(), t.assigneeName,
                                         DisplayFormat::taskStatus(t.status)});
    }
    display(o);
}

void OpportunityDialog::display(const Opportunity &o)
{
    m_opportunity = o;
    if (o.id)
        setWindowTitle(tr("Opportunity: %1").arg(o.name));
    m_name->setText(o.name);
    m_customer->setText(o.customerName);
    m_openCustomer->setEnabled(o.customerId != 0);

    // The pipeline: the opportunity's, the draft's, or the one of the draft's stage; else the default.
    qint64 pipelineId = o.pipelineId;
    if (!pipelineId && o.stageId)
        for (const Pipeline &p : std::as_const(m_pipelines))
            for (const Stage &s : p.stages)
                if (s.id == o.stageId)
                    pipelineId = p.id;
    if (!pipelineId)
        for (const Pipeline &p : std::as_const(m_pipelines))
            if (p.isDefault)
                pipelineId = p.id;
    {
        const QSignalBlocker block(m_pipeline);
        m_pipeline->setCurrentIndex(std::max(0, m_pipeline->findData(pipelineId)));
    }
    m_probabilityEdited = !o.id && o.probability != Opportunity::StageProbability;
    if (m_probabilityEdited) {
        const QSignalBlocker block(m_probability);
        m_probability->setValue(o.probability);
    }
    fillStages(m_pipeline->currentData().toLongLong(), o.stageId);

    m_lossReason->setText(o.lossReason);
    m_amount->setText(o.hiddenFields.contains(QStringLiteral("amountMinor")) ? QString() : Money::formatMinor(o.amountMinor));
    if (m_currency->findText(o.currency) < 0)
        m_currency->addItem(o.currency);
    m_currency->setCurrentText(o.currency);
    m_expectedClose->setDate(o.expectedCloseDate.isValid() ? o.expectedCloseDate : m_expectedClose->minimumDate());
    m_owner->setCurrentIndex(std::max(0, o.ownerId ? m_owner->findData(*o.ownerId) : 0));
    m_notes->setPlainText(o.notes);

    if (o.id) {
        QString status = o.status == QLatin1String("won") ? tr("Won %1").arg(DisplayFormat::date(o.closedAt))
            : o.status == QLatin1String("lost")           ? tr("Lost %1").arg(DisplayFormat::date(o.closedAt))
                                                          : tr("Open, %n day(s) in this stage", nullptr,
                                                               int((QDateTime::currentMSecsSinceEpoch() - o.stageEnteredAt) / kDayMs));
        m_info->setText(tr("%1 · Created %2 · Updated %3").arg(status, DisplayFormat::date(o.createdAt), DisplayFormat::dateTime(o.updatedAt)));
    }
    m_delete->setVisible(o.id && m_session.actor().can(Permission::OpportunityDelete));
    applyFieldRules();
}

void OpportunityDialog::fillStages(qint64 pipelineId, qint64 stageId)
{
    const QSignalBlocker block(m_stage);
    m_stage->clear();
    for (const Pipeline &p : std::as_const(m_pipelines))
        if (p.id == pipelineId)
            for (const Stage &s : p.stages)
                m_stage->addItem(SeedNames::stage(s.name), s.id);
    m_stage->setCurrentIndex(std::max(0, m_stage->findData(stageId)));
    stageChosen();
}

const Stage *OpportunityDialog::chosenStage() const
{
    const qint64 id = m_stage->currentData().toLongLong();
    for (const Pipeline &p : m_pipelines)
        for (const Stage &s : p.stages)
            if (s.id == id)
                return &s;
    return nullptr;
}

void OpportunityDialog::stageChosen()
{
    const Stage *stage = chosenStage();
    const bool lost = stage && stage->kind == QLatin1String("lost");
    m_form->setRowVisible(m_lossReasonRow, lost);
    // Unless the user set a probability, show what the deal will have: the stage's, as the core
    // gives on a move or a create (back on the loaded stage: the loaded probability).
    if (stage && !m_probabilityEdited) {
        const bool loadedStage = m_opportunity.id && stage->id == m_opportunity.stageId;
        const QSignalBlocker block(m_probability);
        m_probability->setValue(loadedStage ? m_opportunity.probability : stage->probability);
    }
}

void OpportunityDialog::applyFieldRules()
{
    // Hidden fields are blank and read-only fields cannot be sent; show both as not editable.
    const Actor &actor = m_session.actor();
    const bool canWrite = actor.can(Permission::OpportunityWrite);
    for (auto it = m_fieldWidgets.cbegin(); it != m_fieldWidgets.cend(); ++it) {
        const QString &field = it.key();
        const FieldRule rule = actor.fieldRule(kEntity, field);
        it.value()->setEnabled(canWrite && rule == FieldRule::Editable && !m_opportunity.hiddenFields.contains(field));
        if (rule == FieldRule::Hidden || m_opportunity.hiddenFields.contains(field))
            it.value()->setToolTip(tr("Hidden by your role"));
    }
    // A pipeline is chosen with its stage: another one moves the deal there (OpportunityService::moveStage).
    const bool pipelineEditable = actor.fieldRule(kEntity, QStringLiteral("pipelineId")) == FieldRule::Editable;
    m_pipeline->setEnabled(m_stage->isEnabled() && (!m_opportunity.id || pipelineEditable));
}

Result<Opportunity> OpportunityDialog::collect() const
{
    Opportunity o = m_opportunity;
    o.name = m_name->text().trimmed();
    const Stage *stage = chosenStage();
    o.stageId = stage ? stage->id : 0;
    o.lossReason = stage && stage->kind == QLatin1String("lost") ? m_lossReason->text().trimmed() : QString();
    if (m_amount->isEnabled()) {
        const QString text = m_amount->text().remove(QLatin1Char(',')).remove(QChar(0xFF0C)).trimmed();
        const auto minor = Money::parseMinor(text.isEmpty() ? QStringLiteral("0") : text);
        if (!minor)
            return Error::validation(QStringLiteral("format"), QStringLiteral("amountMinor"),
                                     QStringLiteral("Enter an amount like 12500 or 12500.50"));
        o.amountMinor = *minor;
    }
    o.currency = m_currency->currentText().trimmed().toUpper();
    o.probability = o.id || m_probabilityEdited ? m_probability->value() : Opportunity::StageProbability;
    o.expectedCloseDate = m_expectedClose->date() == m_expectedClose->minimumDate() ? QDate() : m_expectedClose->date();
    o.ownerId = m_owner->currentData().isNull() ? std::nullopt : std::optional<qint64>(m_owner->currentData().toLongLong());
    o.notes = m_notes->toPlainText();
    return o;
}

QSet<QString> OpportunityDialog::editedFields(const Opportunity &values) const
{
    const Opportunity &was = m_opportunity;
    const Actor &actor = m_session.actor();
    QSet<QString> fields;
    auto edited = [&](const char *f, bool differs) {
        const QString field = QString::fromLatin1(f);
        if (differs && actor.fieldRule(kEntity, field) == FieldRule::Editable && !was.hiddenFields.contains(field))
            fields.insert(field);
    };
    edited("name", values.name != was.name);
    edited("amountMinor", values.amountMinor != was.amountMinor);
    edited("currency", values.currency != was.currency);
    edited("probability", values.probability != was.probability);
    edited("expectedCloseDate", values.expectedCloseDate != was.expectedCloseDate);
    edited("ownerId", values.ownerId != was.ownerId);
    edited("notes", values.notes != was.notes);
    // A loss reason corrected while the deal stays lost; a move brings its own.
    edited("lossReason", values.stageId == was.stageId && values.lossReason != was.lossReason);
    return fields;
}

QString OpportunityDialog::fieldMessage(const QString &field) const
{
    return m_messages.text(field);
}

QString OpportunityDialog::generalMessage() const
{
    return m_messages.generalText();
}

void OpportunityDialog::setCustomerLinkVisible(bool visible)
{
    m_openCustomer->setVisible(visible);
}

void OpportunityDialog::showError(const Error &error)
{
    if (m_messages.show(error.field, ErrorText::message(error))) {
        m_tabs->setCurrentIndex(0);
        if (QWidget *w = m_fieldWidgets.value(error.field))
            w->setFocus();
    }
    Q_EMIT saveFailed(error);
}

void OpportunityDialog::save()
{
    m_messages.clear();
    auto collected = collect();
    if (!collected) {
        showError(collected.error());
        return;
    }
    const Opportunity values = *collected;
    const Opportunity before = m_opportunity;
    const Actor actor = m_session.actor();
    const QSet<QString> fields = editedFields(values);
    const bool move = before.id && values.stageId != before.stageId;
    if (before.id && fields.isEmpty() && !move) {
        accept(); // nothing edited
        return;
    }
    setEnabled(false);
    m_session.worker().run(
        this,
        [actor, before, values, fields, move](Database &db) -> Result<Opportunity> {
            OpportunityService svc(db);
            if (!before.id)
                return svc.create(actor, values);
            // The move first (it sets the stage's probability), then the edited fields, which may
            // name another probability: one transaction, so neither half lands alone.
            return db.write([&]() -> Result<Opportunity> {
                int version = before.version;
                if (move) {
                    auto moved = svc.moveStage(actor, before.id, values.stageId, version, values.lossReason);
                    if (!moved)
                        return moved.error();
                    version = moved->version;
                    if (fields.isEmpty())
                        return moved;
                }
                return svc.update(actor, before.id, values, fields, version);
            });
        },
        [this, actor, before, fields, move](Result<Opportunity> result) {
            setEnabled(true);
            if (!result) {
                showError(result.error());
                return;
            }
            if (before.id) {
                // Undo puts the stage and the edited fields back as they were loaded, unless someone
                // saved the opportunity since (each step leaves the version the next expects).
                auto version = std::make_shared<int>(result->version);
                auto step = [actor, fields, move, version](const Opportunity &target) {
                    return [actor, fields, move, version, target](Database &db) -> Status {
                        auto r = db.write([&]() -> Result<Opportunity> {
                            OpportunityService svc(db);
                            int v = *version;
                            if (move) {
                                auto moved = svc.moveStage(actor, target.id, target.stageId, v, target.lossReason);
                                if (!moved)
                                    return moved.error();
                                v = moved->version;
                            }
                            QSet<QString> put = fields;
                            if (move)
                                put.insert(QStringLiteral("probability")); // the move set the stage's
                            return svc.update(actor, target.id, target, put, v);
                        });
                        if (!r)
                            return r.error();
                        *version = r->version;
                        return {};
                    };
                };
                m_session.undoHistory().push(tr("Edit opportunity “%1”").arg(result->name), step(before), step(*result));
            }
            m_opportunity = *result;
            Q_EMIT saved(result->id);
            accept();
        });
}

void OpportunityDialog::remove()
{
    if (!m_opportunity.id)
        return;
    const bool yes = m_confirm ? m_confirm()
                               : QMessageBox::question(this, tr("Delete opportunity"),
                                                       tr("Delete “%1”? Its stage history goes with it; its tasks and activities stay "
                                                          "with the customer.")
                                                           .arg(m_opportunity.name))
            == QMessageBox::Yes;
    if (!yes)
        return;
    m_messages.clear();
    const Actor actor = m_session.actor();
    const qint64 id = m_opportunity.id;
    setEnabled(false);
    m_session.worker().run(
        this, [actor, id](Database &db) { return OpportunityService(db).remove(actor, id); },
        [this, id](Status st) {
            setEnabled(true);
            if (!st) {
                showError(st.error());
                return;
            }
            Q_EMIT removed(id);
            accept();
        });
}

} // namespace crm
