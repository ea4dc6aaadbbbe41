#pragma once

#include "ui/dashboard/DashboardData.h"
#include "ui/dashboard/DashboardLink.h"
#include "ui/dashboard/DashboardSeries.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

namespace crm {

class ReloadSoon;

class Session;

// The manager's dashboard: KPI tiles (won amount and count, win rate, average deal size and cycle,
// new customers, open pipeline and its weighted value, activities) and four Qt Charts (won per
// bucket, new customers per bucket, the default pipeline's funnel with conversion per stage,
// activities per rep stacked by kind) for a period: the last 7/30/90/365 days or custom dates.
// Everything is read in one job on the session's worker (DashboardLoader), scoped to the signed-in
// user by the core. Opportunity, customer and activity changes from anywhere reload it, debounced
// (1 s; a hidden dashboard waits until it is shown). Clicking a bar or a funnel stage emits
// openList() with what to list; the main window opens the matching view.
class DashboardView : public QWidget
{
    Q_OBJECT
public:
    enum class Kpi { WonAmount, WonCount, WinRate, AverageDeal, AverageCycle, NewCustomers, OpenPipeline, OpenWeighted, Activities };
    static constexpr int kReloadDelayMs = 1000;

    explicit DashboardView(Session &session, QWidget *parent = nullptr);
    ~DashboardView() override;

    // The last `days` local days up to today: 7, 30, 90 or 365 pick the selector's entry; other
    // values pick "custom" with those days. Reloads.
    void setPeriodDays(int days);
    // The local days first..last, both included. Reloads.
    void setCustomRange(const QDate &first, const QDate &last);
    // The period the selector stands for now.
    Period currentPeriod() const;
    void reload();

    bool isLoading() const { return m_pending > 0; }
    const DashboardData &data() const { return m_data; }
    const DashboardSeries &series() const { return m_series; }
    QString kpiText(Kpi kpi) const;
    QString statusText() const;
    QChart *wonChart() const { return m_wonChart; }
    QChart *newCustomersChart() const { return m_customersChart; }
    QChart *funnelChart() const { return m_funnelChart; }
    QChart *activitiesChart() const { return m_activitiesChart; }

Q_SIGNALS:
    // A load finished (or failed: statusText() says why).
    void loaded();
    void openList(const crm::DashboardLink &link);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void periodChosen();
    void present(DashboardData data);
    void showKpis();
    void buildWonChart();
    void buildCustomersChart();
    void buildFunnelChart();
    void buildActivitiesChart();
    void emitLink(const std::optional<DashboardLink> &link);
    QWidget *addTile(Kpi kpi, const QString &title);

    Session &m_session;
    QComboBox *m_periodBox;
    QDateEdit *m_first;
    QDateEdit *m_last;
    QLabel *m_status;
    QHash<int, QLabel *> m_tiles; // Kpi -> value label
    QChart *m_wonChart;
    QChart *m_customersChart;
    QChart *m_funnelChart;
    QChart *m_activitiesChart;
    QChartView *m_activitiesView; // grows with the number of reps
    ReloadSoon *m_reloadSoon = nullptr; // a burst of changes reloads once
    QTimer m_datesSoon; // custom dates being typed
    DashboardData m_data;
    DashboardSeries m_series;
    int m_pending = 0;
    quint64 m_generation = 0; // answers to a replaced request are dropped
    bool m_stale = false; // a change arrived while hidden
};

} // namespace crm
