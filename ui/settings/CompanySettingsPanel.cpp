#include "ui/settings/CompanySettingsPanel.h"

#include "ui/ReloadSoon.h"
#include "core/ChangeFeed.h"
#include "core/ErrorText.h"
#include "core/security/Permission.h"
#include "core/services/FollowUpService.h"
#include "core/services/PipelineService.h"
#include "ui/DisplayFormat.h"
#include "ui/Session.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace crm {

namespace {

enum Column { Name, Probability, Kind, ColumnCount };

struct Loaded
{
    QVector<Pipeline> pipelines;
    int reminderMinutes = FollowUpService::kDefaultReminderMinutes;
};

} // namespace

CompanySettingsPanel::CompanySettingsPanel(Session &session, QWidget *parent)
    : QGroupBox(tr("Company"), parent), m_session(session), m_reminder(new QSpinBox(this)), m_pipeline(new QComboBox(this)),
      m_stages(new QTableWidget(0, ColumnCount, this)), m_message(new QLabel(this))
{
    m_admin = session.actor().can(Permission::SettingsAdmin);
    m_reminder->setRange(0, 7 * 24 * 60);
    m_reminder->setSingleStep(15);
    m_reminder->setSuffix(tr(" min before"));
    m_reminder->setEnabled(m_admin);
    auto *saveReminder = new QPushButton(tr("Save"), this);
    connect(saveReminder, &QPushButton::clicked, this, [this] { this->saveReminder(m_reminder->value()); });

    m_stages->setHorizontalHeaderLabels({tr("Stage"), tr("Probability %"), tr("Kind")});
    m_stages->verticalHeader()->hide();
    m_stages->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_stages->setSelectionMode(QAbstractItemView::SingleSelection);
    m_stages->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_stages->horizontalHeader()->setSectionResizeMode(Probability, QHeaderView::ResizeToContents);
    m_stages->horizontalHeader()->setSectionResizeMode(Kind, QHeaderView::ResizeToContents);
    m_stages->setEditTriggers(m_admin ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                      : QAbstractItemView::NoEditTriggers);
    m_stages->setMinimumHeight(220);
    connect(m_stages, &QTableWidget::cellChanged, this, &CompanySettingsPanel::onCellChanged);
    connect(m_pipeline, &QComboBox::currentIndexChanged, this, &CompanySettingsPanel::showPipeline);

    auto *add = new QPushButton(tr("Add stage…"), this);
    auto *up = new QPushButton(tr("Move up"), this);
    auto *down = new QPushButton(tr("Move down"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, &CompanySettingsPanel::askAndAdd);
    connect(up, &QPushButton::clicked, this, [this] { moveStage(m_stages->currentRow(), -1); });
    connect(down, &QPushButton::clicked, this, [this] { moveStage(m_stages->currentRow(), +1); });
    connect(remove, &QPushButton::clicked, this, [this] { removeStage(m_stages->currentRow()); });
    m_editButtons = {saveReminder, add, up, down, remove};
    for (QPushButton *b : std::as_const(m_editButtons))
        b->setVisible(m_admin);
    m_message->setWordWrap(true);

    auto *reminderRow = new QHBoxLayout;
    reminderRow->addWidget(m_reminder);
    reminderRow->addWidget(saveReminder);
    reminderRow->addStretch();
    auto *stageButtons = new QHBoxLayout;
    for (QPushButton *b : {add, up, down, remove})
        stageButtons->addWidget(b);
    stageButtons->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Follow-up reminder"), reminderRow);
    form->addRow(tr("Pipeline"), m_pipeline);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_stages, 1);
    layout->addLayout(stageButtons);
    layout->addWidget(m_message);

    new ReloadSoon(
        session.feed(), 200,
        [](const Change &c) { return c.entity == QLatin1String("pipeline") || c.entity == QLatin1String("settings"); },
        [this] { reload(); }, this);
    reload();
}

const Pipeline *CompanySettingsPanel::currentPipeline() const
{
    const qint64 id = m_pipeline->currentData().toLongLong();
    for (const Pipeline &p : m_pipelines)
        if (p.id == id)
            return &p;
    return nullptr;
}

int CompanySettingsPanel::reminderMinutes() const
{
    return m_reminder->value();
}

void CompanySettingsPanel::reload()
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this,
        [actor](Database &db) -> Result<Loaded> {
            Loaded out;
            if (actor.can(Permission::OpportunityRead)) {
                auto pipelines = PipelineService(db).list(actor);
                if (!pipelines)
                    return pipelines.error();
                out.pipelines = *pipelines;
            }
            auto minutes = FollowUpService(db).defaultReminderMinutes();
            if (!minutes)
                return minutes.error();
            out.reminderMinutes = *minutes;
            return out;
        },
        [this](Result<Loaded> loaded) {
            if (!loaded) {
                m_message->setText(ErrorText::message(loaded.error()));
                Q_EMIT this->loaded();
                return;
            }
            m_reminder->setValue(loaded->reminderMinutes);
            const qint64 current = m_pipeline->currentData().toLongLong();
            m_pipelines = loaded->pipelines;
            m_pipeline->blockSignals(true);
            m_pipeline->clear();
            for (const Pipeline &p : m_pipelines)
                m_pipeline->addItem(p.isDefault ? tr("%1 (default)").arg(p.name) : p.name, p.id);
            m_pipeline->setCurrentIndex(qMax(0, m_pipeline->findData(current)));
            m_pipeline->blockSignals(false);
            showPipeline();
            Q_EMIT this->loaded();
        });
}

