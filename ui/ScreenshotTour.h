#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace crm {

class MainWindow;

// The screenshot run (scripts/screenshots): a PNG of the sign-in, then of each main view once its
// data has arrived, and of a customer's page; then the application quits.
class ScreenshotTour : public QObject
{
    Q_OBJECT
public:
    explicit ScreenshotTour(const QString &directory, QObject *parent = nullptr);

    bool capture(QWidget *widget, const QString &name);
    void tour(MainWindow *window);
    bool failed() const { return m_failed; }

private:

    QString m_directory;
    bool m_failed = false;
};

} // namespace crm
