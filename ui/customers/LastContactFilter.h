#pragma once

#include <QWidget>

#include <optional>
#include <utility>

class QComboBox;
class QDateEdit;

namespace crm {

// The customer list's "last contact" filter: any, not contacted for 7/30/90 days (never contacted
// customers included: they have not been contacted either), never contacted, or contacted between two
// local dates. Answers the half-open UTC ms bounds of CustomerFilter::lastContactFrom/To.
class LastContactFilter : public QWidget
{
    Q_OBJECT
public:
    enum Choice { Any = -1, Never = 0, Days7 = 7, Days30 = 30, Days90 = 90, Between = -2 };

    explicit LastContactFilter(QWidget *parent = nullptr);

    Choice choice() const;
    void setChoice(Choice choice);
    // Between: the local days first..last, both included.
    void setRange(const QDate &first, const QDate &last);
    // {from, to} for CustomerFilter as of `nowMs` (UTC ms); both unset for Any.
    std::pair<std::optional<qint64>, std::optional<qint64>> bounds(qint64 nowMs) const;

Q_SIGNALS:
    void changed();

private:
    QComboBox *m_choice;
    QDateEdit *m_first;
    QDateEdit *m_last;
};

} // namespace crm