void CompanySettingsPanel::showPipeline()
{
    const Pipeline *p = currentPipeline();
    const int selected = m_stages->currentRow();
    m_filling = true;
    m_stages->setRowCount(p ? int(p->stages.size()) : 0);
    for (int row = 0; p && row < p->stages.size(); ++row) {
        const Stage &s = p->stages[row];
        auto *name = new QTableWidgetItem(s.name);
        auto *probability = new QTableWidgetItem(QString::number(s.probability));
        auto *kind = new QTableWidgetItem(DisplayFormat::dealStatus(s.kind));
        kind->setFlags(kind->flags() & ~Qt::ItemIsEditable); // fixed once the stage exists
        m_stages->setItem(row, Name, name);
        m_stages->setItem(row, Probability, probability);
        m_stages->setItem(row, Kind, kind);
    }
    m_filling = false;
    if (selected >= 0 && selected < m_stages->rowCount())
        m_stages->selectRow(selected);
}

void CompanySettingsPanel::onCellChanged(int row, int column)
{
    if (m_filling)
        return;
    const QString text = m_stages->item(row, column)->text().trimmed();
    if (column == Name)
        renameStage(row, text);
    else if (column == Probability) {
        bool ok = false;
        const int value = text.toInt(&ok);
        if (!ok) {
            m_message->setText(tr("The probability is a whole number from 0 to 100."));
            showPipeline();
            return;
        }
        setStageProbability(row, value);
    }
}

void CompanySettingsPanel::apply(std::function<Result<Pipeline>(Database &, const Actor &)> change)
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor, change](Database &db) { return change(db, actor); },
        [this](Result<Pipeline> result) {
            const QString message = result ? tr("Pipeline saved.") : ErrorText::message(result.error());
            m_message->setText(message);
            if (!result)
                showPipeline(); // the table goes back to what is stored
            Q_EMIT changed(result.ok(), message);
        });
}

void CompanySettingsPanel::saveReminder(int minutes)
{
    const Actor actor = m_session.actor();
    m_session.worker().run(
        this, [actor, minutes](Database &db) { return FollowUpService(db).setDefaultReminderMinutes(actor, minutes); },
        [this](Status st) {
            const QString message = st ? tr("Reminder default saved.") : ErrorText::message(st.error());
            m_message->setText(message);
            Q_EMIT changed(st.ok(), message);
        });
}

void CompanySettingsPanel::askAndAdd()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add stage"), tr("Name of the new stage (it goes before the closed stages):"),
                                               QLineEdit::Normal, {}, &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        addStage(name, 50);
}

void CompanySettingsPanel::addStage(const QString &name, int probability)
{
    const Pipeline *p = currentPipeline();
    if (!p)
        return;
    Stage draft;
    draft.name = name;
    draft.probability = probability;
    apply([id = p->id, version = p->version, draft](Database &db, const Actor &actor) {
        return PipelineService(db).addStage(actor, id, draft, std::nullopt, version);
    });
}

void CompanySettingsPanel::renameStage(int row, const QString &name)
{
    const Pipeline *p = currentPipeline();
    if (!p || row < 0 || row >= p->stages.size())
        return;
    Stage values;
    values.name = name;
    apply([stageId = p->stages[row].id, version = p->version, values](Database &db, const Actor &actor) {
        return PipelineService(db).updateStage(actor, stageId, values, {QStringLiteral("name")}, version);
    });
}

void CompanySettingsPanel::setStageProbability(int row, int probability)
{
    const Pipeline *p = currentPipeline();
    if (!p || row < 0 || row >= p->stages.size())
        return;
    Stage values;
    values.probability = probability;
    apply([stageId = p->stages[row].id, version = p->version, values](Database &db, const Actor &actor) {
        return PipelineService(db).updateStage(actor, stageId, values, {QStringLiteral("probability")}, version);
    });
}

void CompanySettingsPanel::moveStage(int row, int delta)
{
    const Pipeline *p = currentPipeline();
    const int to = row + delta;
    if (!p || row < 0 || row >= p->stages.size() || to < 0 || to >= p->stages.size())
        return;
    QVector<qint64> order;
    for (const Stage &s : p->stages)
        order << s.id;
    order.swapItemsAt(row, to);
    m_stages->selectRow(to);
    apply([id = p->id, version = p->version, order](Database &db, const Actor &actor) {
        return PipelineService(db).reorderStages(actor, id, order, version);
    });
}

void CompanySettingsPanel::removeStage(int row)
{
    const Pipeline *p = currentPipeline();
    if (!p || row < 0 || row >= p->stages.size())
        return;
    apply([stageId = p->stages[row].id, version = p->version](Database &db, const Actor &actor) {
        return PipelineService(db).removeStage(actor, stageId, version);
    });
}

} // namespace crm
