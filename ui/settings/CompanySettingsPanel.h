#pragma once

#include "core/Result.h"
#include "core/domain/Opportunity.h"
#include "core/security/Actor.h"

#include <QGroupBox>
#include <QVector>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace crm {

class Database;
class Session;

// Company-wide settings kept in the store, for everyone on it: the default reminder before a
// follow-up, and the pipelines' stages (add, rename, probability, order, remove). Everyone sees
// them; only settings administrators change them (PipelineService and FollowUpService check again).
// Every change names the pipeline's version, so two administrators cannot overwrite each other.
class CompanySettingsPanel : public QGroupBox
{
    Q_OBJECT
public:
    explicit CompanySettingsPanel(Session &session, QWidget *parent = nullptr);

    void reload();
    const QVector<Pipeline> &pipelines() const { return m_pipelines; }
    const Pipeline *currentPipeline() const;
    int reminderMinutes() const;

    // What the buttons do, public for tests. Rows are stage positions in the current pipeline.
    void saveReminder(int minutes);
    void addStage(const QString &name, int probability);
    void renameStage(int row, const QString &name);
    void setStageProbability(int row, int probability);
    void moveStage(int row, int delta);
    void removeStage(int row);

Q_SIGNALS:
    void loaded();
    void changed(bool ok, const QString &message);

private:
    void showPipeline();
    void apply(std::function<Result<Pipeline>(Database &, const Actor &)> change);
    void askAndAdd();
    void onCellChanged(int row, int column);

    Session &m_session;
    QVector<Pipeline> m_pipelines;
    QSpinBox *m_reminder;
    QComboBox *m_pipeline;
    QTableWidget *m_stages;
    QLabel *m_message;
    QList<QPushButton *> m_editButtons;
    bool m_admin = false;
    bool m_filling = false;
};

} // namespace crm
